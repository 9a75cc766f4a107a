/**
 * Lead triggers. The core hands a trigger only the events of its own connection; the trigger
 * filters by its props (pipeline, status, responsible). An empty filter means «любой».
 */
import { z } from 'zod';
import { connectionField, defineTrigger, type NormalizedEvent } from '../../../core/sdk/index.ts';
import type { AmoRemote } from '../client/amo-remote.ts';
import { enrichLeadOutput } from './enrich-contacts.ts';
import { filterId, pipelineProp, statusProp, userProp } from './props.ts';
import { SAMPLE_ACCOUNT, SAMPLE_LEAD, SAMPLE_LEAD_WITH_CONTACTS } from './samples.ts';

type Lead = { pipeline_id?: number | null; status_id?: number | null; old_status_id?: number; responsible_user_id?: number | null };

const loadContacts = z.boolean().default(false).meta({
  title: 'Загрузить контакты сделки',
  description: 'Перед запуском правила прочитать контакты сделки из AmoCRM: {{trigger.lead.contact.phone}}, {{trigger.lead.contacts}}. Один-два запроса к API.',
});

/** `wanted` unset matches anything; a value that is not an id (a broken template) matches nothing. */
function same(wanted: unknown, actual: number | null | undefined): boolean {
  const id = filterId(wanted);
  if (id === undefined) return true;
  return id !== null && actual === id;
}

const leadOf = (event: NormalizedEvent): Lead => ((event.data as { lead?: Lead }).lead ?? {}) as Lead;

const enrich = async ({ props, output, remote }: { props: { loadContacts?: boolean }; output: unknown; remote: unknown }) =>
  props.loadContacts ? enrichLeadOutput(remote as AmoRemote, output) : output;

const sample = { lead: SAMPLE_LEAD_WITH_CONTACTS, account: SAMPLE_ACCOUNT };

/** Props, sample and filter of the triggers that narrow by pipeline and status only. */
const byPipelineAndStatus = {
  props: z.object({
    connectionId: connectionField(),
    pipelineId: pipelineProp('Воронка', 'Пусто — любая воронка.'),
    statusId: statusProp('Статус', 'Пусто — любой статус.'),
    loadContacts,
  }),
  sample,
  match: (event: NormalizedEvent, props: { pipelineId?: unknown; statusId?: unknown }) =>
    same(props.pipelineId, leadOf(event).pipeline_id) && same(props.statusId, leadOf(event).status_id),
  enrich,
};

export const leadAdded = defineTrigger({
  id: 'lead_added',
  title: 'AmoCRM: новая сделка',
  description: 'Запускает правило, когда в AmoCRM создана сделка (в выбранной воронке и статусе, если они заданы).',
  events: ['amocrm.lead_added'],
  ...byPipelineAndStatus,
});

export const leadStatusChanged = defineTrigger({
  id: 'lead_status_changed',
  title: 'AmoCRM: статус сделки изменён',
  description: 'Запускает правило, когда сделка переходит в выбранный статус (и, если задан, из выбранного статуса). Одно изменение — один запуск.',
  events: ['amocrm.lead_status_changed'],
  props: z.object({
    connectionId: connectionField(),
    pipelineId: pipelineProp('Воронка', 'Пусто — любая воронка.'),
    statusId: statusProp('Новый статус', 'Пусто — любой статус.'),
    fromStatusId: statusProp('Предыдущий статус', 'Необязательно: только переходы из этого статуса.'),
    loadContacts,
  }),
  sample,
  match(event, props) {
    const lead = leadOf(event);
    return same(props.pipelineId, lead.pipeline_id) && same(props.statusId, lead.status_id) && same(props.fromStatusId, lead.old_status_id);
  },
  enrich,
});

export const leadUpdated = defineTrigger({
  id: 'lead_updated',
  title: 'AmoCRM: сделка изменена',
  description: 'Запускает правило на любое изменение сделки: поля, бюджет, название, статус.',
  events: ['amocrm.lead_updated'],
  ...byPipelineAndStatus,
});

export const leadResponsibleChanged = defineTrigger({
  id: 'lead_responsible_changed',
  title: 'AmoCRM: сменился ответственный за сделку',
  description: 'Запускает правило, когда у сделки меняется ответственный (на выбранного сотрудника, если он задан).',
  events: ['amocrm.lead_responsible_changed'],
  props: z.object({
    connectionId: connectionField(),
    pipelineId: pipelineProp('Воронка', 'Пусто — любая воронка.'),
    responsibleUserId: userProp('Новый ответственный', 'Пусто — любой сотрудник.'),
    loadContacts,
  }),
  sample: { lead: { ...SAMPLE_LEAD_WITH_CONTACTS, old_responsible_user_id: 9000003 }, account: SAMPLE_ACCOUNT },
  match: (event, props) => same(props.pipelineId, leadOf(event).pipeline_id) && same(props.responsibleUserId, leadOf(event).responsible_user_id),
  enrich,
});

export const leadDeleted = defineTrigger({
  id: 'lead_deleted',
  title: 'AmoCRM: сделка удалена',
  description: 'Запускает правило, когда сделку удаляют. AmoCRM присылает только ID, статус и воронку удалённой сделки.',
  events: ['amocrm.lead_deleted'],
  props: z.object({
    connectionId: connectionField(),
    pipelineId: pipelineProp('Воронка', 'Пусто — любая воронка.'),
  }),
  sample: { lead: { id: SAMPLE_LEAD.id, name: '', status_id: SAMPLE_LEAD.status_id, pipeline_id: SAMPLE_LEAD.pipeline_id, responsible_user_id: null, price: null, fields: {} }, account: SAMPLE_ACCOUNT },
  match: (event, props) => same(props.pipelineId, leadOf(event).pipeline_id),
});
