import { z } from 'zod';
import { connectionField, defineAction, remoteSelect, UserError, widget } from '../../../core/sdk/index.ts';
import { amoList, amoRequest } from '../client/amo-client.ts';
import { toUnixSeconds } from '../fields/field-values.ts';
import { markDone, markPending, nonEmpty, preview, readRecord, remoteOf } from './action-kit.ts';
import { idProp, optionalId, templateProp, toId, userProp } from './props.ts';

type Raw = Record<string, any>;

const ENTITY_LABELS = { leads: 'Сделка', contacts: 'Контакт', companies: 'Компания' };
const UNIT_SECONDS: Record<string, number> = { m: 60, h: 3600, d: 86_400 };

/** `+30m`, `+2h`, `+1d` from now, or a date/time (`2025-03-05 18:00`, `05.03.2025 18:00`, unix). */
export function deadline(value: string, nowSec = Math.floor(Date.now() / 1000)): number | undefined {
  const rel = /^\+\s*(\d+)\s*([mhd])$/i.exec(value.trim());
  if (rel) return nowSec + Number(rel[1]) * UNIT_SECONDS[rel[2]!.toLowerCase()]!;
  return toUnixSeconds(value);
}

export const createTask = defineAction({
  id: 'create_task',
  title: 'AmoCRM: поставить задачу',
  description: 'Ставит задачу по сделке, контакту или компании со сроком и ответственным. Повтор шага не создаёт вторую задачу.',
  needsConnection: true,
  errorOutput: true,
  props: z.object({
    connectionId: connectionField(),
    entityType: widget(z.enum(['leads', 'contacts', 'companies']).default('leads'), 'select', { labels: ENTITY_LABELS }).meta({ title: 'К чему задача' }),
    entityId: idProp('ID сделки, контакта или компании', 'Например, {{trigger.lead.id}}.'),
    text: templateProp('Текст задачи'),
    completeTill: widget(z.string().trim().default('+1d'), 'template').meta({
      title: 'Срок',
      description: '+30m, +2h, +1d от момента запуска или дата и время: 2025-03-05 18:00 (по Москве).',
    }),
    taskTypeId: remoteSelect(z.union([z.number().int().positive(), z.string().trim()]).default(1), 'taskTypes').meta({ title: 'Тип задачи' }),
    responsibleUserId: userProp('Ответственный', 'Пусто — ответственный за сущность.'),
  }),
  sample: { id: 50000001, entity_id: 10000001, entity_type: 'leads', complete_till: 1740909600 },
  summarize: (o) => (o?.id ? `задача создана: ${o.id}` : null),
  async run(ctx) {
    const remote = remoteOf(ctx);
    const p = ctx.props;
    const entityId = toId(p.entityId, 'ID сущности');
    const text = nonEmpty(p.text);
    if (!text) throw new UserError('AMOCRM_TASK_EMPTY', 'Текст задачи пуст: проверьте шаблон в поле «Текст задачи».');
    const record = ctx.dryRun ? undefined : await readRecord<Raw>(ctx, 'task');
    if (record?.state === 'done') return record.result;
    // A relative deadline counts from the first attempt, so a retry asks for the same task.
    const startedAt = record?.state === 'pending' ? record.at : Math.floor(Date.now() / 1000);
    const completeTill = deadline(p.completeTill, startedAt);
    if (completeTill === undefined) throw new UserError('AMOCRM_TASK_DEADLINE', `Срок задачи: не удалось понять «${p.completeTill}» — укажите +1d, +2h или дату 2025-03-05 18:00.`);
    const task: Raw = { text, complete_till: completeTill, entity_id: entityId, entity_type: p.entityType, task_type_id: optionalId(p.taskTypeId, 'Тип задачи') ?? 1 };
    const responsible = optionalId(p.responsibleUserId, 'Ответственный');
    if (responsible !== undefined) task.responsible_user_id = responsible;
    if (ctx.dryRun) return preview(remote, 'POST', '/api/v4/tasks', [task]);
    const result = (id: number) => ({ id, entity_id: entityId, entity_type: p.entityType, complete_till: completeTill });
    if (record?.state === 'pending') {
      const found = await amoList<Raw>(remote, '/api/v4/tasks', 'tasks', { 'filter[entity_type]': p.entityType, 'filter[entity_id]': [entityId], 'filter[updated_at][from]': record.at - 5 }, { maxPages: 2 });
      const earlier = found.find((t) => t.text === text && t.complete_till === completeTill);
      if (earlier) return markDone(ctx, 'task', result(Number(earlier.id)));
    }
    await markPending(ctx, 'task', record);
    const { body } = await amoRequest<{ _embedded?: { tasks?: Raw[] } }>(remote, { method: 'POST', path: '/api/v4/tasks', body: [task] });
    return markDone(ctx, 'task', result(Number(body?._embedded?.tasks?.[0]?.id)));
  },
});
