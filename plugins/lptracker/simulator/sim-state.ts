import type { LptCustomField, LptCustomType, LptStage, LptState } from './sim-types.ts';

/** Seed projects; the first one's id is the one public LPTracker samples use. */
const SEED_PROJECTS = [
  { id: 94698, name: 'Мой сайт', page: 'https://example.ru/landing', domain: 'example.ru' },
  { id: 94699, name: 'Колл-центр', page: 'https://call.example.ru/', domain: 'call.example.ru' },
];

/** «Новый лид» first: clients pick the entry stage by that name. */
const SEED_STAGES: { name: string; notify: boolean; inLeads: boolean; inDeals: boolean }[] = [
  { name: 'Новый лид', notify: true, inLeads: true, inDeals: false },
  { name: 'В работе', notify: false, inLeads: true, inDeals: false },
  { name: 'Думает', notify: false, inLeads: true, inDeals: true },
  { name: 'Отказ', notify: false, inLeads: true, inDeals: true },
  { name: 'Успешная сделка', notify: false, inLeads: false, inDeals: true },
];

const SEED_CUSTOMS: { name: string; type: LptCustomType; categories?: string[]; isMultiSelect?: boolean }[] = [
  { name: 'Город', type: 'text' },
  { name: 'Источник AmoCRM', type: 'text' },
  { name: 'ID сделки AmoCRM', type: 'text' },
  { name: 'Интерес', type: 'cats', categories: ['Купить', 'Арендовать', 'Консультация'], isMultiSelect: true },
  { name: 'Бюджет', type: 'number' },
  { name: 'Результат звонка', type: 'cats', categories: ['Дозвонились', 'Не дозвонились', 'Перезвонить'] },
];

const SEED_CONTACT_FIELDS = [
  { name: 'Должность в компании', type: 'string' as const },
  { name: 'Комментарий', type: 'text' as const },
  { name: 'День рождения', type: 'date' as const },
];

export function createState(login: string, password: string): LptState {
  const state: LptState = {
    accounts: [{ id: 1, login, password }],
    projects: new Map(), stages: new Map(), customs: new Map(), fields: new Map(), staff: new Map(),
    contacts: new Map(), views: new Map(), leads: new Map(), comments: new Map(), calls: new Map(),
    callbacks: new Map(), projectCallbacks: new Map(), tokens: new Map(),
    seq: { contact: 12345, detail: 10, view: 555, lead: 77972070, comment: 3001, call: 9001, callback: 1, custom: 1803704, linked: 12345 },
  };
  let stageId = 1648185;
  let fieldId = 501;
  SEED_PROJECTS.forEach((p) => {
    state.projects.set(p.id, { ...p });
    for (const s of SEED_STAGES) {
      const stage: LptStage = { id: stageId++, projectId: p.id, ...s };
      state.stages.set(stage.id, stage);
    }
    for (const c of SEED_CUSTOMS) {
      const id = state.seq.custom++;
      let catId = 1;
      const field: LptCustomField = {
        id, projectId: p.id, name: c.name, type: c.type, description: '',
        isMultiSelect: c.isMultiSelect ?? false, isRequired: false,
        categories: (c.categories ?? []).map((name) => ({ id: catId++, name })),
      };
      state.customs.set(id, field);
    }
    for (const f of SEED_CONTACT_FIELDS) {
      const id = fieldId++;
      state.fields.set(id, { id, projectId: p.id, ...f });
    }
  });
  const staff = [
    { id: 0, name: 'Главный аккаунт', job: '', type: 'main' as const, createdAt: 1_500_000_000, lastLoginAt: 1_700_000_000 },
    { id: 2011, name: 'Иван Петров', job: 'Менеджер', type: 'employee' as const, createdAt: 1_510_000_000, lastLoginAt: 1_700_000_500 },
    { id: 2012, name: 'Мария Смирнова', job: 'Старший менеджер', type: 'employee' as const, createdAt: 1_520_000_000, lastLoginAt: 1_700_001_000 },
  ];
  for (const s of staff) state.staff.set(s.id, s);
  return state;
}

export function projectStages(state: LptState, projectId: number): LptStage[] {
  return [...state.stages.values()].filter((s) => s.projectId === projectId);
}

export function projectCustoms(state: LptState, projectId: number): LptCustomField[] {
  return [...state.customs.values()].filter((c) => c.projectId === projectId);
}
