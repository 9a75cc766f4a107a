/** Contact, company and note triggers. */
import { z } from 'zod';
import { connectionField, defineTrigger, widget } from '../../../core/sdk/index.ts';
import { filterId, userProp } from './props.ts';
import { SAMPLE_ACCOUNT, SAMPLE_CONTACT_FULL } from './samples.ts';

const responsibleMatches = (wanted: unknown, entity: { responsible_user_id?: number | null } | undefined) => {
  const id = filterId(wanted);
  return id === undefined || (id !== null && entity?.responsible_user_id === id);
};

export const contactAdded = defineTrigger({
  id: 'contact_added',
  title: 'AmoCRM: новый контакт',
  description: 'Запускает правило, когда в AmoCRM создан контакт. Телефон — в формате +7…, {{trigger.contact.phone}}.',
  events: ['amocrm.contact_added'],
  props: z.object({ connectionId: connectionField(), responsibleUserId: userProp('Ответственный', 'Пусто — любой сотрудник.') }),
  sample: { contact: SAMPLE_CONTACT_FULL, account: SAMPLE_ACCOUNT },
  match: (event, props) => responsibleMatches(props.responsibleUserId, (event.data as { contact?: { responsible_user_id?: number | null } }).contact),
});

export const contactUpdated = defineTrigger({
  id: 'contact_updated',
  title: 'AmoCRM: контакт изменён',
  description: 'Запускает правило на изменение контакта: имя, телефоны, эл. почта, поля.',
  events: ['amocrm.contact_updated'],
  props: z.object({ connectionId: connectionField(), responsibleUserId: userProp('Ответственный', 'Пусто — любой сотрудник.') }),
  sample: { contact: SAMPLE_CONTACT_FULL, account: SAMPLE_ACCOUNT },
  match: (event, props) => responsibleMatches(props.responsibleUserId, (event.data as { contact?: { responsible_user_id?: number | null } }).contact),
});

export const companyAdded = defineTrigger({
  id: 'company_added',
  title: 'AmoCRM: новая компания',
  description: 'Запускает правило, когда в AmoCRM создана компания.',
  events: ['amocrm.company_added'],
  props: z.object({ connectionId: connectionField() }),
  sample: { company: { ...SAMPLE_CONTACT_FULL, id: 30000001, name: 'ООО «Ромашка»', fields: { Телефон: '+78612000000', Адрес: 'Краснодар, ул. Красная, 1' } }, account: SAMPLE_ACCOUNT },
  match: () => true,
});

const ENTITY_LABELS = { any: 'Любая', lead: 'Сделка', contact: 'Контакт', company: 'Компания' };

export const noteAdded = defineTrigger({
  id: 'note_added',
  title: 'AmoCRM: добавлено примечание',
  description: 'Запускает правило, когда к сделке, контакту или компании добавлено примечание. ID сущности — {{trigger.note.element_id}}.',
  events: ['amocrm.note_added'],
  props: z.object({
    connectionId: connectionField(),
    entity: widget(z.enum(['any', 'lead', 'contact', 'company']).default('lead'), 'select', { labels: ENTITY_LABELS }).meta({ title: 'К чему примечание' }),
  }),
  sample: {
    note: { id: 40000001, text: 'Клиент просит перезвонить после обеда', note_type: 4, element_type: 2, element_id: 10000001, entity: 'lead', created_at: '2025-03-01T10:20:00.000Z', created_by: 9000002 },
    account: SAMPLE_ACCOUNT,
  },
  match: (event, props) => props.entity === 'any' || (event.data as { note?: { entity?: string } }).note?.entity === props.entity,
});
