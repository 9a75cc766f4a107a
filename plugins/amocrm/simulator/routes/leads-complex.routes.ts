import { parseContactItem, type ContactPatch } from '../contact-input.ts';
import { createCompany, createContact, emitContactEvent } from '../contact-mutations.ts';
import { parseLeadItem, type LeadPatch } from '../lead-input.ts';
import { createLead } from '../lead-mutations.ts';
import { problems } from '../problem.ts';
import type { Router } from '../router.ts';
import type { SimCore } from '../sim-core.ts';
import { entityExists } from '../sim-state.ts';
import type { AmoState } from '../sim-types.ts';
import { isInt, isObj, issue, join, type ValidationIssue } from '../validation.ts';
import { isBatchReply, isParsedReply, parseAll, readBatch } from '../write-batch.ts';

// Community docs put the complex endpoint at 50 leads per request (reference §4.5).
const MAX_COMPLEX_ITEMS = 50;

/** An embedded contact/company: either a reference to an existing one or a new one. */
type Embedded = { existing: number } | { patch: ContactPatch };

interface ComplexItem {
  lead: LeadPatch;
  contact?: Embedded;
  company?: Embedded;
}

export function registerComplexRoutes(router: Router, core: SimCore): void {
  const s = core.state;
  router.add('POST', '/api/v4/leads/complex', (r) => {
    const items = readBatch(r.body);
    if (isBatchReply(items)) return items;
    if (items.length > MAX_COMPLEX_ITEMS) return problems.limitExceeded();
    const parsed = parseAll(items, (raw) => parseComplex(s, raw));
    if (isParsedReply(parsed)) return parsed;
    const result = parsed.map((p) => {
      const item = p.value;
      const contact = item.contact && ('existing' in item.contact ? s.contacts.get(item.contact.existing) : createContact(core, item.contact.patch, { emit: false }));
      const company = item.company && ('existing' in item.company ? s.companies.get(item.company.existing) : createCompany(core, item.company.patch, { emit: false }));
      const lead = createLead(core, {
        ...item.lead,
        contacts: contact ? [{ id: contact.id, is_main: true }] : [],
        companies: company ? [company.id] : [],
      });
      if (item.contact && 'patch' in item.contact && contact) emitContactEvent(core, contact, 'contact', 'add');
      if (item.company && 'patch' in item.company && company) emitContactEvent(core, company, 'company', 'add');
      // A plain array, not HAL; request_id comes back as a list (reference §4.5).
      return { id: lead.id, contact_id: contact?.id ?? null, company_id: company?.id ?? null, request_id: [p.requestId], merged: false };
    });
    return { status: 200, json: result, contentType: 'application/json' };
  });
}

function parseComplex(s: AmoState, raw: unknown): { value: ComplexItem; issues: ValidationIssue[] } {
  const { patch, issues } = parseLeadItem(s, raw, '', { complex: true });
  const value: ComplexItem = { lead: patch };
  const emb = isObj(raw) && isObj(raw._embedded) ? raw._embedded : {};
  const contact = parseEmbedded(s, emb.contacts, 'contacts', '_embedded.contacts', issues);
  const company = parseEmbedded(s, emb.companies, 'companies', '_embedded.companies', issues);
  if (contact) value.contact = contact;
  if (company) value.company = company;
  return { value, issues };
}

function parseEmbedded(s: AmoState, raw: unknown, type: 'contacts' | 'companies', path: string, issues: ValidationIssue[]): Embedded | undefined {
  if (raw === undefined) return undefined;
  if (!Array.isArray(raw)) return void issues.push(issue.type(path, 'array'));
  if (raw.length > 1) return void issues.push(issue.tooMany(path, 1));
  const item: unknown = raw[0];
  if (item === undefined) return undefined;
  const p = join(path, 0);
  if (isObj(item) && item.id !== undefined) {
    if (!isInt(item.id) || !entityExists(s, type, item.id)) return void issues.push(issue.choice(join(p, 'id')));
    return { existing: item.id };
  }
  const parsed = parseContactItem(s, item, p, type, { complex: true });
  issues.push(...parsed.issues);
  return { patch: parsed.patch };
}
