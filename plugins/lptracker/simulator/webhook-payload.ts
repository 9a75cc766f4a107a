import { formatHi, unixSeconds } from './dates.ts';
import { recordUrl, renderCustomList, renderView } from './render-rest.ts';
import type { SimCore } from './sim-core.ts';
import type { LptLead } from './sim-types.ts';

export type LeadAction = 'create' | 'update' | 'delete';

/**
 * The lead webhook body (reference §8): full lead info with Unix timestamps, `deal` as 0/1,
 * phones under `contact.contacts[]`, plus what happened and when (ms).
 */
export function buildLeadPayload(core: SimCore, lead: LptLead, action: LeadAction, updateFields: string[]) {
  const { state } = core;
  const contact = state.contacts.get(lead.contactId);
  const stage = state.stages.get(lead.stageId);
  const owner = state.staff.get(lead.ownerId);
  const view = lead.viewId === null ? undefined : state.views.get(lead.viewId);
  const now = core.clock.now();
  const calls = [...state.calls.values()].filter((c) => c.leadId === lead.id);
  return {
    id: lead.id,
    contact_id: lead.contactId,
    detail_id: contact?.details[0]?.id ?? null,
    project_id: lead.projectId,
    created_at: unixSeconds(lead.createdAt),
    deal: lead.deal ? 1 : 0,
    local_time: formatHi(lead.createdAt),
    capture_type: 'api',
    owner_id: lead.ownerId,
    stage_id: lead.stageId,
    name: lead.name,
    form: '',
    author: { id: 0, type: 1, name: state.staff.get(0)?.name ?? '', job: '' },
    custom: renderCustomList(state, lead),
    view: view ? renderView(view) : {},
    contact: contact
      ? {
          id: contact.id, name: contact.name, profession: contact.profession, site: contact.site,
          created_at: unixSeconds(contact.createdAt), project_id: contact.projectId,
          contacts: contact.details.map((d) => ({ id: d.id, type: d.type, data: d.data })),
        }
      : {},
    owner: owner ? { id: owner.id, type: 1, last_project: lead.projectId, name: owner.name, job: owner.job } : {},
    stage: { id: lead.stageId, name: stage?.name ?? '' },
    payments: lead.payments.map((p) => ({ sum: String(p.sum), purpose_id: 1, purpose_name: p.purpose, category_id: 1, category_name: p.category })),
    calls_records: calls.map((c) => ({
      time: c.time, linkedid: c.linkedid, duration: c.duration,
      record: c.disposition === 'ANSWERED' ? recordUrl(core, c) : null, type: c.type, owner_id: c.ownerId,
    })),
    action,
    action_timestamp: now,
    ...(action === 'update' ? { action_update_fields: updateFields.join(',') } : {}),
  };
}

/** Queues the event for every lead webhook registered on the lead's project. */
export function emitLeadEvent(core: SimCore, lead: LptLead, action: LeadAction, updateFields: string[] = []): void {
  const hooks = [...core.state.callbacks.values()].filter((h) => h.projectId === lead.projectId);
  if (hooks.length === 0) return;
  const payload = buildLeadPayload(core, lead, action, updateFields);
  for (const h of hooks) core.webhooks.send(h.url, payload);
}
