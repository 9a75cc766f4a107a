import { applyFieldValues } from './custom-field-values.ts';
import type { ContactPatch } from './contact-input.ts';
import type { SimCore } from './sim-core.ts';
import { addLink, nowSec, resolveTags } from './sim-state.ts';
import type { AmoCompany, AmoContact } from './sim-types.ts';
import { contactDeletePairs, contactPairs } from './webhook-format.ts';

export interface MutationOptions {
  /** Off when the caller emits the event itself, after linking (complex create). */
  emit?: boolean;
}

export function emitContactEvent(core: SimCore, entity: AmoContact | AmoCompany, kind: 'contact' | 'company', action: 'add' | 'update'): void {
  core.emit({ setting: `${action}_${kind}`, entity: 'contacts', action, pairs: contactPairs(core.state, entity, kind) });
}

/** What a new contact and a new company share: authorship, times, fields and tags. */
function newEntityFields(core: SimCore, patch: ContactPatch) {
  const now = nowSec();
  const actor = core.actorId();
  return {
    responsible_user_id: patch.responsible_user_id ?? actor,
    group_id: 0,
    created_by: patch.created_by ?? actor,
    updated_by: patch.updated_by ?? patch.created_by ?? actor,
    created_at: patch.created_at ?? now,
    updated_at: patch.created_at ?? now,
    closest_task_at: null,
    is_deleted: false,
    custom_fields_values: applyFieldValues(null, patch.fields ?? []),
    account_id: core.state.account.id,
    tags: resolveTags(core.state, patch.tags ?? []),
  };
}

export function createContact(core: SimCore, patch: ContactPatch, opts: MutationOptions = {}): AmoContact {
  const s = core.state;
  const id = s.nextId.contact++;
  const fullName = [patch.first_name, patch.last_name].filter((x) => x && x.trim() !== '').join(' ');
  const contact: AmoContact = {
    id,
    name: patch.name ?? (fullName || `Контакт #${id}`),
    first_name: patch.first_name ?? '',
    last_name: patch.last_name ?? '',
    ...newEntityFields(core, patch),
    is_unsorted: false,
  };
  s.contacts.set(id, contact);
  for (const companyId of patch.companies ?? []) addLink(s, 'contacts', id, 'companies', companyId);
  for (const leadId of patch.leads ?? []) addLink(s, 'contacts', id, 'leads', leadId);
  if (opts.emit !== false) emitContactEvent(core, contact, 'contact', 'add');
  return contact;
}

export function updateContact(core: SimCore, contact: AmoContact, patch: ContactPatch): AmoContact {
  const s = core.state;
  if (patch.first_name !== undefined) contact.first_name = patch.first_name;
  if (patch.last_name !== undefined) contact.last_name = patch.last_name;
  if (patch.name !== undefined) contact.name = patch.name;
  else if (patch.first_name !== undefined || patch.last_name !== undefined) {
    contact.name = [contact.first_name, contact.last_name].filter((x) => x.trim() !== '').join(' ') || contact.name;
  }
  applyCommon(core, contact, patch);
  for (const companyId of patch.companies ?? []) addLink(s, 'contacts', contact.id, 'companies', companyId);
  for (const leadId of patch.leads ?? []) addLink(s, 'contacts', contact.id, 'leads', leadId);
  emitContactEvent(core, contact, 'contact', 'update');
  return contact;
}

export function deleteContact(core: SimCore, contact: AmoContact): void {
  contact.is_deleted = true;
  contact.updated_at = nowSec();
  core.emit({ setting: 'delete_contact', entity: 'contacts', action: 'delete', pairs: contactDeletePairs(contact.id, 'contact') });
}

export function createCompany(core: SimCore, patch: ContactPatch, opts: MutationOptions = {}): AmoCompany {
  const s = core.state;
  const id = s.nextId.company++;
  const company: AmoCompany = {
    id,
    name: patch.name ?? `Компания #${id}`,
    ...newEntityFields(core, patch),
  };
  s.companies.set(id, company);
  for (const leadId of patch.leads ?? []) addLink(s, 'companies', id, 'leads', leadId);
  if (opts.emit !== false) emitContactEvent(core, company, 'company', 'add');
  return company;
}

export function updateCompany(core: SimCore, company: AmoCompany, patch: ContactPatch): AmoCompany {
  if (patch.name !== undefined) company.name = patch.name;
  applyCommon(core, company, patch);
  emitContactEvent(core, company, 'company', 'update');
  return company;
}

function applyCommon(core: SimCore, e: AmoContact | AmoCompany, patch: ContactPatch): void {
  if (patch.responsible_user_id !== undefined) e.responsible_user_id = patch.responsible_user_id;
  if (patch.fields && patch.fields.length > 0) e.custom_fields_values = applyFieldValues(e.custom_fields_values, patch.fields);
  if (patch.tags !== undefined) e.tags = resolveTags(core.state, patch.tags);
  e.updated_at = nowSec();
  e.updated_by = patch.updated_by ?? core.actorId();
}
