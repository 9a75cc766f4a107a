import { href, type SimCore } from './sim-core.ts';
import { linkedIds } from './sim-state.ts';
import type { AmoCompany, AmoContact, AmoCustomField, AmoLead, AmoNote, AmoPipeline, AmoStatus, AmoTag, AmoTask, AmoUser, AmoWebhook } from './sim-types.ts';

// v4 read shapes (reference §3–§7). Relations live in each item's own `_embedded`.

const tagsView = (tags: AmoTag[]) => tags.map((t) => ({ id: t.id, name: t.name, color: null }));

export function leadView(core: SimCore, lead: AmoLead, opts: { contacts?: boolean } = {}): object {
  const { tags, ...rest } = lead;
  const embedded: Record<string, object[]> = {
    tags: tagsView(tags),
    companies: linkedIds(core.state, 'leads', lead.id, 'companies').map((c) => ({ id: c.id, _links: { self: href(core, `/api/v4/companies/${c.id}`) } })),
  };
  if (opts.contacts) {
    embedded.contacts = linkedIds(core.state, 'leads', lead.id, 'contacts').map((c) => ({
      id: c.id,
      is_main: c.is_main,
      _links: { self: href(core, `/api/v4/contacts/${c.id}`) },
    }));
  }
  return { ...rest, _links: { self: href(core, `/api/v4/leads/${lead.id}`) }, _embedded: embedded };
}

export function contactView(core: SimCore, c: AmoContact, opts: { leads?: boolean } = {}): object {
  const { tags, ...rest } = c;
  const embedded: Record<string, object[]> = {
    tags: tagsView(tags),
    companies: linkedIds(core.state, 'contacts', c.id, 'companies').map((x) => ({ id: x.id, _links: { self: href(core, `/api/v4/companies/${x.id}`) } })),
  };
  if (opts.leads) {
    embedded.leads = linkedIds(core.state, 'contacts', c.id, 'leads').map((x) => ({ id: x.id, _links: { self: href(core, `/api/v4/leads/${x.id}`) } }));
  }
  return { ...rest, _links: { self: href(core, `/api/v4/contacts/${c.id}`) }, _embedded: embedded };
}

export function companyView(core: SimCore, c: AmoCompany, opts: { leads?: boolean; contacts?: boolean } = {}): object {
  const { tags, ...rest } = c;
  const embedded: Record<string, object[]> = { tags: tagsView(tags) };
  if (opts.leads) {
    embedded.leads = linkedIds(core.state, 'companies', c.id, 'leads').map((x) => ({ id: x.id, _links: { self: href(core, `/api/v4/leads/${x.id}`) } }));
  }
  if (opts.contacts) {
    embedded.contacts = linkedIds(core.state, 'companies', c.id, 'contacts').map((x) => ({ id: x.id, _links: { self: href(core, `/api/v4/contacts/${x.id}`) } }));
  }
  return { ...rest, _links: { self: href(core, `/api/v4/companies/${c.id}`) }, _embedded: embedded };
}

export function noteView(core: SimCore, n: AmoNote): object {
  const { entity_type, ...rest } = n;
  return { ...rest, _links: { self: href(core, `/api/v4/${entity_type}/${n.entity_id}/notes/${n.id}`) } };
}

export function taskView(core: SimCore, t: AmoTask): object {
  // An empty result is `[]` in real responses, not null.
  return { ...t, result: t.result ?? [], _links: { self: href(core, `/api/v4/tasks/${t.id}`) } };
}

export function statusView(core: SimCore, s: AmoStatus): object {
  return { ...s, _links: { self: href(core, `/api/v4/leads/pipelines/${s.pipeline_id}/statuses/${s.id}`) } };
}

export function pipelineView(core: SimCore, p: AmoPipeline): object {
  const { statuses, ...rest } = p;
  const sorted = [...statuses].sort((a, b) => a.sort - b.sort);
  return { ...rest, _links: { self: href(core, `/api/v4/leads/pipelines/${p.id}`) }, _embedded: { statuses: sorted.map((s) => statusView(core, s)) } };
}

export function fieldView(core: SimCore, f: AmoCustomField): object {
  return { ...f, _links: { self: href(core, `/api/v4/${f.entity_type}/custom_fields/${f.id}`) } };
}

export function userView(core: SimCore, u: AmoUser): object {
  return { ...u, _links: { self: href(core, `/api/v4/users/${u.id}`) } };
}

export function webhookView(w: AmoWebhook): object {
  return { ...w };
}
