/**
 * «Новая сделка из Краснодара → лид в LPTracker»: the first half of the flagship flow. The created
 * lead is linked to the deal, so the reverse rule finds the deal again.
 */
import { z } from 'zod';
import { defineTemplate, fieldMap, templateGraph, type TemplateEdge, type TemplateNode } from '../../../core/sdk/index.ts';
import { amoConnection, amoPipeline, amoStatus, fieldPath, idValue, lptConnection, lptProject, lptStage, text } from './template-fields.ts';

export const amoLeadToLptLead = defineTemplate({
  id: 'amocrm_deal_to_lead',
  title: 'Новая сделка из Краснодара → лид в LPTracker',
  description:
    'Сделка AmoCRM перешла в выбранный статус воронки, и город в ней совпадает с заданным — в LPTracker появляется лид с названием сделки, телефоном и почтой контакта. Сделка и лид запоминаются как пара: обратное правило найдёт сделку по лиду.',
  requires: ['amocrm'],
  params: z.object({
    amocrmConnectionId: amoConnection(),
    pipelineId: amoPipeline('Воронка AmoCRM'),
    statusId: amoStatus('Статус сделки', 'Правило сработает, когда сделка перейдёт в этот статус. Пусто — любой переход в воронке.'),
    cityField: text('Поле с городом в сделке', 'Город', 'Название дополнительного поля сделки AmoCRM.'),
    city: text('Город', 'Краснодар', 'Пусто — сделки из любого города.'),
    lptrackerConnectionId: lptConnection(),
    projectId: lptProject(),
    stageId: lptStage('Этап лида', 'Пусто — первый этап воронки («Новый лид»).'),
    fields: fieldMap('leadFields', { connection: 'lptrackerConnectionId' }).meta({
      title: 'Поля лида LPTracker',
      description: 'Поле LPTracker → значение из сделки, например «Город» → {{trigger.lead.fields.Город}}.',
    }),
  }),
  build(p) {
    const cityValue = `{{${fieldPath('trigger.lead.fields', p.cityField || 'Город')}}}`;
    const nodes: TemplateNode[] = [
      {
        id: 'deal', type: 'amocrm.lead_status_changed', label: 'Сделка сменила статус',
        props: { connectionId: p.amocrmConnectionId, pipelineId: idValue(p.pipelineId), statusId: idValue(p.statusId), fromStatusId: '', loadContacts: true },
      },
      {
        id: 'lead', type: 'lptracker.create_lead', label: 'Лид в LPTracker',
        props: {
          connectionId: p.lptrackerConnectionId, projectId: idValue(p.projectId), stageId: idValue(p.stageId),
          name: '{{trigger.lead.name}}', phone: '{{trigger.lead.contact.phone}}', email: '{{trigger.lead.contact.email}}',
          ownerId: '', source: 'amocrm', campaign: '{{trigger.lead.pipeline_name}}', fields: p.fields,
        },
      },
    ];
    const edges: TemplateEdge[] = [];
    if (p.city) {
      nodes.splice(1, 0, {
        id: 'city', type: 'logic.condition', label: `Город — ${p.city}`,
        props: { group: { match: 'all', rules: [{ left: cityValue, op: 'eq', right: p.city, caseInsensitive: true }] } },
      });
      edges.push(['deal', 'city'], ['city', 'lead', 'true']);
    } else {
      edges.push(['deal', 'lead']);
    }
    return {
      name: p.city ? `Сделка AmoCRM, город «${p.city}» → лид в LPTracker` : 'Сделка AmoCRM → лид в LPTracker',
      description: 'Создано из шаблона «Новая сделка из Краснодара → лид в LPTracker».',
      graph: templateGraph(nodes, edges),
    };
  },
});
