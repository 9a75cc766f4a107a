import { z } from 'zod';
import { connectionField, defineAction, fieldMap, UserError } from '../../../core/sdk/index.ts';
import { amoList, amoRequest } from '../client/amo-client.ts';
import type { AmoRemote } from '../client/amo-remote.ts';
import { contactsById } from '../client/contact-search.ts';
import { contactSummary, contactView, leadView } from '../fields/entity-view.ts';
import { asReadForm, fieldNames, fieldWrites, toNumber } from '../fields/field-values.ts';
import type { AmoMetadata } from '../metadata/amo-metadata.types.ts';
import { markDone, markPending, metadataOf, nonEmpty, preview, readRecord, remoteOf, resolveStage } from './action-kit.ts';
import { contactDraft, findExisting } from './contact-upsert.ts';
import { optionalId, pipelineProp, statusProp, templateProp, userProp, valueProp } from './props.ts';
import { SAMPLE_CONTACT, SAMPLE_LEAD } from './samples.ts';

type Raw = Record<string, any>;

interface CreateLeadResult {
  id: number;
  lead: Raw;
  contact: ReturnType<typeof contactSummary> | null;
  contactCreated: boolean;
}

/** Where AmoCRM puts a lead without a status: the pipeline's first normal stage. */
function landing(meta: AmoMetadata, pipelineId: number | undefined, statusId: number | undefined): { pipelineId?: number; statusId?: number } {
  const p = pipelineId !== undefined ? meta.pipelines.find((x) => x.id === pipelineId) : (meta.pipelines.find((x) => x.isMain) ?? meta.pipelines[0]);
  if (statusId !== undefined) return { pipelineId: pipelineId ?? p?.id, statusId };
  const first = p?.statuses.find((s) => s.type === 0 && s.id !== 142 && s.id !== 143);
  return { pipelineId: p?.id, statusId: first?.id };
}

/**
 * After a lost answer: the lead this step may already have created — created since its first
 * attempt, same name and pipeline, and linked to the same contact when there is one.
 */
async function findCreated(remote: AmoRemote, lead: Raw, since: number, contactId: number | undefined): Promise<Raw | undefined> {
  const query: Record<string, string | number | number[]> = { 'filter[created_at][from]': since - 5, with: 'contacts' };
  if (lead.pipeline_id !== undefined) query['filter[pipeline_id]'] = [lead.pipeline_id];
  const found = await amoList<Raw>(remote, '/api/v4/leads', 'leads', query, { maxPages: 4 });
  return found
    .filter((l) => lead.name === undefined || l.name === lead.name)
    .filter((l) => contactId === undefined || (l._embedded?.contacts ?? []).some((c: Raw) => Number(c.id) === contactId))
    .sort((a, b) => a.id - b.id)[0];
}

export const createLead = defineAction({
  id: 'create_lead',
  title: 'AmoCRM: создать сделку',
  description:
    'Создаёт сделку с полями по названиям и привязывает контакт: сначала ищет его по телефону и эл. почте, новый создаёт вместе со сделкой. Повтор шага не создаёт вторую сделку или контакт.',
  needsConnection: true,
  errorOutput: true,
  props: z.object({
    connectionId: connectionField(),
    name: templateProp('Название сделки', 'Например, Заявка: {{trigger.name}}. Пусто — AmoCRM назовёт сам.'),
    price: valueProp('Бюджет'),
    pipelineId: pipelineProp('Воронка', 'Пусто — основная воронка.'),
    statusId: statusProp('Статус', 'Пусто — первый этап воронки.'),
    responsibleUserId: userProp('Ответственный', 'Пусто — владелец интеграции.'),
    fields: fieldMap('leadFields').meta({ title: 'Поля сделки', description: 'Название поля → значение, например «Город» → {{trigger.city}}.' }),
    tags: templateProp('Теги', 'Через запятую.'),
    contactName: templateProp('Имя контакта'),
    contactPhone: templateProp('Телефон контакта', 'Любой формат; по нему ищется существующий контакт.'),
    contactEmail: templateProp('Эл. почта контакта', 'По нему ищется контакт, если не нашёлся по телефону.'),
    contactFields: fieldMap('contactFields').meta({ title: 'Поля нового контакта' }),
  }),
  sample: { id: SAMPLE_LEAD.id, lead: { ...SAMPLE_LEAD, old_status_id: undefined }, contact: SAMPLE_CONTACT, contactCreated: true },
  summarize: (o) => (o?.id ? `сделка создана: ${o.id}` : null),
  async run(ctx) {
    const remote = remoteOf(ctx);
    const meta = await metadataOf(remote);
    const p = ctx.props;
    const stage = resolveStage(meta, p.pipelineId, p.statusId);
    const writes = fieldWrites(p.fields, meta.leadFields, 'сделок');
    const lead: Raw = {};
    const name = nonEmpty(p.name);
    if (name) lead.name = name;
    const priceText = nonEmpty(p.price);
    if (priceText !== undefined) {
      const price = toNumber(priceText);
      if (price === undefined) throw new UserError('AMOCRM_FIELD_VALUE', `Бюджет: ожидается число, получено «${priceText}»`);
      lead.price = Math.round(price);
    }
    if (stage.pipelineId !== undefined) lead.pipeline_id = stage.pipelineId;
    if (stage.statusId !== undefined) lead.status_id = stage.statusId;
    const responsible = optionalId(p.responsibleUserId, 'Ответственный');
    if (responsible !== undefined) lead.responsible_user_id = responsible;
    if (writes.length > 0) lead.custom_fields_values = writes;
    const tags = (nonEmpty(p.tags) ?? '').split(',').map((t) => t.trim()).filter(Boolean);
    const draft = contactDraft({ name: p.contactName, phone: p.contactPhone, email: p.contactEmail, fields: p.contactFields, responsibleUserId: responsible }, meta);
    const leadNames = fieldNames(writes, meta.leadFields);

    const record = ctx.dryRun ? undefined : await readRecord<CreateLeadResult>(ctx, 'lead');
    if (record?.state === 'done') return record.result;
    const existing = draft ? await findExisting(remote, draft) : undefined;
    const embedded = (contacts: Raw[]): Raw => ({ ...(tags.length ? { tags: tags.map((t) => ({ name: t })) } : {}), ...(contacts.length ? { contacts } : {}) });
    const simple = { ...lead, _embedded: embedded(existing ? [{ id: Number(existing.id), is_main: true }] : []) };
    const complex = draft && !existing ? { ...lead, _embedded: embedded([draft.body]) } : undefined;
    if (ctx.dryRun) {
      const contact = existing ? contactSummary(contactView(existing, meta)) : null;
      return complex ? preview(remote, 'POST', '/api/v4/leads/complex', [complex], { contact }) : preview(remote, 'POST', '/api/v4/leads', [simple], { contact });
    }

    const finish = async (leadId: number, contactRaw: Raw | undefined, contactCreated: boolean) => {
      const where = landing(meta, stage.pipelineId, stage.statusId);
      const view = leadView({ ...lead, id: leadId, pipeline_id: where.pipelineId, status_id: where.statusId, custom_fields_values: asReadForm(writes, meta.leadFields), _embedded: { tags: tags.map((t) => ({ name: t })) } }, meta);
      const contact = contactRaw ? contactSummary(contactView(contactRaw, meta)) : null;
      // The run's source entity (an LPTracker lead…) now has this lead as its AmoCRM counterpart.
      await ctx.links?.add({ type: 'lead', id: leadId });
      return markDone<CreateLeadResult>(ctx, 'lead', { id: leadId, lead: view, contact, contactCreated });
    };

    if (record?.state === 'pending') {
      const earlier = await findCreated(remote, lead, record.at, existing ? Number(existing.id) : undefined);
      if (earlier) {
        const contactId = Number(earlier._embedded?.contacts?.find((c: Raw) => c.is_main)?.id ?? earlier._embedded?.contacts?.[0]?.id);
        const contactRaw = existing ?? (Number.isSafeInteger(contactId) ? (await contactsById(remote, [contactId]))[0] : undefined);
        return finish(Number(earlier.id), contactRaw, Boolean(contactRaw && Number(contactRaw.created_at) >= record.at - 5));
      }
    }
    await markPending(ctx, 'lead', record);
    if (complex && draft) {
      const res = await amoRequest<Raw[]>(remote, {
        method: 'POST',
        path: '/api/v4/leads/complex',
        body: [complex],
        labels: (_rid, i) => leadNames[i],
      });
      const row = Array.isArray(res.body) ? res.body[0] : undefined;
      if (!row?.id) throw new UserError('AMOCRM_UNEXPECTED', 'AmoCRM не вернул ID созданной сделки.');
      const contactRaw = row.contact_id ? { ...draft.body, id: row.contact_id, custom_fields_values: asReadForm(draft.body.custom_fields_values ?? [], meta.contactFields) } : undefined;
      return finish(Number(row.id), contactRaw, Boolean(row.contact_id) && !row.merged);
    }
    const res = await amoRequest<{ _embedded?: { leads?: Raw[] } }>(remote, {
      method: 'POST',
      path: '/api/v4/leads',
      body: [simple],
      labels: (_rid, i) => leadNames[i],
    });
    const id = Number(res.body?._embedded?.leads?.[0]?.id);
    if (!Number.isSafeInteger(id)) throw new UserError('AMOCRM_UNEXPECTED', 'AmoCRM не вернул ID созданной сделки.');
    return finish(id, existing, false);
  },
});
