import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import amocrm from '../index.ts';
import type { AmoMetadata } from '../metadata/amo-metadata.types.ts';
import { SEED, type AmoSimulator } from '../simulator/amo-simulator.ts';
import { requestsTo, startSim, tokenRemote } from './amo-test-kit.ts';

const conn = amocrm.connection!;
let sim: AmoSimulator;
let meta: AmoMetadata;

beforeAll(async () => {
  sim = await startSim();
  // Sixty lead fields: AmoCRM serves custom fields 50 per page, so they take two pages.
  const template = sim.state.customFields.leads[1]!;
  for (let i = 0; i < 52; i++) sim.state.customFields.leads.push({ ...template, id: 519000 + i, name: `Поле ${i}`, sort: 900 + i });
  meta = await tokenRemote(sim).metadata<AmoMetadata>();
});
afterAll(() => sim.close());

describe('metadata', () => {
  it('loads pipelines with their statuses (142 and 143 named), fields with enums, users and task types', () => {
    expect(meta.account).toEqual({ id: sim.accountId, name: 'Симулятор amoCRM', subdomain: 'simulator' });
    expect(meta.pipelines.map((p) => p.name)).toEqual(['Продажи', 'Партнёры']);
    const sales = meta.pipelines[0]!;
    expect(sales).toMatchObject({ id: SEED.pipelines.sales, isMain: true });
    expect(sales.statuses.map((s) => [s.id, s.name])).toEqual([
      [SEED.statuses.salesUnsorted, 'Неразобранное'],
      [SEED.statuses.newRequest, 'Новая заявка'],
      [SEED.statuses.negotiation, 'Переговоры'],
      [SEED.statuses.decision, 'Принимают решение'],
      [142, 'Успешно реализовано'],
      [143, 'Закрыто и не реализовано'],
    ]);
    expect(meta.leadFields).toHaveLength(60);
    expect(meta.leadFields.find((f) => f.name === 'Город')).toMatchObject({ id: 512001, type: 'select', code: null, enums: expect.arrayContaining([expect.objectContaining({ value: 'Краснодар' })]) });
    expect(meta.contactFields.find((f) => f.code === 'PHONE')).toMatchObject({ name: 'Телефон', type: 'multitext' });
    expect(meta.users.map((u) => u.name)).toEqual(['Администратор', 'Анна Смирнова', 'Иван Петров']);
    expect(meta.taskTypes).toEqual([{ id: 1, name: 'Связаться' }, { id: 2, name: 'Встреча' }]);
    expect(requestsTo(sim, 'GET', '/api/v4/leads/custom_fields')).toBe(2);
  });

  it('summarises the counts «Настройки» shows', () => {
    expect(conn.metadata!.summary!(meta)).toEqual([
      { label: 'Воронки', count: 2 },
      { label: 'Статусы', count: 11 },
      { label: 'Поля сделок', count: 60 },
      { label: 'Поля контактов', count: 5 },
      { label: 'Пользователи', count: 3 },
    ]);
  });

  it('offers pipelines, statuses of the chosen pipeline (grouped by pipeline when none is chosen), fields by name, users', () => {
    const opt = conn.options!;
    expect(opt.pipelines!({ metadata: meta, values: {} })).toEqual([
      { value: SEED.pipelines.sales, label: 'Продажи', hint: 'основная' },
      { value: SEED.pipelines.partners, label: 'Партнёры' },
    ]);
    const ofSales = opt.statuses!({ metadata: meta, values: { pipelineId: String(SEED.pipelines.sales) } });
    expect(ofSales).toHaveLength(6);
    expect(ofSales).toContainEqual({ value: 142, label: 'Успешно реализовано' });
    const all = opt.statuses!({ metadata: meta, values: {} });
    expect(all).toHaveLength(11);
    expect(all).toContainEqual({ value: SEED.statuses.partnersTerms, label: 'Обсуждение условий', group: 'Партнёры' });
    expect(all.filter((s) => s.value === 143).map((s) => s.group)).toEqual(['Продажи', 'Партнёры']);

    const city = opt.leadFields!({ metadata: meta, values: {} }).find((f) => f.value === 'Город');
    expect(city).toEqual({ value: 'Город', label: 'Город', hint: 'список', data: { id: 512001, type: 'select', enums: ['Краснодар', 'Москва', 'Санкт-Петербург', 'Ростов-на-Дону', 'Сочи'] } });
    expect(opt.contactFields!({ metadata: meta, values: {} }).find((f) => f.value === 'Телефон')).toMatchObject({ hint: 'телефоны / email', data: { code: 'PHONE' } });
    expect(opt.users!({ metadata: meta, values: {} })[1]).toEqual({ value: SEED.users.anna, label: 'Анна Смирнова', hint: 'anna@example.ru' });
  });
});
