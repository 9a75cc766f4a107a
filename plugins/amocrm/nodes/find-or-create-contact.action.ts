import { z } from 'zod';
import { connectionField, defineAction, fieldMap, UserError } from '../../../core/sdk/index.ts';
import { amoRequest } from '../client/amo-client.ts';
import { contactSummary, contactView } from '../fields/entity-view.ts';
import { asReadForm } from '../fields/field-values.ts';
import { markDone, markPending, metadataOf, preview, readRecord, remoteOf } from './action-kit.ts';
import { contactDraft, findCreatedByName, findExisting } from './contact-upsert.ts';
import { optionalId, templateProp, userProp } from './props.ts';
import { SAMPLE_CONTACT } from './samples.ts';

type Raw = Record<string, any>;

interface ContactResult {
  id: number;
  created: boolean;
  contact: ReturnType<typeof contactSummary>;
}

export const findOrCreateContact = defineAction({
  id: 'find_or_create_contact',
  title: 'AmoCRM: найти или создать контакт',
  description: 'Ищет контакт по телефону (в любом формате), затем по эл. почте; если не нашёл — создаёт. Повтор шага не создаёт второй контакт.',
  needsConnection: true,
  errorOutput: true,
  props: z.object({
    connectionId: connectionField(),
    name: templateProp('Имя', 'Например, {{trigger.name}}.'),
    phone: templateProp('Телефон', 'Любой формат: 8 (918) 123-45-67, +7 918 123 45 67.'),
    email: templateProp('Эл. почта'),
    fields: fieldMap('contactFields').meta({ title: 'Поля контакта', description: 'Заполняются только у нового контакта.' }),
    responsibleUserId: userProp('Ответственный', 'Для нового контакта. Пусто — владелец интеграции.'),
  }),
  sample: { id: SAMPLE_CONTACT.id, created: false, contact: SAMPLE_CONTACT },
  summarize: (o) => (o?.id ? `контакт ${o.created ? 'создан' : 'найден'}: ${o.id}` : null),
  async run(ctx) {
    const remote = remoteOf(ctx);
    const meta = await metadataOf(remote);
    const draft = contactDraft({ name: ctx.props.name, phone: ctx.props.phone, email: ctx.props.email, fields: ctx.props.fields, responsibleUserId: optionalId(ctx.props.responsibleUserId, 'Ответственный') }, meta);
    if (!draft) throw new UserError('AMOCRM_CONTACT_EMPTY', 'Укажите имя, телефон или эл. почту контакта.');
    const record = ctx.dryRun ? undefined : await readRecord<ContactResult>(ctx, 'contact');
    if (record?.state === 'done') return record.result;
    const existing = await findExisting(remote, draft);
    const adopt = (c: Raw, created: boolean): ContactResult => ({ id: Number(c.id), created, contact: contactSummary(contactView(c, meta)) });
    const done = async (result: ContactResult) => {
      await ctx.links?.add({ type: 'contact', id: result.id });
      return markDone(ctx, 'contact', result);
    };
    if (existing) return ctx.dryRun ? adopt(existing, false) : done(adopt(existing, record?.state === 'pending'));
    if (ctx.dryRun) return preview(remote, 'POST', '/api/v4/contacts', [draft.body]);
    if (record?.state === 'pending' && !draft.phone && !draft.email && draft.name) {
      const earlier = await findCreatedByName(remote, draft.name, record.at);
      if (earlier) return done(adopt(earlier, true));
    }
    await markPending(ctx, 'contact', record);
    const names = draft.fieldNames;
    const { body } = await amoRequest<{ _embedded?: { contacts?: Raw[] } }>(remote, {
      method: 'POST',
      path: '/api/v4/contacts',
      body: [draft.body],
      labels: (_rid, i) => names[i],
    });
    const id = Number(body?._embedded?.contacts?.[0]?.id);
    const created = { ...draft.body, id, custom_fields_values: asReadForm(draft.body.custom_fields_values ?? [], meta.contactFields) };
    return done(adopt(created, true));
  },
});
