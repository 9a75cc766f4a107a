import { definePlugin } from '../../core/sdk/index.ts';
import { lptConnection } from './connection/lpt.connection.ts';
import { addComment } from './nodes/add-comment.action.ts';
import { changeStage } from './nodes/change-stage.action.ts';
import { createLead } from './nodes/create-lead.action.ts';
import { findContact } from './nodes/find-contact.action.ts';
import { getCalls } from './nodes/get-calls.action.ts';
import { callFinished, leadCreated, leadDeleted, leadStageChanged, leadUpdated } from './nodes/lead.triggers.ts';
import { updateLead } from './nodes/update-lead.action.ts';
import { startLptSimulator, type LptSimulator, type LptSimulatorOptions } from './simulator/lpt-simulator.ts';
import { amoLeadToLptLead } from './templates/amo-lead-to-lpt.template.ts';
import { lptRefusalToAmoLost } from './templates/lpt-refusal-to-amo.template.ts';
import { parseLptRequest } from './webhook/parse-request.ts';

export default definePlugin<LptSimulator>({
  id: 'lptracker',
  title: 'LPTracker',
  description: 'Лиды, этапы, комментарии и звонки LPTracker: вебхуки проектов и запись через API. Подключение привязывает администратор платформы.',
  version: '1.0.0',
  connection: lptConnection,
  // No lead card address: LPTracker documents no link into its web interface.
  entityTitles: { lead: 'лид', contact: 'контакт' },
  webhook: { parse: parseLptRequest },
  nodes: [leadCreated, leadUpdated, leadStageChanged, leadDeleted, callFinished, createLead, updateLead, changeStage, addComment, findContact, getCalls],
  templates: [amoLeadToLptLead, lptRefusalToAmoLost],
  simulator: { start: (options) => startLptSimulator(options as LptSimulatorOptions) },
});
