import { z } from 'zod';
import { connectionField, defineAction, fieldMap, UserError } from '../../../core/sdk/index.ts';
import { batchPreview, patchLead } from '../client/write-kinds.ts';
import { fieldNames, fieldWrites, toNumber } from '../fields/field-values.ts';
import { metadataOf, nonEmpty, remoteOf } from './action-kit.ts';
import { idProp, optionalId, templateProp, toId, userProp, valueProp } from './props.ts';

/** Setting values is idempotent, so a retry needs no record. */
export const updateLead = defineAction({
  id: 'update_lead',
  title: 'AmoCRM: изменить сделку',
  description: 'Меняет поля сделки по их названиям (списки — по тексту варианта, даты и числа — по типу поля), название, бюджет, ответственного. Пустые значения не стирают данные.',
  needsConnection: true,
  errorOutput: true,
  props: z.object({
    connectionId: connectionField(),
    leadId: idProp('ID сделки', 'Например, {{trigger.lead.id}}.'),
    fields: fieldMap('leadFields').meta({ title: 'Поля сделки', description: 'Название поля → значение, например «Результат звонка» → {{trigger.result}}.' }),
    name: templateProp('Название', 'Пусто — не менять.'),
    price: valueProp('Бюджет', 'Пусто — не менять.'),
    responsibleUserId: userProp('Ответственный', 'Пусто — не менять.'),
  }),
  sample: { id: 10000001, updated_at: 1740823200, fields: { 'Результат звонка': 'Разговор состоялся' } },
  summarize: (o) => (o?.id ? (o.unchanged ? `сделка ${o.id}: менять нечего` : `сделка ${o.id} обновлена`) : null),
  async run(ctx) {
    const remote = remoteOf(ctx);
    const leadId = toId(ctx.props.leadId, 'ID сделки');
    const meta = await metadataOf(remote);
    const writes = fieldWrites(ctx.props.fields, meta.leadFields, 'сделок');
    const body: Record<string, unknown> = { id: leadId };
    const name = nonEmpty(ctx.props.name);
    if (name) body.name = name;
    const priceText = nonEmpty(ctx.props.price);
    if (priceText !== undefined) {
      const price = toNumber(priceText);
      if (price === undefined) throw new UserError('AMOCRM_FIELD_VALUE', `Бюджет: ожидается число, получено «${priceText}»`);
      body.price = Math.round(price);
    }
    const responsible = optionalId(ctx.props.responsibleUserId, 'Ответственный');
    if (responsible !== undefined) body.responsible_user_id = responsible;
    if (writes.length > 0) body.custom_fields_values = writes;
    if (Object.keys(body).length === 1) return { id: leadId, updated_at: null, unchanged: true };
    const item = { body, fieldNames: fieldNames(writes, meta.leadFields) };
    if (ctx.dryRun) return { dryRun: true, request: batchPreview(remote, 'patch', item) };
    const row = await patchLead(remote, item);
    return { id: leadId, updated_at: row.updated_at ?? null, fields: ctx.props.fields };
  },
});
