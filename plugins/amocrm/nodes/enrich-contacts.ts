/**
 * `loadContacts`: a webhook names a lead but not its people, so the lead's contacts are read
 * through the API (the lead with `with=contacts`, then the contacts by id in one list request).
 */
import { amoGet } from '../client/amo-client.ts';
import type { AmoRemote } from '../client/amo-remote.ts';
import { contactsById } from '../client/contact-search.ts';
import { contactSummary, contactView } from '../fields/entity-view.ts';

type Raw = Record<string, any>;

export async function leadContacts(remote: AmoRemote, leadId: number): Promise<{ contact: ReturnType<typeof contactSummary> | null; contacts: ReturnType<typeof contactSummary>[] }> {
  const lead = await amoGet<Raw>(remote, `/api/v4/leads/${leadId}`, { with: 'contacts' });
  const refs: { id: number; is_main?: boolean }[] = Array.isArray(lead?._embedded?.contacts) ? lead._embedded.contacts : [];
  // The main contact first, the rest in AmoCRM's order.
  const ordered = [...refs].sort((a, b) => Number(Boolean(b.is_main)) - Number(Boolean(a.is_main))).map((r) => Number(r.id));
  const contacts = (await contactsById(remote, ordered)).map((c) => contactSummary(contactView(c)));
  return { contact: contacts[0] ?? null, contacts };
}

export async function enrichLeadOutput(remote: AmoRemote, output: unknown): Promise<unknown> {
  const data = output as { lead?: Raw } | undefined;
  const id = Number(data?.lead?.id);
  if (!data?.lead || !Number.isSafeInteger(id) || id <= 0) return output;
  const { contact, contacts } = await leadContacts(remote, id);
  return { ...data, lead: { ...data.lead, contact, contacts } };
}
