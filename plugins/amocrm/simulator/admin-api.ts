import { parseNoteItem, parseTaskItem } from './activity-input.ts';
import { addNote, createTask } from './activity-mutations.ts';
import { parseContactItem } from './contact-input.ts';
import { createCompany, createContact, updateContact } from './contact-mutations.ts';
import { parseLeadItem } from './lead-input.ts';
import { createLead, deleteLead, updateLead } from './lead-mutations.ts';
import type { SimCore } from './sim-core.ts';
import { addLink, findPipeline, mainPipeline } from './sim-state.ts';
import type { AmoCompany, AmoContact, AmoCustomField, AmoEntityType, AmoLead, AmoNote, AmoNoteParamValue, AmoPipeline, AmoStatus, AmoTask } from './sim-types.ts';
import type { ValidationIssue } from './validation.ts';

// Changes "as a user makes them in the CRM UI": friendlier input (names instead of ids), the same
// validation as the API, and the same webhooks.

export type AdminFieldValue = string | number | boolean | (string | number)[];

export interface AdminLeadInput {
  name?: string;
  price?: number;
  pipelineId?: number;
  statusId?: number;
  /** Pipeline by name, e.g. «Продажи». */
  pipeline?: string;
  /** Status by name within `pipeline` (or the main pipeline), e.g. «Новая заявка». */
  status?: string;
  responsibleUserId?: number;
  /** Custom field values by field name or code; select fields take the option text. */
  fields?: Record<string, AdminFieldValue>;
  tags?: string[];
  contactIds?: number[];
  companyId?: number;
}

export interface AdminContactInput {
  name?: string;
  firstName?: string;
  lastName?: string;
  phone?: string | string[];
  email?: string | string[];
  responsibleUserId?: number;
  fields?: Record<string, AdminFieldValue>;
  tags?: string[];
  leadIds?: number[];
  companyId?: number;
}

export interface AdminCompanyInput {
  name: string;
  phone?: string | string[];
  email?: string | string[];
  fields?: Record<string, AdminFieldValue>;
  leadIds?: number[];
}

export interface AdminNoteInput {
  entityType: AmoEntityType;
  entityId: number;
  /** Default `common`. */
  noteType?: string;
  text?: string;
  params?: Record<string, AmoNoteParamValue>;
}

export interface AdminTaskInput {
  text: string;
  completeTill?: number;
  entityType?: AmoEntityType;
  entityId?: number;
  taskTypeId?: number;
  responsibleUserId?: number;
}

export interface AmoAdmin {
  createLead(input: AdminLeadInput): AmoLead;
  updateLead(id: number, patch: AdminLeadInput): AmoLead;
  moveLead(id: number, statusId: number, pipelineId?: number): AmoLead;
  /** Moves by names, e.g. moveLeadByName(id, 'Продажи', 'Переговоры'). */
  moveLeadByName(id: number, pipeline: string, status: string): AmoLead;
  deleteLead(id: number): void;
  createContact(input: AdminContactInput): AmoContact;
  updateContact(id: number, patch: AdminContactInput): AmoContact;
  createCompany(input: AdminCompanyInput): AmoCompany;
  linkContact(leadId: number, contactId: number, isMain?: boolean): void;
  addNote(input: AdminNoteInput): AmoNote;
  createTask(input: AdminTaskInput): AmoTask;
  pipelineByName(name: string): AmoPipeline | undefined;
  statusByName(pipelineName: string, statusName: string): AmoStatus | undefined;
  fieldByName(entity: 'leads' | 'contacts' | 'companies', name: string): AmoCustomField | undefined;
}

/** An admin call that cannot be applied; the message is for a person, in Russian. */
export class SimAdminError extends Error {
  constructor(
    message: string,
    readonly status: 400 | 404 = 400,
  ) {
    super(message);
  }
}

type Raw = Record<string, unknown>;
const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
const ENTITY_RU: Record<AmoEntityType, string> = { leads: 'сделок', contacts: 'контактов', companies: 'компаний' };

function fail(issues: ValidationIssue[]): never {
  throw new SimAdminError('Неверные данные: ' + issues.map((i) => `${i.path || 'тело запроса'} — ${i.detail}`).join('; '));
}

export function createAdmin(core: SimCore, batch: <T>(fn: () => T) => T): AmoAdmin {
  const s = core.state;

  const fieldByName = (entity: AmoEntityType, name: string) =>
    s.customFields[entity].find((f) => same(f.name, name)) ?? s.customFields[entity].find((f) => f.code !== null && same(f.code, name));

  const rawFields = (entity: AmoEntityType, fields: Record<string, AdminFieldValue> | undefined, extra: Raw[] = []): Raw[] | undefined => {
    const out: Raw[] = [...extra];
    for (const [name, value] of Object.entries(fields ?? {})) {
      const f = fieldByName(entity, name);
      if (!f) throw new SimAdminError(`Поле «${name}» не найдено среди полей ${ENTITY_RU[entity]}`);
      const list = Array.isArray(value) ? value : [value];
      const enumType = f.type === 'select' || f.type === 'multiselect' || f.type === 'radiobutton';
      out.push({ field_id: f.id, values: list.map((v) => (enumType && typeof v === 'number' ? { enum_id: v } : { value: v })) });
    }
    return out.length > 0 ? out : undefined;
  };

  const contactChannels = (phone?: string | string[], email?: string | string[]): Raw[] => {
    const out: Raw[] = [];
    const phones = phone === undefined ? [] : Array.isArray(phone) ? phone : [phone];
    const emails = email === undefined ? [] : Array.isArray(email) ? email : [email];
    if (phones.length) out.push({ field_code: 'PHONE', values: phones.map((value) => ({ value, enum_code: 'WORK' })) });
    if (emails.length) out.push({ field_code: 'EMAIL', values: emails.map((value) => ({ value, enum_code: 'WORK' })) });
    return out;
  };

  const pipelineByName = (name: string) => s.pipelines.find((p) => same(p.name, name));
  const statusByName = (pipelineName: string, statusName: string) => pipelineByName(pipelineName)?.statuses.find((st) => same(st.name, statusName));

  const stageOf = (input: AdminLeadInput): Raw => {
    const out: Raw = {};
    let pipeline = input.pipelineId !== undefined ? findPipeline(s, input.pipelineId) : undefined;
    if (input.pipeline !== undefined) {
      pipeline = pipelineByName(input.pipeline);
      if (!pipeline) throw new SimAdminError(`Воронка «${input.pipeline}» не найдена`, 404);
    }
    if (pipeline) out.pipeline_id = pipeline.id;
    else if (input.pipelineId !== undefined) out.pipeline_id = input.pipelineId;
    if (input.status !== undefined) {
      const p = pipeline ?? mainPipeline(s);
      const st = p.statuses.find((x) => same(x.name, input.status!));
      if (!st) throw new SimAdminError(`Этап «${input.status}» не найден в воронке «${p.name}»`, 404);
      out.pipeline_id = p.id;
      out.status_id = st.id;
    } else if (input.statusId !== undefined) out.status_id = input.statusId;
    return out;
  };

  const leadRaw = (input: AdminLeadInput): Raw => {
    const raw: Raw = { ...stageOf(input) };
    if (input.name !== undefined) raw.name = input.name;
    if (input.price !== undefined) raw.price = input.price;
    if (input.responsibleUserId !== undefined) raw.responsible_user_id = input.responsibleUserId;
    const cf = rawFields('leads', input.fields);
    if (cf) raw.custom_fields_values = cf;
    const emb: Raw = {};
    if (input.tags) emb.tags = input.tags.map((name) => ({ name }));
    if (input.contactIds) emb.contacts = input.contactIds.map((id) => ({ id }));
    if (input.companyId !== undefined) emb.companies = [{ id: input.companyId }];
    if (Object.keys(emb).length) raw._embedded = emb;
    return raw;
  };

  const contactRaw = (input: AdminContactInput | AdminCompanyInput, entity: 'contacts' | 'companies'): Raw => {
    const raw: Raw = {};
    if (input.name !== undefined) raw.name = input.name;
    if ('firstName' in input && input.firstName !== undefined) raw.first_name = input.firstName;
    if ('lastName' in input && input.lastName !== undefined) raw.last_name = input.lastName;
    if ('responsibleUserId' in input && input.responsibleUserId !== undefined) raw.responsible_user_id = input.responsibleUserId;
    const cf = rawFields(entity, input.fields, contactChannels(input.phone, input.email));
    if (cf) raw.custom_fields_values = cf;
    const emb: Raw = {};
    if ('tags' in input && input.tags) emb.tags = input.tags.map((name) => ({ name }));
    if ('companyId' in input && input.companyId !== undefined) emb.companies = [{ id: input.companyId }];
    if (Object.keys(emb).length) raw._embedded = emb;
    return raw;
  };

  const leadOf = (id: number) => {
    const lead = s.leads.get(id);
    if (!lead || lead.is_deleted) throw new SimAdminError(`Сделка ${id} не найдена`, 404);
    return lead;
  };
  const contactOf = (id: number) => {
    const c = s.contacts.get(id);
    if (!c || c.is_deleted) throw new SimAdminError(`Контакт ${id} не найден`, 404);
    return c;
  };
  const checkLeads = (ids: number[] | undefined) => (ids ?? []).forEach(leadOf);

  const admin: AmoAdmin = {
    createLead: (input) =>
      batch(() => {
        const { patch, issues } = parseLeadItem(s, leadRaw(input), '');
        if (issues.length) fail(issues);
        return createLead(core, patch);
      }),
    updateLead: (id, input) =>
      batch(() => {
        const lead = leadOf(id);
        const { patch, issues } = parseLeadItem(s, leadRaw(input), '', { existing: lead });
        if (issues.length) fail(issues);
        return updateLead(core, lead, patch);
      }),
    moveLead: (id, statusId, pipelineId) => admin.updateLead(id, pipelineId === undefined ? { statusId } : { statusId, pipelineId }),
    moveLeadByName: (id, pipeline, status) => admin.updateLead(id, { pipeline, status }),
    deleteLead: (id) => batch(() => deleteLead(core, leadOf(id))),
    createContact: (input) =>
      batch(() => {
        checkLeads(input.leadIds);
        const { patch, issues } = parseContactItem(s, contactRaw(input, 'contacts'), '', 'contacts');
        if (issues.length) fail(issues);
        return createContact(core, { ...patch, leads: input.leadIds ?? [] });
      }),
    updateContact: (id, input) =>
      batch(() => {
        const c = contactOf(id);
        checkLeads(input.leadIds);
        const { patch, issues } = parseContactItem(s, contactRaw(input, 'contacts'), '', 'contacts');
        if (issues.length) fail(issues);
        return updateContact(core, c, { ...patch, leads: input.leadIds ?? [] });
      }),
    createCompany: (input) =>
      batch(() => {
        checkLeads(input.leadIds);
        const { patch, issues } = parseContactItem(s, contactRaw(input, 'companies'), '', 'companies');
        if (issues.length) fail(issues);
        return createCompany(core, { ...patch, leads: input.leadIds ?? [] });
      }),
    linkContact: (leadId, contactId, isMain) => {
      leadOf(leadId);
      contactOf(contactId);
      addLink(s, 'leads', leadId, 'contacts', contactId, isMain);
    },
    addNote: (input) =>
      batch(() => {
        const params = { ...(input.params ?? {}) };
        if (input.text !== undefined) params.text = input.text;
        const { draft, issues } = parseNoteItem(s, { entity_id: input.entityId, note_type: input.noteType ?? 'common', params }, '', input.entityType);
        if (!draft) fail(issues);
        return addNote(core, draft);
      }),
    createTask: (input) =>
      batch(() => {
        const raw: Raw = { text: input.text, complete_till: input.completeTill ?? Math.floor(Date.now() / 1000) + 86400 };
        if (input.entityType !== undefined) raw.entity_type = input.entityType;
        if (input.entityId !== undefined) raw.entity_id = input.entityId;
        if (input.taskTypeId !== undefined) raw.task_type_id = input.taskTypeId;
        if (input.responsibleUserId !== undefined) raw.responsible_user_id = input.responsibleUserId;
        const { patch, issues } = parseTaskItem(s, raw, '', 'create');
        if (issues.length) fail(issues);
        return createTask(core, patch);
      }),
    pipelineByName,
    statusByName,
    fieldByName,
  };
  return admin;
}
