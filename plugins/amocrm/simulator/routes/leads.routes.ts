import type qs from 'qs';
import { parseLeadItem, type LeadPatch } from '../lead-input.ts';
import { createLead, updateLead } from '../lead-mutations.ts';
import { filterOf, inRange, intList, isReply, pageReply, readPaging, sortBy, withList } from '../list-query.ts';
import { hal, noContent, problems } from '../problem.ts';
import { leadView } from '../views.ts';
import type { Router } from '../router.ts';
import { leadMatches } from '../search.ts';
import { href, type SimCore } from '../sim-core.ts';
import type { AmoLead, AmoState } from '../sim-types.ts';
import { isInt, isObj, issue, type ValidationIssue } from '../validation.ts';
import { isBatchReply, isParsedReply, parseAll, readBatch } from '../write-batch.ts';

export function registerLeadRoutes(router: Router, core: SimCore): void {
  const s = core.state;

  router.add('GET', '/api/v4/leads', (r) => {
    const paging = readPaging(r.query);
    if (isReply(paging)) return paging;
    const withs = withList(r.query);
    const onlyDeleted = withs.has('only_deleted');
    const match = leadFilter(s, r.query);
    const q = typeof r.query.query === 'string' ? r.query.query : '';
    const all = [...s.leads.values()].filter((l) => l.is_deleted === onlyDeleted && match(l) && (q === '' || leadMatches(s, l, q)));
    return pageReply(core, r, 'leads', sortBy(all, r.query), paging, (l) => leadViewFor(core, l, withs));
  });

  router.add('GET', '/api/v4/leads/:id', (r) => {
    const lead = s.leads.get(r.params.id!);
    // A missing or deleted lead is a 204 with no body, not a 404.
    if (!lead || lead.is_deleted) return noContent();
    return hal(leadViewFor(core, lead, withList(r.query)));
  });

  router.add('POST', '/api/v4/leads', (r) => {
    const items = readBatch(r.body);
    if (isBatchReply(items)) return items;
    const parsed = parseAll(items, (raw) => {
      const { patch, issues } = parseLeadItem(s, raw, '');
      return { value: patch, issues };
    });
    if (isParsedReply(parsed)) return parsed;
    const created = parsed.map((p) => ({ lead: createLead(core, p.value), requestId: p.requestId }));
    return hal({
      _links: { self: href(core, '/api/v4/leads') },
      _embedded: { leads: created.map((c) => ({ id: c.lead.id, request_id: c.requestId, _links: { self: href(core, `/api/v4/leads/${c.lead.id}`) } })) },
    });
  });

  router.add('PATCH', '/api/v4/leads', (r) => {
    const items = readBatch(r.body);
    if (isBatchReply(items)) return items;
    const parsed = parseAll(items, (raw) => parseUpdate(s, raw, undefined));
    if (isParsedReply(parsed)) return parsed;
    const updated = parsed.map((p) => ({ lead: updateLead(core, p.value.lead!, p.value.patch), requestId: p.requestId }));
    return hal({
      _links: { self: href(core, '/api/v4/leads') },
      _embedded: {
        leads: updated.map((u) => ({
          id: u.lead.id,
          updated_at: u.lead.updated_at,
          request_id: u.requestId,
          _links: { self: href(core, `/api/v4/leads/${u.lead.id}`) },
        })),
      },
    });
  });

  router.add('PATCH', '/api/v4/leads/:id', (r) => {
    if (r.body === undefined) return problems.emptyBody();
    const { value, issues } = parseUpdate(s, r.body, r.params.id);
    if (issues.length > 0 || !value.lead) return problems.validation([{ request_id: '0', errors: issues }]);
    const lead = updateLead(core, value.lead, value.patch);
    return hal({ id: lead.id, updated_at: lead.updated_at, _links: { self: href(core, `/api/v4/leads/${lead.id}`) } });
  });
}

function leadViewFor(core: SimCore, lead: AmoLead, withs: Set<string>): object {
  return leadView(core, lead, { contacts: withs.has('contacts') });
}

function parseUpdate(s: AmoState, raw: unknown, pathId: number | undefined): { value: { lead?: AmoLead; patch: LeadPatch }; issues: ValidationIssue[] } {
  const id = pathId ?? (isObj(raw) ? raw.id : undefined);
  const lead = isInt(id) ? s.leads.get(id) : undefined;
  if (!lead || lead.is_deleted) return { value: { patch: {} }, issues: [issue.notFound('id')] };
  const { patch, issues } = parseLeadItem(s, raw, '', { existing: lead });
  return { value: { lead, patch }, issues };
}

/** The `filter[...]` parameters of GET /api/v4/leads (reference §4.1). */
function leadFilter(s: AmoState, query: qs.ParsedQs): (l: AmoLead) => boolean {
  const f = filterOf(query);
  const ids = intList(f.id);
  const pipelines = intList(f.pipeline_id);
  const responsible = intList(f.responsible_user_id);
  const createdBy = intList(f.created_by);
  const updatedBy = intList(f.updated_by);
  const name = typeof f.name === 'string' ? f.name.toLowerCase() : undefined;
  const statuses = statusPairs(f.statuses);
  const cf = isObj(f.custom_fields_values) ? f.custom_fields_values : undefined;
  return (l) =>
    (!ids || ids.includes(l.id)) &&
    (!pipelines || pipelines.includes(l.pipeline_id)) &&
    (!responsible || responsible.includes(l.responsible_user_id)) &&
    (!createdBy || createdBy.includes(l.created_by)) &&
    (!updatedBy || updatedBy.includes(l.updated_by)) &&
    (name === undefined || l.name.toLowerCase().includes(name)) &&
    (!statuses || statuses.some((p) => p.status_id === l.status_id && (p.pipeline_id === undefined || p.pipeline_id === l.pipeline_id))) &&
    inRange(l.price, f.price) &&
    inRange(l.created_at, f.created_at) &&
    inRange(l.updated_at, f.updated_at) &&
    inRange(l.closed_at, f.closed_at) &&
    inRange(l.closest_task_at, f.closest_task_at) &&
    (!cf || customFieldsMatch(l, cf));
}

function statusPairs(v: unknown): { pipeline_id?: number; status_id: number }[] | undefined {
  if (v === undefined) return undefined;
  const items = Array.isArray(v) ? v : isObj(v) ? Object.values(v) : [];
  const out: { pipeline_id?: number; status_id: number }[] = [];
  for (const it of items) {
    if (!isObj(it) || it.status_id === undefined) continue;
    const pair: { pipeline_id?: number; status_id: number } = { status_id: Number(it.status_id) };
    if (it.pipeline_id !== undefined) pair.pipeline_id = Number(it.pipeline_id);
    out.push(pair);
  }
  return out;
}

/** `filter[custom_fields_values][{id}][]=value|enum_id` or `[{id}][from|to]`. */
function customFieldsMatch(l: AmoLead, cf: Record<string, unknown>): boolean {
  return Object.entries(cf).every(([fieldId, wanted]) => {
    const f = (l.custom_fields_values ?? []).find((x) => x.field_id === Number(fieldId));
    if (!f) return false;
    if (isObj(wanted) && (wanted.from !== undefined || wanted.to !== undefined)) return f.values.some((v) => inRange(Number(v.value), wanted));
    const list = (Array.isArray(wanted) ? wanted : isObj(wanted) ? Object.values(wanted) : [wanted]).map(String);
    return f.values.some((v) => list.includes(String(v.value)) || (v.enum_id !== undefined && list.includes(String(v.enum_id))));
  });
}
