import { parseFieldValues, type FieldUpdate } from './custom-field-values.ts';
import { entityExists, findPipeline, findStatus, firstStage, mainPipeline, pipelineOfStatus, userExists, LOST, WON } from './sim-state.ts';
import type { AmoLead, AmoPipeline, AmoState } from './sim-types.ts';
import { isInt, isObj, issue, join, optInt, optIntOrNull, optString, parseTags, type Obj, type ValidationIssue } from './validation.ts';

/** A validated lead write: only the fields the caller sent, status/pipeline already resolved. */
export interface LeadPatch {
  name?: string;
  price?: number;
  pipeline_id?: number;
  status_id?: number;
  responsible_user_id?: number;
  created_by?: number;
  updated_by?: number;
  created_at?: number;
  closed_at?: number | null;
  loss_reason_id?: number | null;
  fields?: FieldUpdate[];
  tags?: string[];
  contacts?: { id: number; is_main?: boolean }[];
  companies?: number[];
}

export interface ParseLeadOptions {
  /** Present when updating; decides which pipeline a bare status_id refers to. */
  existing?: AmoLead;
  /** `_embedded.contacts/companies` hold new entities (complex create), parsed elsewhere. */
  complex?: boolean;
}

export function parseLeadItem(state: AmoState, raw: unknown, path: string, opts: ParseLeadOptions = {}): { patch: LeadPatch; issues: ValidationIssue[] } {
  const issues: ValidationIssue[] = [];
  const patch: LeadPatch = {};
  if (!isObj(raw)) return { patch, issues: [issue.type(path, 'object')] };
  patch.name = optString(raw, 'name', path, issues);
  patch.price = optInt(raw, 'price', path, issues);
  patch.loss_reason_id = optIntOrNull(raw, 'loss_reason_id', path, issues);
  for (const key of ['responsible_user_id', 'created_by', 'updated_by'] as const) {
    const id = optInt(raw, key, path, issues);
    if (id === undefined) continue;
    // 0 means "robot/API" in amoCRM and is accepted for authorship fields.
    if (!userExists(state, id) && !(id === 0 && key !== 'responsible_user_id')) issues.push(issue.choice(join(path, key)));
    else patch[key] = id;
  }
  for (const key of ['created_at', 'closed_at'] as const) {
    if (raw[key] === undefined) continue;
    if (key === 'closed_at' && raw[key] === null) patch.closed_at = null;
    else {
      const v = raw[key];
      if (isInt(v)) patch[key] = v;
      else issues.push(issue.type(join(path, key), 'int'));
    }
  }
  resolveStage(state, raw, path, opts.existing, patch, issues);
  patch.fields = parseFieldValues(state.customFields.leads, raw.custom_fields_values, join(path, 'custom_fields_values'), issues);
  if (raw._embedded !== undefined) {
    const emb = raw._embedded;
    if (!isObj(emb)) issues.push(issue.type(join(path, '_embedded'), 'object'));
    else {
      patch.tags = parseTags(emb.tags, join(path, '_embedded.tags'), state.tags, issues);
      if (!opts.complex) {
        patch.contacts = parseRefs(state, emb.contacts, 'contacts', join(path, '_embedded.contacts'), issues);
        patch.companies = parseRefs(state, emb.companies, 'companies', join(path, '_embedded.companies'), issues)?.map((c) => c.id);
      }
    }
  }
  return { patch, issues };
}

function resolveStage(state: AmoState, raw: Obj, path: string, existing: AmoLead | undefined, patch: LeadPatch, issues: ValidationIssue[]): void {
  const pid = optInt(raw, 'pipeline_id', path, issues);
  const sid = optInt(raw, 'status_id', path, issues);
  if (existing && pid === undefined && sid === undefined) return;
  let pipeline: AmoPipeline | undefined;
  if (pid !== undefined) {
    pipeline = findPipeline(state, pid);
    if (!pipeline) return void issues.push(issue.choice(join(path, 'pipeline_id')));
  } else if (existing) {
    const current = findPipeline(state, existing.pipeline_id) ?? mainPipeline(state);
    pipeline = sid === undefined || sid === WON || sid === LOST || findStatus(current, sid) ? current : pipelineOfStatus(state, sid);
  } else {
    pipeline = sid === undefined || sid === WON || sid === LOST ? mainPipeline(state) : pipelineOfStatus(state, sid);
  }
  if (!pipeline) return void issues.push(issue.choice(join(path, 'status_id')));
  let statusId: number;
  if (sid !== undefined) {
    if (!findStatus(pipeline, sid)) return void issues.push(issue.choice(join(path, 'status_id')));
    statusId = sid;
  } else if (existing && existing.pipeline_id === pipeline.id) statusId = existing.status_id;
  else statusId = firstStage(pipeline).id;
  patch.pipeline_id = pipeline.id;
  patch.status_id = statusId;
}

/** `[{id, is_main?}]` references to existing entities. */
export function parseRefs(
  state: AmoState,
  raw: unknown,
  type: 'contacts' | 'companies' | 'leads',
  path: string,
  issues: ValidationIssue[],
): { id: number; is_main?: boolean }[] | undefined {
  if (raw === undefined) return undefined;
  if (!Array.isArray(raw)) {
    issues.push(issue.type(path, 'array'));
    return undefined;
  }
  const out: { id: number; is_main?: boolean }[] = [];
  raw.forEach((r, i) => {
    const id = isObj(r) ? r.id : undefined;
    if (!isInt(id) || !entityExists(state, type, id)) return void issues.push(issue.choice(join(join(path, i), 'id')));
    out.push(isObj(r) && typeof r.is_main === 'boolean' ? { id, is_main: r.is_main } : { id });
  });
  return out;
}
