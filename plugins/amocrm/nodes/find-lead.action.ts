import { z } from 'zod';
import { connectionField, defineAction, remoteSelect, UserError, widget } from '../../../core/sdk/index.ts';
import { amoGet, amoList } from '../client/amo-client.ts';
import type { AmoRemote } from '../client/amo-remote.ts';
import { contactsByEmail, contactsByPhone } from '../client/contact-search.ts';
import { contactSummary, contactView, leadView } from '../fields/entity-view.ts';
import { findField } from '../fields/field-values.ts';
import type { AmoMetadata } from '../metadata/amo-metadata.types.ts';
import { LOST_STATUS, WON_STATUS } from '../metadata/amo-metadata.types.ts';
import { metadataOf, nonEmpty, remoteOf } from './action-kit.ts';
import { filterId, optionalId, pipelineProp, valueProp } from './props.ts';
import { SAMPLE_CONTACT, SAMPLE_LEAD } from './samples.ts';

type Raw = Record<string, any>;

const BY_LABELS = { id: 'ID сделки', phone: 'Телефону контакта', email: 'Эл. почте контакта', field: 'Значению поля' };

/** Lead ids of contacts, from their `_embedded.leads`. */
const leadIdsOf = (contacts: Raw[]) => [...new Set(contacts.flatMap((c) => (c._embedded?.leads ?? []).map((l: Raw) => Number(l.id))))];

async function leadsById(remote: AmoRemote, ids: number[]): Promise<Raw[]> {
  if (ids.length === 0) return [];
  return amoList<Raw>(remote, '/api/v4/leads', 'leads', { 'filter[id]': ids.slice(0, 250) });
}

function fieldEquals(lead: Raw, meta: AmoMetadata, fieldName: string, wanted: string): boolean {
  const view = leadView(lead, meta);
  const value = view.fields[findField(meta.leadFields, fieldName)?.name ?? fieldName];
  const w = wanted.trim().toLowerCase();
  const values = Array.isArray(value) ? value : [value];
  return values.some((v) => v !== null && v !== undefined && String(v).trim().toLowerCase() === w);
}

export const findLead = defineAction({
  id: 'find_lead',
  title: 'AmoCRM: найти сделку',
  description: 'Ищет сделку по ID, по телефону или эл. почте её контакта, или по значению поля. Из нескольких берёт последнюю изменённую. Ничего не меняет.',
  needsConnection: true,
  errorOutput: true,
  props: z.object({
    connectionId: connectionField(),
    by: widget(z.enum(['id', 'phone', 'email', 'field']).default('phone'), 'select', { labels: BY_LABELS }).meta({ title: 'Искать по' }),
    value: valueProp('Значение', 'Например, {{trigger.phone}} или {{trigger.lead.id}}.'),
    field: remoteSelect(z.string().optional(), 'leadFields').meta({ title: 'Поле', description: 'Для поиска по значению поля.' }),
    pipelineId: pipelineProp('Воронка', 'Пусто — любая воронка.'),
    openOnly: z.boolean().default(false).meta({ title: 'Только открытые', description: 'Без сделок в статусах «Успешно реализовано» и «Закрыто и не реализовано».' }),
  }),
  sample: { found: true, count: 1, lead: SAMPLE_LEAD, contact: SAMPLE_CONTACT },
  summarize: (o) => (o?.found ? `сделка найдена: ${o.lead?.id}` : 'сделка не найдена'),
  async run(ctx) {
    const remote = remoteOf(ctx);
    const { by } = ctx.props;
    const value = nonEmpty(Array.isArray(ctx.props.value) ? ctx.props.value[0] : ctx.props.value);
    if (!value) throw new UserError('AMOCRM_FIND_EMPTY', 'Значение для поиска пустое: проверьте шаблон в поле «Значение».');
    const meta = await metadataOf(remote);
    let candidates: Raw[] = [];
    let contacts: Raw[] = [];
    if (by === 'id') {
      const id = optionalId(value, 'ID сделки')!;
      const lead = await amoGet<Raw>(remote, `/api/v4/leads/${id}`);
      candidates = lead ? [lead] : [];
    } else if (by === 'phone' || by === 'email') {
      contacts = by === 'phone' ? await contactsByPhone(remote, value, true) : await contactsByEmail(remote, value, true);
      candidates = await leadsById(remote, leadIdsOf(contacts));
    } else {
      const fieldName = nonEmpty(ctx.props.field);
      if (!fieldName) throw new UserError('AMOCRM_FIND_FIELD', 'Выберите поле, по значению которого искать сделку.');
      if (!findField(meta.leadFields, fieldName)) throw new UserError('AMOCRM_FIELD_UNKNOWN', `Поле «${fieldName}» не найдено среди полей сделок AmoCRM.`);
      const found = await amoList<Raw>(remote, '/api/v4/leads', 'leads', { query: value }, { maxPages: 4 });
      candidates = found.filter((l) => fieldEquals(l, meta, fieldName, value));
    }
    const pipelineId = filterId(ctx.props.pipelineId);
    const matching = candidates
      .filter((l) => !l.is_deleted)
      .filter((l) => pipelineId === undefined || l.pipeline_id === pipelineId)
      .filter((l) => !ctx.props.openOnly || (l.status_id !== WON_STATUS && l.status_id !== LOST_STATUS))
      .sort((a, b) => (b.updated_at ?? 0) - (a.updated_at ?? 0) || b.id - a.id);
    const lead = matching[0];
    // The contact of the chosen lead when several share the phone.
    const contact = contacts.find((c) => lead && (c._embedded?.leads ?? []).some((l: Raw) => Number(l.id) === lead.id)) ?? contacts[0];
    return {
      found: lead !== undefined,
      count: matching.length,
      lead: lead ? leadView(lead, meta) : null,
      ...(by === 'phone' || by === 'email' ? { contact: contact ? contactSummary(contactView(contact, meta)) : null } : {}),
    };
  },
});
