import { createHash } from 'node:crypto';
import { z } from 'zod';
import { connectionField, defineAction, normalizePhone, UserError, widget } from '../../../core/sdk/index.ts';
import { amoList } from '../client/amo-client.ts';
import type { AmoRemote } from '../client/amo-remote.ts';
import { addLeadNote, batchPreview } from '../client/write-kinds.ts';
import { toNumber } from '../fields/field-values.ts';
import { markDone, markPending, nonEmpty, readRecord, remoteOf } from './action-kit.ts';
import { idProp, templateProp, toId, valueProp } from './props.ts';

const NOTE_LABELS = { common: 'Обычное', call_in: 'Входящий звонок', call_out: 'Исходящий звонок' };
const CALL_SOURCE = 'Конструктор интеграций';

interface NoteResult {
  id: number;
  lead_id: number;
  note_type: string;
}

type Raw = Record<string, any>;

/** A UUID-shaped id derived from the step's idempotency key: a retried call note keeps its `uniq`. */
function callUniq(key: string): string {
  const h = createHash('sha256').update(key).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** After a lost answer: the note this step may already have added (same lead, type and text/uniq, since the first attempt). */
async function findWritten(remote: AmoRemote, leadId: number, body: Raw, since: number): Promise<Raw | undefined> {
  const notes = await amoList<Raw>(remote, `/api/v4/leads/${leadId}/notes`, 'notes', { 'filter[note_type]': [body.note_type], 'filter[updated_at][from]': since - 5 }, { maxPages: 4 });
  const params = body.params as Raw;
  return notes.find((n) => (params.uniq ? n.params?.uniq === params.uniq : n.params?.text === params.text));
}

export const addNote = defineAction({
  id: 'add_note',
  title: 'AmoCRM: добавить примечание',
  description: 'Добавляет к сделке обычное примечание или примечание о звонке (телефон, длительность, запись). Повтор шага не создаёт второе примечание.',
  needsConnection: true,
  errorOutput: true,
  props: z.object({
    connectionId: connectionField(),
    leadId: idProp('ID сделки', 'Например, {{trigger.lead.id}}.'),
    noteType: widget(z.enum(['common', 'call_in', 'call_out']).default('common'), 'select', { labels: NOTE_LABELS }).meta({ title: 'Тип примечания' }),
    text: templateProp('Текст', 'Текст примечания; для звонка — его результат.'),
    phone: templateProp('Телефон', 'Для звонка: номер собеседника.'),
    duration: valueProp('Длительность, с', 'Для звонка: секунды разговора.'),
    link: templateProp('Ссылка на запись', 'Для звонка: адрес записи разговора.'),
  }),
  sample: { id: 40000001, lead_id: 10000001, note_type: 'common' },
  summarize: (o) => (o?.lead_id ? `примечание в сделке ${o.lead_id}` : null),
  async run(ctx) {
    const remote = remoteOf(ctx);
    const leadId = toId(ctx.props.leadId, 'ID сделки');
    const { noteType } = ctx.props;
    const text = nonEmpty(ctx.props.text);
    let params: Raw;
    if (noteType === 'common') {
      if (!text) throw new UserError('AMOCRM_NOTE_EMPTY', 'Текст примечания пуст: проверьте шаблон в поле «Текст».');
      params = { text };
    } else {
      const phoneText = nonEmpty(ctx.props.phone);
      if (!phoneText) throw new UserError('AMOCRM_NOTE_PHONE', 'Для примечания о звонке укажите телефон.');
      const duration = toNumber(ctx.props.duration ?? 0);
      if (duration === undefined || duration < 0) throw new UserError('AMOCRM_NOTE_DURATION', `Длительность звонка: ожидается число секунд, получено «${String(ctx.props.duration)}»`);
      params = { uniq: callUniq(ctx.idempotencyKey), duration: Math.round(duration), source: CALL_SOURCE, phone: normalizePhone(phoneText) ?? phoneText };
      const link = nonEmpty(ctx.props.link);
      if (link) params.link = link;
      if (text) params.call_result = text;
    }
    const body = { entity_id: leadId, note_type: noteType, params };
    if (ctx.dryRun) return { dryRun: true, request: batchPreview(remote, 'note', { body }) };

    const record = await readRecord<NoteResult>(ctx, 'note');
    if (record?.state === 'done') return record.result;
    if (record?.state === 'pending') {
      const found = await findWritten(remote, leadId, body, record.at);
      if (found) return markDone(ctx, 'note', { id: Number(found.id), lead_id: leadId, note_type: noteType });
    }
    await markPending(ctx, 'note', record);
    const row = await addLeadNote(remote, { body });
    return markDone(ctx, 'note', { id: Number(row.id), lead_id: leadId, note_type: noteType });
  },
});
