/** Example outputs for the editor's field picker, in the exact shapes the triggers and actions give. */
import type { LptCall, LptContact, LptLead, LptLeadEventData } from '../webhook/lpt-webhook.types.ts';

export const SAMPLE_CONTACT: LptContact = {
  id: 12345,
  name: 'Алексей',
  phone: '+79991234567',
  phones: ['+79991234567'],
  email: 'alex@example.com',
  emails: ['alex@example.com'],
};

export const SAMPLE_CALL: LptCall = {
  id: '1700000100.77',
  linkedid: '1700000100.77',
  at: '2023-11-14T22:15:00.000Z',
  duration: 63,
  type: 'outgoing',
  disposition: 'ANSWERED',
  record_url: 'https://sound.lptracker.ru/records/1700000100.77.mp3',
  owner_id: 2011,
};

export const SAMPLE_LEAD: LptLead = {
  id: 77972070,
  name: 'Заявка с сайта',
  project_id: 94698,
  stage_id: 1648195,
  stage: { id: 1648195, name: 'В работе' },
  owner_id: 2011,
  owner: { id: 2011, name: 'Иван Петров' },
  created_at: '2023-11-14T22:13:20.000Z',
  deal: false,
  form: null,
  capture_type: 'api',
  fields: { Город: 'Краснодар', 'ID сделки AmoCRM': '10000001', Интерес: ['Купить'] },
  fields_by_id: { '1803704': 'Краснодар', '1803706': '10000001', '1803707': ['Купить'] },
  view: { source: 'amocrm', campaign: 'Краснодар', keyword: null },
  contact: SAMPLE_CONTACT,
  payments: [],
  calls: [],
};

export const SAMPLE_EVENT: LptLeadEventData & { project_name: string } = {
  lead: SAMPLE_LEAD,
  project_id: 94698,
  project_name: 'Мой сайт',
  action: 'update',
  changed: ['stage.id'],
  at: '2023-11-14T22:15:23.456Z',
};
