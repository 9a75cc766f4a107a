/**
 * API v4 entities → the shapes the triggers give (`lead`, `contact`): custom fields by name with
 * list values as their text, dates ISO, contacts with E.164 phones. The webhook mappers read the v4
 * names too, so a lead looks the same whether it came in a webhook or from the API.
 */
import type { AmoContact, AmoLead } from '../webhook/amo-webhook.types.ts';
import { mapContact, mapLead } from '../webhook/map-entities.ts';
import type { AmoMetadata } from '../metadata/amo-metadata.types.ts';
import { fieldTypesOf } from '../metadata/metadata-options.ts';

type Raw = Record<string, any>;

/** The v4 item with its `_embedded.tags` where the mappers look for tags. */
function flat(item: Raw): Raw {
  return { ...item, tags: item._embedded?.tags ?? item.tags };
}

export function leadView(item: Raw, metadata?: AmoMetadata): AmoLead & Record<string, unknown> {
  const lead = mapLead(flat(item), { fieldTypes: fieldTypesOf(metadata) });
  if (!lead) throw new Error('lead without id');
  const out: AmoLead & Record<string, unknown> = lead;
  const p = metadata?.pipelines.find((x) => x.id === lead.pipeline_id);
  if (p) {
    out.pipeline_name = p.name;
    const st = p.statuses.find((s) => s.id === lead.status_id);
    if (st) out.status_name = st.name;
  }
  return out;
}

export function contactView(item: Raw, metadata?: AmoMetadata): AmoContact {
  const contact = mapContact(flat(item), { fieldTypes: fieldTypesOf(metadata) });
  if (!contact) throw new Error('contact without id');
  return contact;
}

/** What a lead carries about a contact: enough for templates, without the raw field lists. */
export function contactSummary(c: AmoContact): { id: number; name: string; phone: string | null; email: string | null; phones: string[]; emails: string[]; fields: AmoContact['fields'] } {
  return { id: c.id, name: c.name, phone: c.phone, email: c.email, phones: c.phones, emails: c.emails, fields: c.fields };
}
