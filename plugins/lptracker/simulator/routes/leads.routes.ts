import { projectOr } from '../contact-ops.ts';
import { badRequest, notFound } from '../envelope.ts';
import { asBool, asInt, asObject, asString, type JsonObject } from '../json-input.ts';
import { parseLeadPatch, parseNewLead } from '../lead-input.ts';
import { appendCall, assertLeadSettled, insertLead, leadOr404, patchLead, removeLead } from '../lead-ops.ts';
import { renderLead } from '../render-rest.ts';
import type { Router } from '../router.ts';
import type { SimCore } from '../sim-core.ts';
import type { LptLead } from '../sim-types.ts';

const SORT_DESC = 3; // PHP SORT_DESC; 4 (SORT_ASC) is the other direction clients send.

/** GET /lead/{project_id}/list: offset/limit, sort[created_at|updated_at], filter[*_from|*_to] (unix s), is_deal. */
function listLeads(core: SimCore, projectId: number, query: JsonObject): LptLead[] {
  const offset = Math.max(0, asInt(query.offset) ?? 0);
  const limit = Math.min(core.opts.listLimitCap, Math.max(1, asInt(query.limit) ?? 50));
  const filter = asObject(query.filter) ?? {};
  const bound = (key: string) => {
    const v = asInt(filter[key]);
    return v === undefined ? undefined : v * 1000;
  };
  const [cFrom, cTo, uFrom, uTo] = [bound('created_at_from'), bound('created_at_to'), bound('updated_at_from'), bound('updated_at_to')];
  const isDeal = asBool(query.is_deal);
  let leads = [...core.state.leads.values()].filter((l) =>
    l.projectId === projectId &&
    (isDeal === undefined || l.deal === isDeal) &&
    (cFrom === undefined || l.createdAt >= cFrom) && (cTo === undefined || l.createdAt <= cTo) &&
    (uFrom === undefined || l.updatedAt >= uFrom) && (uTo === undefined || l.updatedAt <= uTo));
  const sort = asObject(query.sort);
  const [sortKey, sortDir] = Object.entries(sort ?? {})[0] ?? ['id', '4'];
  const key = (l: LptLead) => (sortKey === 'updated_at' ? l.updatedAt : sortKey === 'created_at' ? l.createdAt : l.id);
  const desc = asInt(asString(sortDir)) === SORT_DESC;
  leads = leads.sort((a, b) => (key(a) - key(b) || a.id - b.id) * (desc ? -1 : 1));
  return leads.slice(offset, offset + limit);
}

export function registerLeadRoutes(router: Router): void {
  router
    .add('POST', '/lead', ({ core, body }) => {
      const { data, callback } = parseNewLead(core, body);
      const lead = insertLead(core, data);
      // callback: true asks LPTracker's telephony to dial the new lead right away.
      if (callback) appendCall(core, lead, core.callQueue.shift() ?? { disposition: 'ANSWERED' });
      return renderLead(core.state, lead);
    })
    .add('GET', '/lead/:id', ({ core, params }) => renderLead(core.state, leadOr404(core.state, params.id!)))
    // Lists leave `custom` out, as the real one may: clients needing values must GET /lead/{id}.
    .add('GET', '/lead/:projectId/list', ({ core, params, query }) => {
      const project = projectOr(core.state, params.projectId!, () => notFound('Проект'));
      return listLeads(core, project.id, query).map((l) => renderLead(core.state, l, false));
    })
    .add('PUT', '/lead/:id', ({ core, params, body }) => {
      const lead = leadOr404(core.state, params.id!);
      if (body.custom !== undefined) assertLeadSettled(core, lead);
      return renderLead(core.state, patchLead(core, lead, parseLeadPatch(core, lead, body)));
    })
    .add('DELETE', '/lead/:id', ({ core, params }) => {
      removeLead(core, leadOr404(core.state, params.id!));
      return undefined;
    })
    .add('PUT', '/lead/:id/funnel', ({ core, params, body }) => {
      const lead = leadOr404(core.state, params.id!);
      const stageId = asInt(body.funnel ?? body.stage_id);
      if (stageId === undefined) throw badRequest('Не указан этап funnel');
      return renderLead(core.state, patchLead(core, lead, { stageId }));
    })
    .add('PUT', '/lead/:id/owner', ({ core, params, body }) => {
      const lead = leadOr404(core.state, params.id!);
      const ownerId = asInt(body.owner ?? body.owner_id);
      if (ownerId === undefined) throw badRequest('Не указан ответственный owner');
      return renderLead(core.state, patchLead(core, lead, { ownerId }));
    });
}
