import { contactOr404, createContact, findDetail, searchContacts, updateContact } from '../contact-ops.ts';
import { badRequest, notFound } from '../envelope.ts';
import { asString } from '../json-input.ts';
import { removeLead } from '../lead-ops.ts';
import { renderContact, renderLead } from '../render-rest.ts';
import type { Router } from '../router.ts';
import type { SimCore } from '../sim-core.ts';
import type { LptContact } from '../sim-types.ts';

function contactField(core: SimCore, contact: LptContact, fieldId: number) {
  const def = core.state.fields.get(fieldId);
  if (!def || def.projectId !== contact.projectId) throw notFound('Поле контакта');
  return def;
}

export function registerContactRoutes(router: Router): void {
  router
    .add('POST', '/contact', ({ core, body }) => renderContact(core.state, createContact(core, body)))
    .add('GET', '/contact/search', ({ core, query }) => searchContacts(core.state, query).map((c) => renderContact(core.state, c)))
    .add('GET', '/contact/:id', ({ core, params }) => renderContact(core.state, contactOr404(core.state, params.id!)))
    .add('PUT', '/contact/:id', ({ core, params, body }) =>
      renderContact(core.state, updateContact(core, contactOr404(core.state, params.id!), body)))
    // A lead cannot outlive its contact, so the contact's leads go too (each with a delete webhook).
    .add('DELETE', '/contact/:id', ({ core, params }) => {
      const contact = contactOr404(core.state, params.id!);
      for (const lead of [...core.state.leads.values()]) if (lead.contactId === contact.id) removeLead(core, lead);
      core.state.contacts.delete(contact.id);
      return undefined;
    })
    .add('GET', '/contact/:id/leads', ({ core, params }) => {
      const contact = contactOr404(core.state, params.id!);
      return [...core.state.leads.values()].filter((l) => l.contactId === contact.id).map((l) => renderLead(core.state, l));
    })
    .add('GET', '/contact/details/:id', ({ core, params }) => {
      const d = findDetail(core.state, params.id!);
      return { id: String(d.id), type: d.type, data: d.data };
    })
    .add('PUT', '/contact/details/:id', ({ core, params, body }) => {
      const d = findDetail(core.state, params.id!);
      const value = asString(body.value)?.trim();
      if (!value) throw badRequest('Не указано значение value');
      d.data = value;
      return { id: String(d.id), type: d.type, data: d.data };
    })
    // Live, the documented delete route answers 400 and the detail survives; clients must cope.
    .add('DELETE', '/contact/details/:id', () => {
      throw badRequest('Удаление контактных данных не поддерживается');
    })
    .add('GET', '/contact/:id/field/:fieldId', ({ core, params }) => {
      const contact = contactOr404(core.state, params.id!);
      const def = contactField(core, contact, params.fieldId!);
      return { id: String(def.id), name: def.name, type: def.type, value: contact.fields.get(def.id) ?? null };
    })
    .add('PUT', '/contact/:id/field/:fieldId', ({ core, params, body }) => {
      const contact = contactOr404(core.state, params.id!);
      const def = contactField(core, contact, params.fieldId!);
      const value = asString(body.value) ?? '';
      if (value === '') contact.fields.delete(def.id);
      else contact.fields.set(def.id, value);
      return { id: String(def.id), name: def.name, type: def.type, value: value === '' ? null : value };
    })
    .add('DELETE', '/contact/:id/field/:fieldId', ({ core, params }) => {
      const contact = contactOr404(core.state, params.id!);
      contact.fields.delete(contactField(core, contact, params.fieldId!).id);
      return undefined;
    });
}
