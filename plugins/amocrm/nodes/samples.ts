/** Example outputs for the editor's field picker, in the exact shapes the triggers and actions give. */

export const SAMPLE_ACCOUNT = { id: 31000001, subdomain: 'mycompany', url: 'https://mycompany.amocrm.ru' };

export const SAMPLE_CONTACT = {
  id: 20000001,
  name: 'Иван Петров',
  phone: '+79181234567',
  email: 'ivan@example.ru',
  phones: ['+79181234567'],
  emails: ['ivan@example.ru'],
  fields: { Телефон: '+79181234567', Email: 'ivan@example.ru', Должность: 'Директор' },
};

export const SAMPLE_LEAD = {
  id: 10000001,
  name: 'Заявка с сайта',
  status_id: 61000011,
  status_name: 'Новая заявка',
  pipeline_id: 6100001,
  pipeline_name: 'Продажи',
  old_status_id: 61000010,
  responsible_user_id: 9000002,
  price: 45000,
  created_at: '2025-03-01T09:30:00.000Z',
  updated_at: '2025-03-01T10:15:00.000Z',
  tags: ['сайт'],
  fields: { Город: 'Краснодар', Количество: 3, 'Дата встречи': '2025-03-05', Услуги: ['Доставка', 'Монтаж'] },
  fields_by_id: { '512001': 'Краснодар' },
  custom_fields: [{ id: 512001, name: 'Город', code: null, values: [{ value: 'Краснодар', enum: 870001 }] }],
};

export const SAMPLE_LEAD_WITH_CONTACTS = { ...SAMPLE_LEAD, contact: SAMPLE_CONTACT, contacts: [SAMPLE_CONTACT] };

export const SAMPLE_CONTACT_FULL = {
  ...SAMPLE_CONTACT,
  responsible_user_id: 9000002,
  created_at: '2025-03-01T09:30:00.000Z',
  updated_at: '2025-03-01T09:30:00.000Z',
  tags: [],
  linked_lead_ids: [10000001],
  fields_by_id: { '511001': '+79181234567' },
  custom_fields: [{ id: 511001, name: 'Телефон', code: 'PHONE', values: [{ value: '+79181234567', enum: 870020 }] }],
};
