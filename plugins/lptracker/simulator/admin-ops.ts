import { contactOr404, createContact } from './contact-ops.ts';
import { coerceCustom } from './custom-values.ts';
import { badRequest } from './envelope.ts';
import { appendCall, createView, insertLead, leadOr404, patchLead, removeLead } from './lead-ops.ts';
import type { SimCore } from './sim-core.ts';
import { projectCustoms, projectStages } from './sim-state.ts';
import type {
  LptAdminLeadInput, LptAdminLeadPatch, LptCall, LptCallOutcome, LptCustomField, LptCustomValue, LptDisposition, LptLead,
  LptProject, LptStage,
} from './sim-types.ts';

export const DISPOSITIONS: readonly LptDisposition[] = ['ANSWERED', 'NO ANSWER', 'BUSY', 'FAILED'];

/** Back-door operations for tests and the demo: they act "inside LPTracker" and fire the same webhooks. */
export interface LptAdmin {
  createLead(input?: LptAdminLeadInput): LptLead;
  moveLead(leadId: number, stageIdOrName: number | string): LptLead;
  updateLead(leadId: number, patch: LptAdminLeadPatch): LptLead;
  deleteLead(id: number): void;
  finishCall(leadId: number, outcome: LptCallOutcome): LptCall;
  /** Outcomes for the next calls placed through `POST /lead/{id}/call` or `callback: true`. */
  scriptCallOutcomes(outcomes: LptCallOutcome[]): void;
  projectByName(name: string): LptProject | undefined;
  stageByName(projectId: number, name: string): LptStage | undefined;
  fieldByName(projectId: number, name: string): LptCustomField | undefined;
}

export function createAdmin(core: SimCore): LptAdmin {
  const { state } = core;

  const project = (ref: number | string | undefined): LptProject => {
    const p = ref === undefined ? state.projects.values().next().value
      : typeof ref === 'number' ? state.projects.get(ref) : [...state.projects.values()].find((x) => x.name === ref);
    if (!p) throw badRequest(`Проект «${String(ref)}» не найден`);
    return p;
  };

  const stage = (projectId: number, ref: number | string): LptStage => {
    const s = typeof ref === 'number' ? state.stages.get(ref) : admin.stageByName(projectId, ref);
    if (!s || s.projectId !== projectId) throw badRequest(`Этап «${String(ref)}» не найден в проекте ${projectId}`);
    return s;
  };

  /** Custom keys may be field ids or names, which keeps demo scripts readable. */
  const customs = (projectId: number, raw: Record<string, LptCustomValue | null> | undefined) => {
    const out = new Map<number, LptCustomValue | null>();
    for (const [key, value] of Object.entries(raw ?? {})) {
      const field = /^\d+$/.test(key) ? state.customs.get(Number(key)) : admin.fieldByName(projectId, key);
      if (!field || field.projectId !== projectId) throw badRequest(`Поле «${key}» не найдено в проекте ${projectId}`);
      out.set(field.id, coerceCustom(field, value));
    }
    return out;
  };

  const admin: LptAdmin = {
    createLead(input = {}) {
      const p = project(input.project);
      const stageId = input.stage === undefined ? undefined : stage(p.id, input.stage).id;
      const custom = customs(p.id, input.custom);
      let contactId = input.contactId;
      if (contactId !== undefined) {
        if (contactOr404(state, contactId).projectId !== p.id) throw badRequest(`Контакт ${contactId} из другого проекта`);
      } else {
        const c = input.contact ?? {};
        const phone = c.phone ?? (c.email ? undefined : `+7999${String(Math.floor(core.random.next() * 1e7)).padStart(7, '0')}`);
        const details = [...(phone ? [{ type: 'phone', data: phone }] : []), ...(c.email ? [{ type: 'email', data: c.email }] : [])];
        contactId = createContact(core, { project_id: p.id, name: c.name ?? input.name ?? '', details }).id;
      }
      const viewId = input.view ? createView(core, p.id, new Map(Object.entries(input.view))).id : null;
      return insertLead(core, {
        projectId: p.id, contactId, name: input.name ?? '', stageId, ownerId: input.owner ?? 0, viewId, custom,
        deal: input.deal ?? false, payments: [],
      });
    },
    moveLead(leadId, ref) {
      const lead = leadOr404(state, leadId);
      return patchLead(core, lead, { stageId: stage(lead.projectId, ref).id });
    },
    updateLead(leadId, patch) {
      const lead = leadOr404(state, leadId);
      return patchLead(core, lead, {
        name: patch.name,
        stageId: patch.stage === undefined ? undefined : stage(lead.projectId, patch.stage).id,
        ownerId: patch.owner,
        custom: patch.custom ? customs(lead.projectId, patch.custom) : undefined,
      });
    },
    deleteLead(id) {
      removeLead(core, leadOr404(state, id));
    },
    finishCall(leadId, outcome) {
      if (!DISPOSITIONS.includes(outcome.disposition)) throw badRequest(`Неизвестный итог звонка «${outcome.disposition}»`);
      return appendCall(core, leadOr404(state, leadId), outcome);
    },
    scriptCallOutcomes(outcomes) {
      core.callQueue.push(...outcomes);
    },
    projectByName: (name) => [...state.projects.values()].find((p) => p.name === name),
    stageByName: (projectId, name) => projectStages(state, projectId).find((s) => s.name === name),
    fieldByName: (projectId, name) => projectCustoms(state, projectId).find((f) => f.name === name),
  };
  return admin;
}
