/**
 * Lead and call triggers. The core hands a trigger only the events of its own connection; the
 * trigger filters by its props (project, stage). An empty filter means «любой».
 */
import { z } from 'zod';
import { connectionField, defineTrigger, widget, type NormalizedEvent } from '../../../core/sdk/index.ts';
import type { LptCall, LptLeadEventData } from '../webhook/lpt-webhook.types.ts';
import { projectProp, sameId, stageProp } from './props.ts';
import { SAMPLE_CALL, SAMPLE_EVENT, SAMPLE_LEAD } from './samples.ts';

const dataOf = (event: NormalizedEvent) => event.data as unknown as LptLeadEventData & { call?: LptCall; previous_stage_id?: unknown };

const inProject = (event: NormalizedEvent, projectId: unknown) => sameId(projectId, dataOf(event).lead?.project_id);
const inStage = (event: NormalizedEvent, stageId: unknown) => sameId(stageId, dataOf(event).lead?.stage_id);

const anyProject = () => projectProp('Проект', 'Пусто — любой проект аккаунта.');

export const leadCreated = defineTrigger({
  id: 'lead_created',
  title: 'LPTracker: новый лид',
  description: 'Запускает правило, когда в LPTracker создан лид (в выбранном проекте и этапе, если они заданы).',
  events: ['lptracker.lead_created'],
  props: z.object({
    connectionId: connectionField(),
    projectId: anyProject(),
    stageId: stageProp('Этап', 'Пусто — любой этап.'),
  }),
  sample: { ...SAMPLE_EVENT, action: 'create', changed: [], lead: { ...SAMPLE_LEAD, stage_id: 1648185, stage: { id: 1648185, name: 'Новый лид' } } },
  match: (event, props) => inProject(event, props.projectId) && inStage(event, props.stageId),
});

export const leadUpdated = defineTrigger({
  id: 'lead_updated',
  title: 'LPTracker: лид изменён',
  description: 'Запускает правило на любое изменение лида: этап, поля, ответственный, комментарий, звонок. {{trigger.changed}} — что изменилось.',
  events: ['lptracker.lead_updated'],
  props: z.object({
    connectionId: connectionField(),
    projectId: anyProject(),
    stageId: stageProp('Этап', 'Пусто — любой этап, в котором лид сейчас.'),
  }),
  sample: SAMPLE_EVENT,
  match: (event, props) => inProject(event, props.projectId) && inStage(event, props.stageId),
});

export const leadStageChanged = defineTrigger({
  id: 'lead_stage_changed',
  title: 'LPTracker: лид перешёл на этап',
  description: 'Запускает правило, когда лид переходит на выбранный этап воронки (например, «Отказ»). Одно изменение — один запуск.',
  events: ['lptracker.lead_stage_changed'],
  props: z.object({
    connectionId: connectionField(),
    projectId: anyProject(),
    stageId: stageProp('Новый этап', 'Пусто — любой этап.'),
    fromStageId: stageProp(
      'Предыдущий этап',
      'Необязательно. LPTracker не сообщает в вебхуке, с какого этапа ушёл лид: пока он этого не присылает, фильтр не сужает запуски.',
    ),
  }),
  sample: SAMPLE_EVENT,
  match(event, props) {
    if (!inProject(event, props.projectId) || !inStage(event, props.stageId)) return false;
    // Only when the event knows the previous stage; LPTracker's payload does not carry it today.
    const previous = dataOf(event).previous_stage_id;
    return typeof previous === 'number' ? sameId(props.fromStageId, previous) : true;
  },
});

export const leadDeleted = defineTrigger({
  id: 'lead_deleted',
  title: 'LPTracker: лид удалён',
  description: 'Запускает правило, когда лид удаляют из LPTracker. Данные лида — на момент удаления.',
  events: ['lptracker.lead_deleted'],
  props: z.object({
    connectionId: connectionField(),
    projectId: anyProject(),
  }),
  sample: { ...SAMPLE_EVENT, action: 'delete', changed: [] },
  match: (event, props) => inProject(event, props.projectId),
});

const DIRECTION_LABELS = { any: 'Любые', incoming: 'Входящие', outgoing: 'Исходящие' };

export const callFinished = defineTrigger({
  id: 'call_finished',
  title: 'LPTracker: звонок завершён',
  description: 'Запускает правило, когда у лида появляется запись о звонке: {{trigger.call.duration}}, {{trigger.call.record_url}}, {{trigger.lead.contact.phone}}.',
  events: ['lptracker.call_finished'],
  props: z.object({
    connectionId: connectionField(),
    projectId: anyProject(),
    direction: widget(z.enum(['any', 'incoming', 'outgoing'], { error: 'Выберите направление звонка' }).default('any'), 'select', { labels: DIRECTION_LABELS })
      .meta({ title: 'Направление' }),
    answeredOnly: z.boolean().default(false).meta({ title: 'Только состоявшиеся', description: 'Пропускать звонки без разговора (нулевая длительность, без записи).' }),
  }),
  sample: { ...SAMPLE_EVENT, changed: ['calls_records'], lead: { ...SAMPLE_LEAD, calls: [SAMPLE_CALL] }, call: SAMPLE_CALL },
  match(event, props) {
    const call = dataOf(event).call;
    if (!call || !inProject(event, props.projectId)) return false;
    if (props.direction !== 'any' && call.type !== props.direction) return false;
    if (!props.answeredOnly) return true;
    return call.disposition !== undefined ? call.disposition === 'ANSWERED' : call.duration > 0 || call.record_url !== null;
  },
});
