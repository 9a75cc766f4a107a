import { describe, expect, it } from 'vitest';
import {
  COMPANY_NOTE,
  COMPANY_UPDATED,
  CONTACT_ADDED,
  CONTACT_DELETED,
  formBody,
  LEAD_ADDED,
  LEAD_NOTE,
  LEAD_STATUS,
  MESSAGE_ADDED,
  TASK_ADDED,
  TASK_DELETED,
  TASK_UPDATED,
  UNSORTED_ADDED,
  UNSORTED_DELETED,
} from './amo-webhook.fixtures.ts';
import { parseAmoWebhook } from './parse-webhook.ts';

const parse = (lines: string) => parseAmoWebhook(formBody(lines));
const one = (lines: string) => {
  const events = parse(lines);
  expect(events).toHaveLength(1);
  return events[0]!;
};

describe('parseAmoWebhook: contacts and companies', () => {
  it('D: a contact added, with phone, email and the linked lead map', () => {
    const event = one(CONTACT_ADDED);
    expect(event.type).toBe('amocrm.contact_added');
    expect(event.entity).toEqual({ type: 'contact', id: '17611273' });
    expect(event.dedupeKey).toBe('contact:17611273:added');
    expect(event.data).toEqual({
      contact: {
        id: 17611273,
        name: 'Contact Name',
        responsible_user_id: 11087123,
        created_at: '2024-09-17T11:38:47.000Z',
        updated_at: '2024-09-17T11:38:47.000Z',
        created_by: 11087123,
        updated_by: 11087123,
        // Not a Russian number: kept as typed.
        phone: '1234567890',
        phones: ['1234567890'],
        email: 'contact@example.com',
        emails: ['contact@example.com'],
        tags: [],
        linked_lead_ids: [35144366],
        fields: { Phone: '1234567890', Email: 'contact@example.com' },
        fields_by_id: { '771906': '1234567890', '771908': 'contact@example.com' },
        custom_fields: [
          { id: 771906, name: 'Phone', code: 'PHONE', values: [{ value: '1234567890', enum: 552476 }] },
          { id: 771908, name: 'Email', code: 'EMAIL', values: [{ value: 'contact@example.com', enum: 552488 }] },
        ],
      },
      account: { id: 32720107, subdomain: 'kommodemo', url: 'https://kommodemo.kommo.com' },
    });
  });

  it('a company (type=company) → company events, phones in E.164, all values in the field list', () => {
    const event = one(COMPANY_UPDATED);
    expect(event.type).toBe('amocrm.company_updated');
    expect(event.entity).toEqual({ type: 'company', id: '17611301' });
    expect(event.dedupeKey).toBe('company:17611301:updated:1726574000');
    if (event.type !== 'amocrm.company_updated') throw new Error('unreachable');
    const company = event.data.company;
    expect(company.name).toBe('ООО «Ромашка»');
    expect(company.phone).toBe('+78612000001');
    expect(company.phones).toEqual(['+78612000001', '+79181234567']);
    expect(company.fields).toEqual({ Телефон: ['8 (861) 200-00-01', '+7 918 123 45 67'] });
    expect(company.email).toBeNull();
    expect(parse(COMPANY_UPDATED.replaceAll('[update]', '[add]'))[0]!.type).toBe('amocrm.company_added');
    expect(parse(COMPANY_UPDATED.replaceAll('[update]', '[restore]'))[0]!.type).toBe('amocrm.company_restored');
    expect(parse(COMPANY_UPDATED.replaceAll('[update]', '[responsible]'))[0]!.type).toBe('amocrm.company_updated');
    expect(parse(COMPANY_UPDATED.replaceAll('[update]', '[delete]'))[0]!.type).toBe('amocrm.company_deleted');
  });

  it('companies[…] (no type) are companies too', () => {
    expect(one('companies[add][0][id]=5\ncompanies[add][0][name]=ИП Петров').type).toBe('amocrm.company_added');
  });

  it('contact update, restore and responsible change', () => {
    const update = CONTACT_ADDED.replaceAll('[add]', '[update]');
    expect(one(update)).toMatchObject({ type: 'amocrm.contact_updated', dedupeKey: 'contact:17611273:updated:1726573127' });
    expect(one(CONTACT_ADDED.replaceAll('[add]', '[restore]')).type).toBe('amocrm.contact_restored');
    const responsible = one(CONTACT_ADDED.replaceAll('[add]', '[responsible]'));
    expect(responsible).toMatchObject({ type: 'amocrm.contact_responsible_changed', dedupeKey: 'contact:17611273:responsible:11087123:1726573127' });
  });

  it('a deleted contact sends only id and type', () => {
    const event = one(CONTACT_DELETED);
    expect(event).toMatchObject({ type: 'amocrm.contact_deleted', entity: { type: 'contact', id: '17611273' }, dedupeKey: 'contact:17611273:deleted' });
    expect(event.data).toMatchObject({ contact: { id: 17611273, name: '', phone: null, phones: [], linked_lead_ids: [] } });
  });
});

describe('parseAmoWebhook: notes', () => {
  it('F: a note on a lead', () => {
    const event = one(LEAD_NOTE);
    expect(event).toEqual({
      type: 'amocrm.note_added',
      entity: { type: 'note', id: '4600471' },
      dedupeKey: 'note:4600471:added',
      data: {
        note: {
          id: 4600471,
          text: 'note text',
          note_type: 4,
          element_type: 2,
          element_id: 15320411,
          entity: 'lead',
          created_at: '2024-09-17T13:38:11.000Z',
          created_by: 11087123,
        },
        account: { id: 32720107, subdomain: 'kommodemo', url: null },
      },
    });
  });

  it('a note on a company under contacts[note]; the local date is read as Moscow time', () => {
    const event = one(COMPANY_NOTE);
    expect(event.data).toMatchObject({ note: { id: 4600480, entity: 'company', element_id: 17611301, created_at: '2024-09-17T13:38:11.000Z' } });
    const onContact = one(COMPANY_NOTE.replace('[element_type]=3', '[element_type]=1'));
    expect(onContact.data).toMatchObject({ note: { entity: 'contact' } });
    const noElementType = one(COMPANY_NOTE.replace(/^.*element_type.*$/m, ''));
    expect(noElementType.data).toMatchObject({ note: { entity: 'company', element_type: null } });
  });
});

describe('parseAmoWebhook: tasks, unsorted, messages', () => {
  it('task add / update / delete', () => {
    const added = one(TASK_ADDED);
    expect(added).toMatchObject({ type: 'amocrm.task_added', entity: { type: 'task', id: '30145' }, dedupeKey: 'task:30145:added' });
    expect(added.data).toEqual({
      task: {
        id: 30145,
        text: 'Перезвонить клиенту',
        task_type_id: 1,
        is_completed: false,
        element_type: 2,
        element_id: 1190401,
        entity: 'lead',
        responsible_user_id: 9040358,
        complete_till: '2024-09-18T20:59:00.000Z',
        created_at: '2024-09-17T13:33:20.000Z',
        updated_at: '2024-09-17T13:33:20.000Z',
        created_by: 9040358,
        result_text: null,
      },
      account: { id: 30739638, subdomain: '121273hvv', url: null },
    });
    const updated = one(TASK_UPDATED);
    expect(updated).toMatchObject({
      type: 'amocrm.task_updated',
      dedupeKey: 'task:30145:updated:1726590000',
      // Only the local `complete_till` text: 23:59 Moscow is 20:59 UTC.
      data: { task: { is_completed: true, result_text: 'Дозвонились, ждёт счёт', complete_till: '2024-09-18T20:59:00.000Z' } },
    });
    const deleted = one(TASK_DELETED);
    expect(deleted).toMatchObject({ type: 'amocrm.task_deleted', entity: { type: 'task', id: '30145' }, dedupeKey: 'task:30145:deleted' });
  });

  it('unsorted add and delete (accepted) carry the uid and the lead/contact ids', () => {
    const added = one(UNSORTED_ADDED);
    expect(added).toMatchObject({
      type: 'amocrm.unsorted_added',
      entity: { type: 'unsorted', id: 'f0c5e1a2b3c4d5e6f7a8b9c0d1e2f3a4' },
      dedupeKey: 'unsorted:f0c5e1a2b3c4d5e6f7a8b9c0d1e2f3a4:add:1726580000',
      data: {
        unsorted: {
          uid: 'f0c5e1a2b3c4d5e6f7a8b9c0d1e2f3a4', category: 'forms', source: 'site.ru', source_uid: 'form-17',
          pipeline_id: 6254262, created_at: '2024-09-17T13:33:20.000Z', lead_ids: [1190402], contact_ids: [17611280], company_ids: [], action: null,
        },
      },
    });
    const deleted = one(UNSORTED_DELETED);
    expect(deleted).toMatchObject({ type: 'amocrm.unsorted_deleted', data: { unsorted: { action: 'accept', lead_ids: [1190402], contact_ids: [17611280] } } });
    expect(deleted.dedupeKey).toMatch(/^unsorted:f0c5e1a2b3c4d5e6f7a8b9c0d1e2f3a4:delete:h/);
    expect(one(UNSORTED_ADDED.replaceAll('[add]', '[update]')).type).toBe('amocrm.unsorted_updated');
  });

  it('a chat message', () => {
    const event = one(MESSAGE_ADDED);
    expect(event).toMatchObject({
      type: 'amocrm.message_added',
      entity: { type: 'message', id: '5a0c37b4-5f3e-4c2a-9d1e-0f6b8a2c7e11' },
      dedupeKey: 'message:5a0c37b4-5f3e-4c2a-9d1e-0f6b8a2c7e11:added',
    });
    expect(event.data).toMatchObject({
      message: {
        chat_id: '2f9e8d7c-6b5a-4938-8271-605f4e3d2c1b', talk_id: 512, contact_id: 17611273, text: 'Здравствуйте, сколько стоит доставка?',
        type: 'incoming', created_at: '2024-09-17T13:40:00.000Z', element_type: 2, element_id: 1190401, entity_type: 'lead', entity_id: 1190401,
        author: { id: '8e1f2a3b-0000-4000-8000-000000000001', type: 'external', name: 'Алексей', avatar_url: 'https://example.test/a.png' },
        origin: 'telegram',
      },
    });
  });
});

describe('parseAmoWebhook: mixed bodies', () => {
  it('several entities and actions in one body → several events in body order', () => {
    const lines = [CONTACT_ADDED, LEAD_NOTE, LEAD_ADDED, TASK_ADDED, LEAD_STATUS, COMPANY_UPDATED].join('\n');
    const events = parse(lines);
    // qs groups keys by their first appearance: contacts (add, update), leads (note, add, status), task.
    expect(events.map((e) => `${e.type}#${e.entity.id}`)).toEqual([
      'amocrm.contact_added#17611273',
      'amocrm.company_updated#17611301',
      'amocrm.note_added#4600471',
      'amocrm.lead_added#1190401',
      'amocrm.lead_status_changed#10701093',
      'amocrm.task_added#30145',
    ]);
  });

  it('several items of one action keep their order', () => {
    const lines = 'leads[add][0][id]=3\nleads[add][1][id]=1\nleads[add][2][id]=2';
    expect(parse(lines).map((e) => e.entity.id)).toEqual(['3', '1', '2']);
  });
});
