/**
 * A contact for a write: found by its normalised phone, then by email, before one is created, so
 * the same person is never entered twice. Shared by «найти или создать контакт» and «создать сделку».
 */
import { normalizePhone, UserError } from '../../../core/sdk/index.ts';
import { amoList } from '../client/amo-client.ts';
import type { AmoRemote } from '../client/amo-remote.ts';
import { contactsByEmail, contactsByPhone } from '../client/contact-search.ts';
import { fieldNames, fieldWrites, findField, type FieldWrite } from '../fields/field-values.ts';
import type { AmoMetadata } from '../metadata/amo-metadata.types.ts';
import { nonEmpty } from './action-kit.ts';

type Raw = Record<string, any>;

export interface ContactInput {
  name?: string;
  phone?: string;
  email?: string;
  fields: Record<string, unknown>;
  responsibleUserId?: number;
}

export interface ContactDraft {
  /** The phone and email to look the contact up by (a phone field in `fields` counts too). */
  phone?: string;
  email?: string;
  name?: string;
  /** The create body: name, custom fields with PHONE/EMAIL. */
  body: Raw;
  fieldNames: string[];
}

function fieldValue(fields: Record<string, unknown>, meta: AmoMetadata, code: 'PHONE' | 'EMAIL'): string | undefined {
  for (const [name, v] of Object.entries(fields)) {
    if (findField(meta.contactFields, name)?.code === code) return nonEmpty(Array.isArray(v) ? v[0] : v);
  }
  return undefined;
}

/** Null when the input names no contact at all (no name, phone, email or field). */
export function contactDraft(input: ContactInput, meta: AmoMetadata): ContactDraft | null {
  const phone = nonEmpty(input.phone) ?? fieldValue(input.fields, meta, 'PHONE');
  const email = nonEmpty(input.email) ?? fieldValue(input.fields, meta, 'EMAIL');
  const name = nonEmpty(input.name);
  const writes: FieldWrite[] = fieldWrites(input.fields, meta.contactFields, 'контактов');
  const has = (code: string) => writes.some((w) => meta.contactFields.find((f) => f.id === w.field_id)?.code === code);
  const channels: Raw[] = [];
  if (phone && !has('PHONE')) channels.push({ field_code: 'PHONE', values: [{ value: normalizePhone(phone) ?? phone, enum_code: 'WORK' }] });
  if (email && !has('EMAIL')) channels.push({ field_code: 'EMAIL', values: [{ value: email, enum_code: 'WORK' }] });
  if (!name && !phone && !email && writes.length === 0) return null;
  const body: Raw = { name: name ?? phone ?? email ?? 'Контакт' };
  if (input.responsibleUserId !== undefined) body.responsible_user_id = input.responsibleUserId;
  if (writes.length + channels.length > 0) body.custom_fields_values = [...writes, ...channels];
  return { phone, email, name, body, fieldNames: [...fieldNames(writes, meta.contactFields), ...channels.map((c) => (c.field_code === 'PHONE' ? 'Телефон' : 'Эл. почта'))] };
}

/** The existing contact with this phone, else with this email (oldest first), or undefined. */
export async function findExisting(remote: AmoRemote, draft: ContactDraft): Promise<Raw | undefined> {
  if (draft.phone) {
    if (!normalizePhone(draft.phone) && draft.phone.replace(/\D/g, '').length < 5) {
      throw new UserError('AMOCRM_PHONE_INVALID', `Телефон «${draft.phone}» не похож на номер: проверьте шаблон.`);
    }
    const byPhone = await contactsByPhone(remote, draft.phone);
    if (byPhone[0]) return byPhone[0];
  }
  if (draft.email) {
    const byEmail = await contactsByEmail(remote, draft.email);
    if (byEmail[0]) return byEmail[0];
  }
  return undefined;
}

/** After a lost answer, a contact without phone or email is recognised by its name and creation time. */
export async function findCreatedByName(remote: AmoRemote, name: string, since: number): Promise<Raw | undefined> {
  const found = await amoList<Raw>(remote, '/api/v4/contacts', 'contacts', { query: name, 'filter[created_at][from]': since - 5 }, { maxPages: 2 });
  return found.filter((c) => String(c.name).trim() === name.trim() && Number(c.created_at) >= since - 5).sort((a, b) => a.id - b.id)[0];
}
