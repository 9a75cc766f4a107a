import { formatDmyHi, formatDmyHis } from './dates.ts';
import type { SimCore } from './sim-core.ts';
import type {
  LptCall, LptComment, LptContact, LptContactField, LptCustomField, LptCustomValue, LptLead, LptProject, LptStage, LptStaff,
  LptState, LptView,
} from './sim-types.ts';

/** REST shapes as LPTracker prints them (see the reference, §4–§7). */

export const renderProject = (p: LptProject) => ({ id: p.id, name: p.name, page: p.page, domain: p.domain });

export const renderStage = (s: LptStage) => ({ id: s.id, name: s.name, notify: s.notify, in_leads: s.inLeads, in_deals: s.inDeals });

export const renderCustomDef = (c: LptCustomField) => ({
  id: c.id, project_id: c.projectId, name: c.name, type: c.type, description: c.description,
  show_in_leads: true, show_in_deals: true, is_multi_select: c.isMultiSelect, is_required: c.isRequired, is_multi_line: false,
  categories: c.categories.map((cat) => ({ id: cat.id, name: cat.name })),
});

// Official example renders contact-field ids as strings while the contact id is an integer.
export const renderContactField = (f: LptContactField) => ({ id: String(f.id), name: f.name, type: f.type });

export const renderStaff = (s: LptStaff) => ({
  id: s.id, name: s.name, job: s.job, type: s.type, created_at: s.createdAt, last_login_at: s.lastLoginAt,
});

export function renderContact(state: LptState, c: LptContact) {
  return {
    id: c.id,
    project_id: c.projectId,
    name: c.name,
    profession: c.profession,
    site: c.site,
    details: c.details.map((d) => ({ id: String(d.id), type: d.type, data: d.data })),
    fields: [...c.fields].map(([id, value]) => {
      const def = state.fields.get(id);
      return { id: String(id), name: def?.name ?? '', type: def?.type ?? 'string', value };
    }),
    created_at: formatDmyHis(c.createdAt),
  };
}

export function renderView(v: LptView) {
  return { id: v.id, project_id: v.projectId, ...Object.fromEntries(v.attrs) };
}

/** Category values read back as arrays of strings even when written as one string. */
export function renderCustomValue(state: LptState, fieldId: number, value: LptCustomValue) {
  const def = state.customs.get(fieldId);
  return { id: fieldId, name: def?.name ?? '', type: def?.type ?? 'text', value: Array.isArray(value) ? [...value] : value };
}

export function renderCustomList(state: LptState, lead: LptLead) {
  return [...lead.custom].map(([id, value]) => renderCustomValue(state, id, value));
}

/** `withCustom: false` mimics list endpoints, which may leave custom values out. */
export function renderLead(state: LptState, lead: LptLead, withCustom = true) {
  const stage = state.stages.get(lead.stageId);
  const contact = state.contacts.get(lead.contactId);
  const view = lead.viewId === null ? undefined : state.views.get(lead.viewId);
  return {
    id: lead.id,
    contact_id: lead.contactId,
    project_id: lead.projectId,
    name: lead.name,
    deal: lead.deal,
    created_at: formatDmyHi(lead.createdAt),
    stage_id: lead.stageId,
    stage: { id: lead.stageId, name: stage?.name ?? '' },
    owner_id: lead.ownerId,
    contact: contact ? renderContact(state, contact) : null,
    view: view ? renderView(view) : null,
    ...(withCustom ? { custom: renderCustomList(state, lead) } : {}),
    payments: lead.payments.map((p) => ({ category: p.category, purpose: p.purpose, sum: p.sum })),
  };
}

export function recordUrl(core: SimCore, call: LptCall): string {
  return `${core.url}/records/${call.id}.mp3`;
}

export function renderCall(core: SimCore, call: LptCall) {
  const owner = core.state.staff.get(call.ownerId);
  return {
    id: call.id,
    linkedid: call.linkedid,
    time: call.time,
    duration: call.duration,
    disposition: call.disposition,
    type: call.type,
    // Unanswered calls have nothing recorded.
    record: call.disposition === 'ANSWERED' ? recordUrl(core, call) : null,
    owner_id: call.ownerId,
    owner: owner ? { id: owner.id, name: owner.name, job: owner.job } : null,
  };
}

export function renderComment(c: LptComment) {
  return { id: c.id, text: c.text, author: { type: c.authorType, id: c.authorId }, created_at: formatDmyHis(c.createdAt) };
}
