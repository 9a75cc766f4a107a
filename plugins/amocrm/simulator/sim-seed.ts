import type {
  AmoAccount,
  AmoCustomField,
  AmoEntityType,
  AmoEnum,
  AmoFieldType,
  AmoPipeline,
  AmoState,
  AmoStatus,
  AmoUser,
} from './sim-types.ts';

// Fixed ids make seeds identical across runs, so tests and the demo can refer to them.
export const SEED = {
  pipelines: { sales: 6100001, partners: 6100002 },
  statuses: {
    salesUnsorted: 61000010,
    newRequest: 61000011,
    negotiation: 61000012,
    decision: 61000013,
    partnersUnsorted: 61000020,
    partnersFirstContact: 61000021,
    partnersTerms: 61000022,
    won: 142,
    lost: 143,
  },
  users: { admin: 9000001, anna: 9000002, ivan: 9000003 },
  groupId: 0,
} as const;

interface SeedOptions {
  accountId: number;
  subdomain: string;
}

export function createSeedState(o: SeedOptions): AmoState {
  const now = Math.floor(Date.now() / 1000);
  return {
    account: seedAccount(o, now),
    users: [
      seedUser(SEED.users.admin, 'Администратор', 'admin@example.ru', true),
      seedUser(SEED.users.anna, 'Анна Смирнова', 'anna@example.ru', false),
      seedUser(SEED.users.ivan, 'Иван Петров', 'ivan@example.ru', false),
    ],
    usersGroups: [{ id: 0, name: 'Отдел продаж', uuid: null }],
    taskTypes: [
      { id: 1, name: 'Связаться', code: 'FOLLOW_UP' },
      { id: 2, name: 'Встреча', code: 'MEETING' },
    ],
    pipelines: seedPipelines(o.accountId),
    customFields: seedFields(o.accountId),
    leads: new Map(),
    contacts: new Map(),
    companies: new Map(),
    notes: new Map(),
    tasks: new Map(),
    links: [],
    tags: [],
    webhooks: [],
    nextId: { lead: 10000001, contact: 20000001, company: 30000001, note: 40000001, task: 50000001, tag: 70001, webhook: 1056901 },
  };
}

function seedAccount(o: SeedOptions, now: number): AmoAccount {
  return {
    id: o.accountId,
    name: 'Симулятор amoCRM',
    subdomain: o.subdomain,
    language: 'ru',
    created_at: now,
    created_by: 0,
    updated_at: now,
    updated_by: 0,
    current_user_id: SEED.users.admin,
    country: 'RU',
    currency: 'RUB',
    currency_symbol: '₽',
    customers_mode: 'disabled',
    is_unsorted_on: true,
    mobile_feature_version: 0,
    is_loss_reason_enabled: true,
    is_helpbot_enabled: false,
    is_technical_account: false,
    contact_name_display_order: 1,
    amojo_id: 'c906ccae-0000-4000-8000-' + String(o.accountId).padStart(12, '0'),
    version: 2,
  };
}

function seedUser(id: number, name: string, email: string, isAdmin: boolean): AmoUser {
  const all = { view: 'A', edit: 'A', add: 'A', delete: 'A', export: 'A' };
  return {
    id,
    name,
    email,
    lang: 'ru',
    rights: {
      leads: { ...all },
      contacts: { ...all },
      companies: { ...all },
      tasks: { edit: 'A', delete: 'A' },
      mail_access: true,
      catalog_access: true,
      status_rights: [],
      is_admin: isAdmin,
      is_free: false,
      is_active: true,
      group_id: null,
      role_id: null,
    },
  };
}

function seedPipelines(accountId: number): AmoPipeline[] {
  const s = SEED.statuses;
  const st = (pipelineId: number, id: number, name: string, sort: number, color: string, type: 0 | 1 = 0): AmoStatus => ({
    id,
    name,
    sort,
    is_editable: type === 0 && id !== 142 && id !== 143,
    pipeline_id: pipelineId,
    color,
    type,
    account_id: accountId,
  });
  const closing = (p: number) => [
    st(p, s.won, 'Успешно реализовано', 10000, '#CCFF66'),
    st(p, s.lost, 'Закрыто и не реализовано', 11000, '#D5D8DB'),
  ];
  const sales = SEED.pipelines.sales;
  const partners = SEED.pipelines.partners;
  return [
    {
      id: sales,
      name: 'Продажи',
      sort: 1,
      is_main: true,
      is_unsorted_on: true,
      is_archive: false,
      account_id: accountId,
      statuses: [
        st(sales, s.salesUnsorted, 'Неразобранное', 10, '#c1c1c1', 1),
        st(sales, s.newRequest, 'Новая заявка', 20, '#99ccff'),
        st(sales, s.negotiation, 'Переговоры', 30, '#ffff99'),
        st(sales, s.decision, 'Принимают решение', 40, '#ffcc66'),
        ...closing(sales),
      ],
    },
    {
      id: partners,
      name: 'Партнёры',
      sort: 2,
      is_main: false,
      is_unsorted_on: true,
      is_archive: false,
      account_id: accountId,
      statuses: [
        st(partners, s.partnersUnsorted, 'Неразобранное', 10, '#c1c1c1', 1),
        st(partners, s.partnersFirstContact, 'Первичный контакт', 20, '#99ccff'),
        st(partners, s.partnersTerms, 'Обсуждение условий', 30, '#ffcc66'),
        ...closing(partners),
      ],
    },
  ];
}

function seedFields(accountId: number): Record<AmoEntityType, AmoCustomField[]> {
  let nextEnum = 870001;
  const enums = (values: string[]): AmoEnum[] => values.map((value, i) => ({ id: nextEnum++, value, sort: (i + 1) * 2 }));
  const field = (
    entity: AmoEntityType,
    id: number,
    name: string,
    type: AmoFieldType,
    extra: { code?: string; enums?: string[]; predefined?: boolean } = {},
  ): AmoCustomField => ({
    id,
    name,
    type,
    code: extra.code ?? null,
    sort: id % 1000,
    entity_type: entity,
    enums: extra.enums ? enums(extra.enums) : null,
    is_api_only: false,
    is_predefined: extra.predefined ?? false,
    is_deletable: !extra.predefined,
    group_id: null,
    required_statuses: [],
    remind: null,
    account_id: accountId,
  });
  const cities = ['Краснодар', 'Москва', 'Санкт-Петербург', 'Ростов-на-Дону', 'Сочи'];
  const phoneEnums = ['WORK', 'WORKDD', 'MOB', 'FAX', 'HOME', 'OTHER'];
  const emailEnums = ['WORK', 'PRIV', 'OTHER'];
  return {
    leads: [
      field('leads', 512001, 'Город', 'select', { enums: cities }),
      field('leads', 512002, 'Комментарий', 'text'),
      field('leads', 512003, 'Количество', 'numeric'),
      field('leads', 512004, 'Дата встречи', 'date'),
      field('leads', 512005, 'Результат звонка', 'text'),
      field('leads', 512006, 'Источник', 'select', { enums: ['Сайт', 'Звонок', 'Реклама', 'Рекомендация'] }),
      field('leads', 512007, 'Услуги', 'multiselect', { enums: ['Доставка', 'Монтаж', 'Гарантия'] }),
      field('leads', 512008, 'Согласие на звонок', 'checkbox'),
    ],
    contacts: [
      field('contacts', 511001, 'Телефон', 'multitext', { code: 'PHONE', enums: phoneEnums, predefined: true }),
      field('contacts', 511002, 'Email', 'multitext', { code: 'EMAIL', enums: emailEnums, predefined: true }),
      field('contacts', 511003, 'Должность', 'text', { code: 'POSITION', predefined: true }),
      field('contacts', 511004, 'Город', 'select', { enums: cities }),
      field('contacts', 511005, 'Дата рождения', 'birthday'),
    ],
    companies: [
      field('companies', 513001, 'Телефон', 'multitext', { code: 'PHONE', enums: phoneEnums, predefined: true }),
      field('companies', 513002, 'Email', 'multitext', { code: 'EMAIL', enums: emailEnums, predefined: true }),
      field('companies', 513003, 'Web', 'url', { code: 'WEB', predefined: true }),
      field('companies', 513004, 'Адрес', 'textarea', { code: 'ADDRESS', predefined: true }),
    ],
  };
}
