/**
 * Contacts: how a phone and an email are normalised before a search, the search itself
 * (`/contact/search` needs the project and a filter; phones compare by digits), and a REST contact
 * in the shape nodes give (E.164 phone, fields by name).
 */
import { normalizePhone, UserError } from '../../../core/sdk/index.ts';
import { lptList } from '../client/lpt-client.ts';
import type { LptRemote } from '../client/lpt-remote.ts';
import { int, isDict, listItems, nonEmpty, own, setOwn, str, toIso } from '../webhook/lpt-values.ts';

type Raw = Record<string, unknown>;

export interface ContactKeys {
  /** E.164 for a Russian number, else the text as typed. */
  phone?: string;
  /** Lowercased. */
  email?: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function contactKeys(phoneRaw: unknown, emailRaw: unknown): ContactKeys {
  const keys: ContactKeys = {};
  const phone = nonEmpty(phoneRaw);
  if (phone) {
    const e164 = normalizePhone(phone);
    if (!e164 && phone.replace(/\D/g, '').length < 5) throw new UserError('LPTRACKER_BAD_PHONE', `Телефон «${phone.slice(0, 50)}» не похож на номер.`);
    keys.phone = e164 ?? phone;
  }
  const email = nonEmpty(emailRaw)?.toLowerCase();
  if (email) {
    if (!EMAIL.test(email)) throw new UserError('LPTRACKER_BAD_EMAIL', `Email «${email.slice(0, 100)}» указан с ошибкой.`);
    keys.email = email;
  }
  return keys;
}

/** Contacts of the project with this phone (digits only, as LPTracker's clients send it), else with this email. */
export async function searchContacts(remote: LptRemote, projectId: number, keys: ContactKeys): Promise<Raw[]> {
  if (keys.phone) {
    const found = await lptList(remote, '/contact/search', { project_id: projectId, phone: keys.phone.replace(/\D/g, '') });
    if (found.length > 0) return found;
  }
  if (keys.email) return lptList(remote, '/contact/search', { project_id: projectId, email: keys.email });
  return [];
}

export interface ContactView {
  id: number | null;
  project_id: number | null;
  name: string;
  phone: string | null;
  phones: string[];
  email: string | null;
  emails: string[];
  /** Contact field values by field name. */
  fields: Record<string, string | number | null>;
  created_at: string | null;
}

export function contactView(raw: unknown): ContactView | null {
  if (!isDict(raw)) return null;
  const phones = new Set<string>();
  const emails = new Set<string>();
  for (const d of listItems(own(raw, 'details') ?? own(raw, 'contacts'))) {
    if (!isDict(d)) continue;
    const data = nonEmpty(own(d, 'data') ?? own(d, 'value'));
    const type = nonEmpty(own(d, 'type'))?.toLowerCase();
    if (!data) continue;
    if (type === 'phone') phones.add(normalizePhone(data) ?? data);
    if (type === 'email') emails.add(data.toLowerCase());
  }
  const fields: Record<string, string | number | null> = {};
  for (const f of listItems(own(raw, 'fields'))) {
    if (!isDict(f)) continue;
    const name = nonEmpty(own(f, 'name'));
    const value = own(f, 'value');
    if (name && !Object.hasOwn(fields, name)) setOwn(fields, name, typeof value === 'number' ? value : str(value));
  }
  return {
    id: int(own(raw, 'id')),
    project_id: int(own(raw, 'project_id')),
    name: str(own(raw, 'name')) ?? '',
    phone: phones.values().next().value ?? null,
    phones: [...phones],
    email: emails.values().next().value ?? null,
    emails: [...emails],
    fields,
    created_at: toIso(own(raw, 'created_at')),
  };
}
