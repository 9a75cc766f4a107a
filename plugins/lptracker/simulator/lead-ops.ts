import { unixSeconds } from './dates.ts';
import { badRequest, notFound, SimError } from './envelope.ts';
import type { SimCore } from './sim-core.ts';
import { projectStages } from './sim-state.ts';
import type {
  LptCall, LptCallOutcome, LptComment, LptCustomValue, LptLead, LptPayment, LptStage, LptState, LptView,
} from './sim-types.ts';
import { emitLeadEvent } from './webhook-payload.ts';

/**
 * Every lead mutation, shared by the REST routes and the admin API, so both fire the same
 * webhooks. Callers validate input; these functions check cross-entity rules.
 */

export interface NewLeadData {
  projectId: number;
  contactId: number;
  name: string;
  stageId?: number;
  ownerId: number;
  viewId: number | null;
  custom: Map<number, LptCustomValue | null>;
  createdAt?: number;
  deal: boolean;
  payments: LptPayment[];
}

export interface LeadPatch {
  name?: string;
  stageId?: number;
  ownerId?: number;
  viewId?: number | null;
  deal?: boolean;
  createdAt?: number;
  custom?: Map<number, LptCustomValue | null>;
  payments?: LptPayment[];
}

export function leadOr404(state: LptState, id: number): LptLead {
  const lead = state.leads.get(id);
  if (!lead) throw notFound('Лид');
  return lead;
}

/** A stage id from another project counts as unknown: LPTracker stages belong to one project. */
export function checkStage(state: LptState, projectId: number, stageId: number): LptStage {
  const stage = state.stages.get(stageId);
  if (!stage || stage.projectId !== projectId) throw badRequest(`Этап воронки ${stageId} не найден в проекте ${projectId}`);
  return stage;
}

export function checkOwner(state: LptState, ownerId: number): void {
  if (!state.staff.has(ownerId)) throw badRequest(`Сотрудник ${ownerId} не найден`);
}

/** The eventual-consistency quirk: a fresh lead is not yet visible to comment/custom writes. */
export function assertLeadSettled(core: SimCore, lead: LptLead): void {
  if (core.opts.invalidLeadIdMs > 0 && core.clock.now() - lead.insertedAt < core.opts.invalidLeadIdMs) {
    throw new SimError(400, 'invalid lead id');
  }
}

export function createView(core: SimCore, projectId: number, attrs: Map<string, string>): LptView {
  const view: LptView = { id: core.state.seq.view++, projectId, attrs };
  core.state.views.set(view.id, view);
  return view;
}

function applyCustom(lead: LptLead, custom: Map<number, LptCustomValue | null>): boolean {
  let changed = false;
  for (const [id, value] of custom) {
    const before = lead.custom.get(id);
    if (value === null) changed = lead.custom.delete(id) || changed;
    else if (JSON.stringify(before) !== JSON.stringify(value)) {
      lead.custom.set(id, value);
      changed = true;
    }
  }
  return changed;
}

export function insertLead(core: SimCore, data: NewLeadData): LptLead {
  const { state } = core;
  const first = projectStages(state, data.projectId)[0];
  if (!first) throw badRequest(`В проекте ${data.projectId} нет этапов воронки`);
  const stageId = data.stageId ?? first.id;
  checkStage(state, data.projectId, stageId);
  checkOwner(state, data.ownerId);
  const now = core.clock.now();
  const lead: LptLead = {
    id: state.seq.lead++,
    projectId: data.projectId,
    contactId: data.contactId,
    name: data.name,
    deal: data.deal,
    stageId,
    ownerId: data.ownerId,
    viewId: data.viewId,
    custom: new Map(),
    payments: [...data.payments],
    createdAt: data.createdAt ?? now,
    insertedAt: now,
    updatedAt: now,
  };
  applyCustom(lead, data.custom);
  state.leads.set(lead.id, lead);
  emitLeadEvent(core, lead, 'create');
  return lead;
}

/** Applies what differs and fires one `update` naming every changed part; no-op patches stay silent. */
export function patchLead(core: SimCore, lead: LptLead, patch: LeadPatch): LptLead {
  const { state } = core;
  if (patch.stageId !== undefined) checkStage(state, lead.projectId, patch.stageId);
  if (patch.ownerId !== undefined) checkOwner(state, patch.ownerId);
  const changed: string[] = [];
  if (patch.name !== undefined && patch.name !== lead.name) (lead.name = patch.name), changed.push('name');
  if (patch.stageId !== undefined && patch.stageId !== lead.stageId) (lead.stageId = patch.stageId), changed.push('stage.id');
  if (patch.ownerId !== undefined && patch.ownerId !== lead.ownerId) (lead.ownerId = patch.ownerId), changed.push('owner.id');
  if (patch.viewId !== undefined && patch.viewId !== lead.viewId) (lead.viewId = patch.viewId), changed.push('view');
  if (patch.deal !== undefined && patch.deal !== lead.deal) (lead.deal = patch.deal), changed.push('deal');
  if (patch.createdAt !== undefined && patch.createdAt !== lead.createdAt) (lead.createdAt = patch.createdAt), changed.push('created_at');
  if (patch.custom && applyCustom(lead, patch.custom)) changed.push('custom');
  if (patch.payments && patch.payments.length > 0) lead.payments.push(...patch.payments), changed.push('payments');
  if (changed.length > 0) {
    lead.updatedAt = core.clock.now();
    emitLeadEvent(core, lead, 'update', changed);
  }
  return lead;
}

export function removeLead(core: SimCore, lead: LptLead): void {
  const { state } = core;
  // The payload still carries the full lead, so build it before the lead disappears.
  emitLeadEvent(core, lead, 'delete');
  state.leads.delete(lead.id);
  for (const [id, c] of state.comments) if (c.leadId === lead.id) state.comments.delete(id);
  for (const [id, c] of state.calls) if (c.leadId === lead.id) state.calls.delete(id);
}

/** A finished call: stored on the lead and announced as an update of `calls_records`. */
export function appendCall(core: SimCore, lead: LptLead, outcome: LptCallOutcome): LptCall {
  const { state } = core;
  const now = core.clock.now();
  const time = unixSeconds(now);
  const call: LptCall = {
    id: state.seq.call++,
    leadId: lead.id,
    linkedid: `${time}.${state.seq.linked++}`,
    time,
    duration: outcome.duration ?? (outcome.disposition === 'ANSWERED' ? 63 : 0),
    disposition: outcome.disposition,
    type: outcome.type ?? 'outgoing',
    ownerId: outcome.ownerId ?? lead.ownerId,
  };
  state.calls.set(call.id, call);
  lead.updatedAt = now;
  emitLeadEvent(core, lead, 'update', ['calls_records']);
  return call;
}

export function appendComment(core: SimCore, lead: LptLead, text: string): LptComment {
  const { state } = core;
  const comment: LptComment = {
    id: state.seq.comment++, leadId: lead.id, text, authorType: 'main', authorId: 0, createdAt: core.clock.now(),
  };
  state.comments.set(comment.id, comment);
  lead.updatedAt = comment.createdAt;
  emitLeadEvent(core, lead, 'update', ['comments']);
  return comment;
}
