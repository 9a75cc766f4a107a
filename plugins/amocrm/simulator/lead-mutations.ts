import { applyFieldValues } from './custom-field-values.ts';
import type { LeadPatch } from './lead-input.ts';
import type { SimCore } from './sim-core.ts';
import { addLink, firstStage, mainPipeline, nowSec, resolveTags, LOST, WON } from './sim-state.ts';
import type { AmoLead } from './sim-types.ts';
import { leadDeletePairs, leadPairs, type LeadChange } from './webhook-format.ts';

const isClosed = (statusId: number) => statusId === WON || statusId === LOST;

export function createLead(core: SimCore, patch: LeadPatch): AmoLead {
  const s = core.state;
  const now = nowSec();
  const actor = core.actorId();
  const main = mainPipeline(s);
  const statusId = patch.status_id ?? firstStage(main).id;
  const id = s.nextId.lead++;
  const lead: AmoLead = {
    id,
    name: patch.name ?? `Сделка #${id}`,
    price: patch.price ?? 0,
    responsible_user_id: patch.responsible_user_id ?? actor,
    group_id: 0,
    status_id: statusId,
    pipeline_id: patch.pipeline_id ?? main.id,
    loss_reason_id: patch.loss_reason_id ?? null,
    source_id: null,
    created_by: patch.created_by ?? actor,
    updated_by: patch.updated_by ?? patch.created_by ?? actor,
    created_at: patch.created_at ?? now,
    updated_at: patch.created_at ?? now,
    closed_at: patch.closed_at ?? (isClosed(statusId) ? now : null),
    closest_task_at: null,
    is_deleted: false,
    custom_fields_values: applyFieldValues(null, patch.fields ?? []),
    score: null,
    labor_cost: null,
    account_id: s.account.id,
    tags: resolveTags(s, patch.tags ?? []),
  };
  s.leads.set(id, lead);
  for (const c of patch.contacts ?? []) addLink(s, 'leads', id, 'contacts', c.id, c.is_main);
  for (const companyId of patch.companies ?? []) addLink(s, 'leads', id, 'companies', companyId);
  core.emit({ setting: 'add_lead', entity: 'leads', action: 'add', pairs: leadPairs(lead) });
  return lead;
}

/**
 * Applies a validated patch. Events follow what amoCRM sends: `status` (with old ids) when the
 * stage changes, `responsible` when the owner changes, and `update` for any change (for a pure
 * stage change only when sendUpdateWithStatus is on).
 */
export function updateLead(core: SimCore, lead: AmoLead, patch: LeadPatch): AmoLead {
  const s = core.state;
  const now = nowSec();
  const old = { status: lead.status_id, pipeline: lead.pipeline_id, responsible: lead.responsible_user_id };
  let other = false;
  if (patch.name !== undefined && patch.name !== lead.name) {
    lead.name = patch.name;
    other = true;
  }
  if (patch.price !== undefined && patch.price !== lead.price) {
    lead.price = patch.price;
    other = true;
  }
  if (patch.loss_reason_id !== undefined && patch.loss_reason_id !== lead.loss_reason_id) {
    lead.loss_reason_id = patch.loss_reason_id;
    other = true;
  }
  if (patch.fields && patch.fields.length > 0) {
    const next = applyFieldValues(lead.custom_fields_values, patch.fields);
    if (JSON.stringify(next) !== JSON.stringify(lead.custom_fields_values)) {
      lead.custom_fields_values = next;
      other = true;
    }
  }
  if (patch.tags !== undefined) {
    lead.tags = resolveTags(s, patch.tags);
    other = true;
  }
  if (patch.responsible_user_id !== undefined) lead.responsible_user_id = patch.responsible_user_id;
  if (patch.pipeline_id !== undefined) lead.pipeline_id = patch.pipeline_id;
  if (patch.status_id !== undefined) lead.status_id = patch.status_id;
  const stageChanged = lead.status_id !== old.status || lead.pipeline_id !== old.pipeline;
  if (stageChanged && isClosed(lead.status_id)) lead.closed_at = patch.closed_at ?? now;
  else if (stageChanged && isClosed(old.status)) lead.closed_at = null;
  else if (patch.closed_at !== undefined) lead.closed_at = patch.closed_at;
  for (const c of patch.contacts ?? []) {
    addLink(s, 'leads', lead.id, 'contacts', c.id, c.is_main);
    other = true;
  }
  for (const companyId of patch.companies ?? []) {
    addLink(s, 'leads', lead.id, 'companies', companyId);
    other = true;
  }
  lead.updated_at = now;
  lead.updated_by = patch.updated_by ?? core.actorId();

  const responsibleChanged = lead.responsible_user_id !== old.responsible;
  const change: LeadChange = {};
  if (stageChanged) {
    change.old_status_id = old.status;
    if (lead.pipeline_id !== old.pipeline) change.old_pipeline_id = old.pipeline;
    core.emit({ setting: 'status_lead', entity: 'leads', action: 'status', pairs: leadPairs(lead, change) });
  }
  if (responsibleChanged) {
    core.emit({ setting: 'responsible_lead', entity: 'leads', action: 'responsible', pairs: leadPairs(lead, { old_responsible_user_id: old.responsible }) });
  }
  if (other || responsibleChanged || (stageChanged && core.sendUpdateWithStatus)) {
    core.emit({ setting: 'update_lead', entity: 'leads', action: 'update', pairs: leadPairs(lead, change) });
  }
  return lead;
}

export function deleteLead(core: SimCore, lead: AmoLead): void {
  lead.is_deleted = true;
  lead.updated_at = nowSec();
  lead.updated_by = core.actorId();
  core.emit({ setting: 'delete_lead', entity: 'leads', action: 'delete', pairs: leadDeletePairs(lead) });
}

export function restoreLead(core: SimCore, lead: AmoLead): void {
  lead.is_deleted = false;
  lead.updated_at = nowSec();
  core.emit({ setting: 'restore_lead', entity: 'leads', action: 'restore', pairs: leadPairs(lead) });
}
