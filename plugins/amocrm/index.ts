import { definePlugin } from '../../core/sdk/index.ts';
import { amoConnection } from './connection/amo.connection.ts';
import { addNote } from './nodes/add-note.action.ts';
import { changeStatus } from './nodes/change-status.action.ts';
import { createLead } from './nodes/create-lead.action.ts';
import { createTask } from './nodes/create-task.action.ts';
import { companyAdded, contactAdded, contactUpdated, noteAdded } from './nodes/entity.triggers.ts';
import { findLead } from './nodes/find-lead.action.ts';
import { findOrCreateContact } from './nodes/find-or-create-contact.action.ts';
import { leadAdded, leadDeleted, leadResponsibleChanged, leadStatusChanged, leadUpdated } from './nodes/lead.triggers.ts';
import { linkEntities } from './nodes/link-entities.action.ts';
import { updateLead } from './nodes/update-lead.action.ts';
import { startAmoSimulator } from './simulator/amo-simulator.ts';
import { parseAmoRequest } from './webhook/parse-request.ts';

export default definePlugin({
  id: 'amocrm',
  title: 'AmoCRM',
  description: 'Сделки, контакты, примечания и задачи AmoCRM: вебхуки аккаунта и запись через API v4',
  version: '1.0.0',
  connection: amoConnection,
  entityTitles: { lead: 'сделка', contact: 'контакт', company: 'компания', task: 'задача', note: 'примечание' },
  webhook: { parse: parseAmoRequest },
  nodes: [
    leadAdded,
    leadStatusChanged,
    leadUpdated,
    leadResponsibleChanged,
    leadDeleted,
    contactAdded,
    contactUpdated,
    companyAdded,
    noteAdded,
    findLead,
    createLead,
    updateLead,
    changeStatus,
    addNote,
    createTask,
    findOrCreateContact,
    linkEntities,
  ],
  simulator: { start: (options) => startAmoSimulator(options) },
});
