/**
 * Contacts by phone or email. AmoCRM's `query` is a full-text search (a phone may match inside
 * another number, an email inside a longer one), so the candidates are checked for an exact
 * match of the normalised value before one is taken.
 */
import { normalizePhone } from '../../../core/sdk/index.ts';
import { amoList } from './amo-client.ts';
import type { AmoRemote } from './amo-remote.ts';

type Raw = Record<string, any>;

const digits = (s: string) => s.replace(/\D+/g, '');

function channelValues(item: Raw, code: 'PHONE' | 'EMAIL'): string[] {
  const fields = Array.isArray(item.custom_fields_values) ? item.custom_fields_values : [];
  return fields
    .filter((f: Raw) => String(f.field_code ?? '').toUpperCase() === code)
    .flatMap((f: Raw) => (Array.isArray(f.values) ? f.values : []).map((v: Raw) => String(v.value ?? '')));
}

/** A phone in one comparable form: E.164 for Russian numbers, else its digits. */
export function phoneKey(phone: string): string {
  return normalizePhone(phone) ?? digits(phone);
}

export function hasPhone(item: Raw, phone: string): boolean {
  const key = phoneKey(phone);
  return key !== '' && channelValues(item, 'PHONE').some((p) => phoneKey(p) === key);
}

export function hasEmail(item: Raw, email: string): boolean {
  const key = email.trim().toLowerCase();
  return key !== '' && channelValues(item, 'EMAIL').some((e) => e.trim().toLowerCase() === key);
}

/** Contacts whose phone is this number, oldest first. */
export async function contactsByPhone(remote: AmoRemote, phone: string, withLeads = false): Promise<Raw[]> {
  const key = phoneKey(phone);
  // Digits only: how AmoCRM normalises formatting is undocumented (reference §5).
  const query = normalizePhone(phone) ? key.slice(2) : key;
  if (query.length < 5) return [];
  const found = await amoList<Raw>(remote, '/api/v4/contacts', 'contacts', { query, ...(withLeads ? { with: 'leads' } : {}) }, { maxPages: 4 });
  return found.filter((c) => hasPhone(c, phone)).sort((a, b) => a.id - b.id);
}

export async function contactsByEmail(remote: AmoRemote, email: string, withLeads = false): Promise<Raw[]> {
  const query = email.trim();
  if (!query.includes('@')) return [];
  const found = await amoList<Raw>(remote, '/api/v4/contacts', 'contacts', { query, ...(withLeads ? { with: 'leads' } : {}) }, { maxPages: 4 });
  return found.filter((c) => hasEmail(c, email)).sort((a, b) => a.id - b.id);
}

/** Contacts by id, in the order asked (missing ones left out). */
export async function contactsById(remote: AmoRemote, ids: number[]): Promise<Raw[]> {
  if (ids.length === 0) return [];
  const found = await amoList<Raw>(remote, '/api/v4/contacts', 'contacts', { 'filter[id]': ids });
  const byId = new Map(found.map((c) => [Number(c.id), c]));
  return ids.map((id) => byId.get(id)).filter((c): c is Raw => c !== undefined);
}
