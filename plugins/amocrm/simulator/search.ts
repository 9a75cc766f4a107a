import { fieldTexts, fieldValuesByCode } from './custom-field-values.ts';
import { linkedIds } from './sim-state.ts';
import type { AmoCompany, AmoContact, AmoLead, AmoState } from './sim-types.ts';

// `query=` full-text search. Phone formatting is compared digits-only (reference §5), and a
// 10+ digit query also matches by its last 10 digits so 8-918… finds +7 918….

export function digitsOf(s: string): string {
  return s.replace(/\D+/g, '');
}

function phoneMatches(phones: string[], q: string): boolean {
  const qd = digitsOf(q);
  if (qd.length < 5 || qd.length < q.replace(/[\s()+\-]/g, '').length) return false;
  return phones.some((p) => {
    const pd = digitsOf(p);
    return pd.includes(qd) || (qd.length >= 10 && pd.length >= 10 && pd.slice(-10) === qd.slice(-10));
  });
}

function textMatches(texts: string[], q: string): boolean {
  const needle = q.trim().toLowerCase();
  return needle !== '' && texts.some((t) => t.toLowerCase().includes(needle));
}

export function contactMatches(c: AmoContact | AmoCompany, q: string): boolean {
  const phones = fieldValuesByCode(c.custom_fields_values, 'PHONE');
  return phoneMatches(phones, q) || textMatches([c.name, String(c.id), ...fieldTexts(c.custom_fields_values)], q);
}

export function leadMatches(state: AmoState, lead: AmoLead, q: string): boolean {
  if (textMatches([lead.name, String(lead.id), ...fieldTexts(lead.custom_fields_values)], q)) return true;
  for (const { id } of linkedIds(state, 'leads', lead.id, 'contacts')) {
    const c = state.contacts.get(id);
    if (c && contactMatches(c, q)) return true;
  }
  for (const { id } of linkedIds(state, 'leads', lead.id, 'companies')) {
    const c = state.companies.get(id);
    if (c && contactMatches(c, q)) return true;
  }
  return false;
}
