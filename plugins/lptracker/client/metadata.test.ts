import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActiveTrigger } from '../../../core/sdk/index.ts';
import { CALLBACKS_STATE_KEY, hookName } from '../connection/webhooks-sync.ts';
import lptracker from '../index.ts';
import type { LptMetadata } from '../metadata/lpt-metadata.types.ts';
import type { LptSimulator } from '../simulator/lpt-simulator.ts';
import { noLimit, simRemote, startSim, type TestLptRemote } from './lpt-test-kit.ts';

const conn = lptracker.connection!;
let sim: LptSimulator;
let remote: TestLptRemote;
let meta: LptMetadata;

beforeAll(async () => {
  sim = await startSim({ rateLimitPerSecond: 0 });
  remote = simRemote(sim, { limiter: noLimit, hookUrl: 'http://127.0.0.1:9/hooks/first' });
  meta = await remote.metadata<LptMetadata>();
});
afterAll(() => sim.close());

const options = (source: string, values: Record<string, string> = {}) => conn.options![source]!({ metadata: meta, values });

describe('connection test', () => {
  it('logs in afresh and names the account with its projects', async () => {
    const logins = sim.stats.logins;
    const stale = simRemote(sim, { limiter: noLimit, credentials: { token: 'expired-token-from-before', tokenAt: Date.now() } });
    // Users of the tenant see this line: projects, never the login.
    expect(await conn.test(stale)).toEqual({ account: 'LPTracker: «Мой сайт», «Колл-центр»', accountId: sim.login });
    expect(sim.stats.logins).toBe(logins + 1);
    expect(stale.credentials.token).toMatch(/^[A-Za-z0-9]{32}$/);
  });

  it('says in Russian when the password is wrong', async () => {
    await expect(conn.test(simRemote(sim, { limiter: noLimit, credentials: { password: 'nope' } }))).rejects.toMatchObject({
      code: 'LPTRACKER_AUTH_FAILED',
      message: expect.stringContaining('не принял логин или пароль'),
    });
  });

  it('the admin form: password and token are secrets, token and its time are not for typing', () => {
    const schema = conn.schema.parse({ login: ' admin@example.ru ', password: 'p' });
    expect(schema).toEqual({ login: 'admin@example.ru', password: 'p', service: 'Конструктор интеграций' });
    expect(conn.adminBound).toBe(true);
    expect(conn.refresh!.due(schema)).toBe(true);
    expect(conn.refresh!.due({ ...schema, token: 't', tokenAt: Date.now() - 3600_000 })).toBe(false);
    expect(conn.refresh!.due({ ...schema, token: 't', tokenAt: Date.now() - 21 * 3600_000 })).toBe(true);
    expect(conn.schema.safeParse({ login: '', password: '' }).error?.issues.map((i: { message: string }) => i.message)).toEqual(['Укажите логин LPTracker', 'Укажите пароль LPTracker']);
  });
});

describe('metadata', () => {
  it('projects with their stages, lead and contact fields, and the staff', () => {
    expect(JSON.stringify(meta)).not.toContain(sim.login);
    expect(meta.projects.map((p) => [p.id, p.name])).toEqual([[94698, 'Мой сайт'], [94699, 'Колл-центр']]);
    const site = meta.projects[0]!;
    expect(site.stages.map((s) => s.name)).toEqual(['Новый лид', 'В работе', 'Думает', 'Отказ', 'Успешная сделка']);
    expect(site.stages[0]).toEqual({ id: sim.admin.stageByName(94698, 'Новый лид')!.id, name: 'Новый лид', inLeads: true, inDeals: false });
    expect(site.leadFields.find((f) => f.name === 'Интерес')).toEqual({
      id: sim.admin.fieldByName(94698, 'Интерес')!.id, name: 'Интерес', type: 'cats', multi: true, categories: ['Купить', 'Арендовать', 'Консультация'],
    });
    expect(site.contactFields.map((f) => [f.name, f.type])).toEqual([['Должность в компании', 'string'], ['Комментарий', 'text'], ['День рождения', 'date']]);
    expect(meta.staff.map((s) => s.name)).toEqual(['Главный аккаунт', 'Иван Петров', 'Мария Смирнова']);
  });

  it('summary for «Настройки»', () => {
    expect(conn.metadata!.summary!(meta)).toEqual([
      { label: 'Проекты', count: 2 },
      { label: 'Этапы', count: 10 },
      { label: 'Поля лидов', count: 12 },
      { label: 'Поля контактов', count: 6 },
      { label: 'Сотрудники', count: 3 },
    ]);
  });

  it('options: projects, stages of the chosen project (all, grouped, when none), fields by name with their options, staff', () => {
    expect(options('projects')).toEqual([
      { value: 94698, label: 'Мой сайт', hint: 'example.ru' },
      { value: 94699, label: 'Колл-центр', hint: 'call.example.ru' },
    ]);
    const stages = options('stages', { projectId: '94699' });
    expect(stages.map((s) => s.label)).toEqual(['Новый лид', 'В работе', 'Думает', 'Отказ', 'Успешная сделка']);
    expect(stages[3]).toEqual({ value: sim.admin.stageByName(94699, 'Отказ')!.id, label: 'Отказ' });
    expect(options('stages', { projectId: '{{trigger.project_id}}' })).toHaveLength(10);
    expect(options('stages')[0]).toMatchObject({ group: 'Мой сайт' });

    const fields = options('leadFields', { projectId: '94698' });
    expect(fields.map((f) => f.value)).toEqual(['Город', 'Источник AmoCRM', 'ID сделки AmoCRM', 'Интерес', 'Бюджет', 'Результат звонка']);
    expect(fields.find((f) => f.value === 'Результат звонка')).toMatchObject({
      label: 'Результат звонка', hint: 'список', data: { type: 'cats', enums: ['Дозвонились', 'Не дозвонились', 'Перезвонить'], multiple: false },
    });
    // Without a project (the field map does not pass one), one option per name.
    expect(options('leadFields')).toHaveLength(6);
    expect(options('contactFields', { projectId: '94698' }).map((f) => [f.value, f.hint])).toEqual([
      ['Должность в компании', 'строка'], ['Комментарий', 'текст'], ['День рождения', 'дата'],
    ]);
    expect(options('staff')).toEqual([
      { value: 0, label: 'Главный аккаунт' },
      { value: 2011, label: 'Иван Петров', hint: 'Менеджер' },
      { value: 2012, label: 'Мария Смирнова', hint: 'Старший менеджер' },
    ]);
  });
});

describe('callback-url follows the active triggers', () => {
  const sync = conn.webhooks!.sync;
  const trig = (type: string, projectId?: unknown): ActiveTrigger => ({ workflowId: `w-${type}-${String(projectId)}`, type: `lptracker.${type}`, props: { connectionId: remote.id, ...(projectId === undefined ? {} : { projectId }) } });
  const hooks = () => [...sim.state.callbacks.values()].map((h) => [h.projectId, h.url, h.name]).sort();
  const name = () => hookName(remote.id);

  it('registers the hook on the projects listened to, moves it to a new address, and removes it from projects no rule needs', async () => {
    // Someone else's hook on the same project must survive everything below.
    sim.state.callbacks.set(900, { id: 900, projectId: 94698, name: 'Битрикс24', url: 'https://b24.example.ru/hook' });

    await sync(remote, { hookUrl: 'http://127.0.0.1:9/hooks/first', triggers: [trig('lead_stage_changed', 94698), trig('call_finished', '94698')] });
    expect(hooks()).toEqual([[94698, 'http://127.0.0.1:9/hooks/first', name()], [94698, 'https://b24.example.ru/hook', 'Битрикс24']]);
    expect((await remote.state.get(CALLBACKS_STATE_KEY))?.value).toEqual({ url: 'http://127.0.0.1:9/hooks/first', name: name(), projects: [94698] });

    // A trigger without a project listens to all of them.
    await sync(remote, { hookUrl: 'http://127.0.0.1:9/hooks/second', triggers: [trig('lead_created')] });
    expect(hooks()).toEqual([
      [94698, 'http://127.0.0.1:9/hooks/second', name()],
      [94698, 'https://b24.example.ru/hook', 'Битрикс24'],
      [94699, 'http://127.0.0.1:9/hooks/second', name()],
    ]);

    await sync(remote, { hookUrl: 'http://127.0.0.1:9/hooks/second', triggers: [trig('lead_deleted', 94699)] });
    expect(hooks()).toEqual([[94698, 'https://b24.example.ru/hook', 'Битрикс24'], [94699, 'http://127.0.0.1:9/hooks/second', name()]]);

    await sync(remote, { hookUrl: 'http://127.0.0.1:9/hooks/second', triggers: [] });
    expect(hooks()).toEqual([[94698, 'https://b24.example.ru/hook', 'Битрикс24']]);
    expect(await remote.state.get(CALLBACKS_STATE_KEY)).toBeUndefined();
  });
});
