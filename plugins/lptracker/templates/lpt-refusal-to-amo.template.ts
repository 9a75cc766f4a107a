/**
 * «Отказ в LPTracker → сделка AmoCRM в "Закрыто и не реализовано" с примечанием»: the second half
 * of the flagship flow. The deal is found through the link the first rule stored; a lead that
 * never came from AmoCRM stops at the condition instead of failing.
 */
import { z } from 'zod';
import { defineTemplate, remoteSelect, templateGraph } from '../../../core/sdk/index.ts';
import { amoConnection, amoPipeline, idValue, lptConnection, lptProject, lptRequiredStage, text } from './template-fields.ts';

/** AmoCRM's fixed id of «Закрыто и не реализовано», the same in every pipeline. */
const LOST_STATUS = 143;
const DEAL = '{{trigger.links.amocrm.lead}}';

export const lptRefusalToAmoLost = defineTemplate({
  id: 'lead_refusal_to_deal_lost',
  title: 'Отказ в LPTracker → сделка AmoCRM в «Закрыто и не реализовано» с примечанием',
  description:
    'Лид LPTracker перешёл на этап отказа — связанная с ним сделка AmoCRM закрывается как нереализованная, а в сделку пишется примечание. Работает для лидов, созданных из сделок правилом «Новая сделка → лид в LPTracker».',
  requires: ['amocrm'],
  params: z.object({
    lptrackerConnectionId: lptConnection(),
    projectId: lptProject(),
    stageId: lptRequiredStage('Этап отказа'),
    amocrmConnectionId: amoConnection(),
    pipelineId: amoPipeline('Воронка сделок AmoCRM'),
    statusId: remoteSelect(z.union([z.number().int().positive(), z.string().regex(/^\d+$/, 'Выберите статус')]).default(LOST_STATUS), 'statuses', {
      dependsOn: ['pipelineId'], connection: 'amocrmConnectionId',
    }).meta({ title: 'Статус сделки', description: 'Обычно «Закрыто и не реализовано».' }),
    note: text('Примечание в сделке', 'Клиент отказался в LPTracker (лид {{trigger.lead.id}}, этап «{{trigger.lead.stage.name}}»).'),
  }),
  build: (p) => ({
    name: 'Отказ в LPTracker → сделка AmoCRM закрыта',
    description: 'Создано из шаблона «Отказ в LPTracker → сделка AmoCRM в «Закрыто и не реализовано» с примечанием».',
    graph: templateGraph(
      [
        { id: 'refusal', type: 'lptracker.lead_stage_changed', label: 'Лид перешёл на этап отказа', props: { connectionId: p.lptrackerConnectionId, projectId: idValue(p.projectId), stageId: idValue(p.stageId), fromStageId: '' } },
        { id: 'linked', type: 'logic.condition', label: 'Лид пришёл из AmoCRM', props: { group: { match: 'all', rules: [{ left: DEAL, op: 'not_empty' }] } } },
        { id: 'close', type: 'amocrm.change_status', label: 'Закрыть сделку', props: { connectionId: p.amocrmConnectionId, leadId: DEAL, pipelineId: idValue(p.pipelineId), statusId: idValue(p.statusId) } },
        { id: 'note', type: 'amocrm.add_note', label: 'Примечание в сделке', props: { connectionId: p.amocrmConnectionId, leadId: DEAL, noteType: 'common', text: p.note } },
      ],
      [['refusal', 'linked'], ['linked', 'close', 'true'], ['close', 'note']],
    ),
  }),
});
