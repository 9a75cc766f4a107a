import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OperationalError, UserError } from '../../../core/sdk/index.ts';
import { memoryKv, runAction } from '../../../core/sdk/testing.ts';
import amocrm from '../index.ts';
import { SEED, type AmoSimulator } from '../simulator/amo-simulator.ts';
import { startLossyRig, type LossyRig, type TestAmoRemote } from './amo-test-kit.ts';
import type { LossyProxy } from './lossy-proxy.ts';

const CONN = '5b0e6c2a-1f0e-4c1e-9a43-2d7c5e1f0a01';
let sim: AmoSimulator;
let remote: TestAmoRemote;
let proxy: LossyProxy;
let lossy: TestAmoRemote;
let rig: LossyRig;

beforeAll(async () => {
  rig = await startLossyRig('00000000-0000-4000-8000-0000000105e2');
  ({ sim, remote, proxy, lossy } = rig);
});
afterAll(() => rig.close());

const run = (node: string, props: Record<string, unknown>, opts: { dryRun?: boolean; store?: ReturnType<typeof memoryKv>; key?: string; via?: TestAmoRemote; attempt?: number; input?: Record<string, unknown> } = {}) =>
  runAction(amocrm, node, { props: { connectionId: CONN, ...props }, input: opts.input, remote: opts.via ?? remote, dryRun: opts.dryRun, store: opts.store, idempotencyKey: opts.key, attempt: opts.attempt }) as Promise<any>;

const fieldText = (leadId: number, name: string) => sim.state.leads.get(leadId)!.custom_fields_values?.find((f) => f.field_name === name)?.values.map((v) => v.value);

describe('update_lead and change_status', () => {
  it('update_lead: fields by name with their types, name, price, responsible; templates resolved from the run', async () => {
    const lead = sim.admin.createLead({ name: 'Было', fields: { Комментарий: 'оставить' } });
    const out = await run(
      'update_lead',
      { leadId: '{{trigger.lead.id}}', name: 'Стало', price: '{{trigger.budget}}', responsibleUserId: SEED.users.ivan, fields: { Город: '{{trigger.city}}', 'Дата встречи': '05.03.2025', Услуги: ['Монтаж', 'Гарантия'], 'Согласие на звонок': 'да', Комментарий: '{{trigger.missing}}' } },
      { input: { trigger: { lead: { id: lead.id }, budget: '120000', city: 'Москва' } } },
    );
    expect(out).toMatchObject({ id: lead.id, updated_at: expect.any(Number) });
    const stored = sim.state.leads.get(lead.id)!;
    expect(stored).toMatchObject({ name: 'Стало', price: 120000, responsible_user_id: SEED.users.ivan });
    expect(fieldText(lead.id, 'Город')).toEqual(['Москва']);
    expect(fieldText(lead.id, 'Дата встречи')).toEqual([Date.UTC(2025, 2, 5) / 1000]);
    expect(fieldText(lead.id, 'Услуги')).toEqual(['Монтаж', 'Гарантия']);
    expect(fieldText(lead.id, 'Согласие на звонок')).toEqual([true]);
    // An empty template does not wipe what is there.
    expect(fieldText(lead.id, 'Комментарий')).toEqual(['оставить']);
  });

  it('update_lead of a missing lead: AmoCRM’s refusal in Russian', async () => {
    const err = await run('update_lead', { leadId: 1, fields: { Комментарий: 'x' } }).catch((e) => e);
    expect(err).toBeInstanceOf(UserError);
    expect(err.code).toBe('AMOCRM_VALIDATION');
    expect(err.message).toMatch(/ID — не найдено/);
  });

  it('change_status moves the lead, also into 142 of another pipeline; dry run describes the PATCH', async () => {
    const lead = sim.admin.createLead({ name: 'Движение', pipeline: 'Продажи', status: 'Новая заявка' });
    const out = await run('change_status', { leadId: lead.id, pipelineId: SEED.pipelines.sales, statusId: SEED.statuses.decision });
    expect(out).toMatchObject({ id: lead.id, status_id: SEED.statuses.decision, status_name: 'Принимают решение' });
    expect(sim.state.leads.get(lead.id)!.status_id).toBe(SEED.statuses.decision);
    await run('change_status', { leadId: lead.id, pipelineId: SEED.pipelines.partners, statusId: 142 });
    expect(sim.state.leads.get(lead.id)).toMatchObject({ pipeline_id: SEED.pipelines.partners, status_id: 142 });

    const dry = await run('change_status', { leadId: lead.id, pipelineId: SEED.pipelines.sales, statusId: 143 }, { dryRun: true });
    expect(dry).toEqual({ dryRun: true, request: { method: 'PATCH', url: `${sim.url}/api/v4/leads`, body: [{ id: lead.id, status_id: 143, pipeline_id: SEED.pipelines.sales }] } });
    expect(sim.state.leads.get(lead.id)!.status_id).toBe(142);
  });
});

describe('add_note', () => {
  it('common and call notes, with call parameters', async () => {
    const lead = sim.admin.createLead({ name: 'Звонки' });
    const common = await run('add_note', { leadId: lead.id, text: 'Клиент думает' });
    expect(sim.state.notes.get(common.id)).toMatchObject({ entity_id: lead.id, note_type: 'common', params: { text: 'Клиент думает' } });
    const call = await run('add_note', { leadId: lead.id, noteType: 'call_in', text: 'Разговор состоялся', phone: '8 918 123 45 67', duration: '95', link: 'https://pbx.example.ru/rec/1.mp3' });
    expect(sim.state.notes.get(call.id)).toMatchObject({
      note_type: 'call_in',
      params: { phone: '+79181234567', duration: 95, link: 'https://pbx.example.ru/rec/1.mp3', call_result: 'Разговор состоялся', source: 'Конструктор интеграций', uniq: expect.stringMatching(/^[0-9a-f-]{36}$/) },
    });
    await expect(run('add_note', { leadId: lead.id, noteType: 'call_out', text: 'x' })).rejects.toThrow(/укажите телефон/);
    await expect(run('add_note', { leadId: lead.id, text: '  ' })).rejects.toThrow(/Текст примечания пуст/);
  });

  it('a lost answer, then a retry: one note', async () => {
    const lead = sim.admin.createLead({ name: 'Потеря примечания' });
    const store = memoryKv();
    proxy.loseAnswer('POST', '/api/v4/leads/notes');
    await expect(run('add_note', { leadId: lead.id, text: 'Один раз' }, { store, key: 'r1:n4', via: lossy })).rejects.toBeInstanceOf(OperationalError);
    const retry = await run('add_note', { leadId: lead.id, text: 'Один раз' }, { store, key: 'r1:n4', via: lossy, attempt: 2 });
    const notes = [...sim.state.notes.values()].filter((n) => n.entity_id === lead.id);
    expect(notes).toHaveLength(1);
    expect(retry.id).toBe(notes[0]!.id);
    // And once recorded, a third attempt answers from the record.
    const requests = sim.stats.requests.length;
    expect(await run('add_note', { leadId: lead.id, text: 'Один раз' }, { store, key: 'r1:n4', via: lossy, attempt: 3 })).toEqual(retry);
    expect(sim.stats.requests.length).toBe(requests);
  });

  it('dry run describes the note', async () => {
    const out = await run('add_note', { leadId: 5, text: 'Проба' }, { dryRun: true });
    expect(out).toEqual({ dryRun: true, request: { method: 'POST', url: `${sim.url}/api/v4/leads/notes`, body: [{ entity_id: 5, note_type: 'common', params: { text: 'Проба' } }] } });
  });
});

describe('create_task', () => {
  it('a task on a lead with a relative deadline; a lost answer and a retry give one task', async () => {
    const lead = sim.admin.createLead({ name: 'Задача' });
    const before = Math.floor(Date.now() / 1000);
    const out = await run('create_task', { entityId: lead.id, text: 'Перезвонить', completeTill: '+2h', taskTypeId: 1, responsibleUserId: SEED.users.anna });
    const task = sim.state.tasks.get(out.id)!;
    expect(task).toMatchObject({ entity_id: lead.id, entity_type: 'leads', text: 'Перезвонить', responsible_user_id: SEED.users.anna, task_type_id: 1 });
    expect(task.complete_till - before).toBeGreaterThanOrEqual(7200);
    expect(task.complete_till - before).toBeLessThan(7210);

    const store = memoryKv();
    proxy.loseAnswer('POST', '/api/v4/tasks');
    await expect(run('create_task', { entityId: lead.id, text: 'Встреча', completeTill: '2030-01-15 12:00', taskTypeId: 2 }, { store, key: 't:n5', via: lossy })).rejects.toBeInstanceOf(OperationalError);
    await run('create_task', { entityId: lead.id, text: 'Встреча', completeTill: '2030-01-15 12:00', taskTypeId: 2 }, { store, key: 't:n5', via: lossy, attempt: 2 });
    const meetings = [...sim.state.tasks.values()].filter((t) => t.text === 'Встреча');
    expect(meetings).toHaveLength(1);
    expect(meetings[0]!.complete_till).toBe(Date.UTC(2030, 0, 15, 9, 0) / 1000);
    await expect(run('create_task', { entityId: lead.id, text: 'x', completeTill: 'когда-нибудь' })).rejects.toThrow(/Срок задачи/);
  });
});

describe('find_or_create_contact and link_entities', () => {
  it('finds by phone in any format, then by email; creates when neither matches; never twice', async () => {
    const existing = sim.admin.createContact({ name: 'Галина', phone: '+79187770000', email: 'galina@example.ru' });
    expect(await run('find_or_create_contact', { phone: '8-918-777-00-00' })).toMatchObject({ id: existing.id, created: false, contact: { phone: '+79187770000' } });
    expect(await run('find_or_create_contact', { phone: '+79180000000', email: 'Galina@Example.ru' })).toMatchObject({ id: existing.id, created: false });

    const store = memoryKv();
    const props = { name: 'Денис', phone: '+7 918 333 22 11', fields: { Должность: 'Инженер', Город: 'Сочи' }, responsibleUserId: SEED.users.ivan };
    proxy.loseAnswer('POST', '/api/v4/contacts');
    await expect(run('find_or_create_contact', props, { store, key: 'c:n6', via: lossy })).rejects.toBeInstanceOf(OperationalError);
    const retry = await run('find_or_create_contact', props, { store, key: 'c:n6', via: lossy, attempt: 2 });
    const matching = [...sim.state.contacts.values()].filter((c) => c.name === 'Денис');
    expect(matching).toHaveLength(1);
    expect(retry).toMatchObject({ id: matching[0]!.id, created: true, contact: { phone: '+79183332211', fields: { Должность: 'Инженер', Город: 'Сочи' } } });
    expect(matching[0]!.responsible_user_id).toBe(SEED.users.ivan);

    const fresh = await run('find_or_create_contact', { name: 'Елена', email: 'elena@example.ru' });
    expect(fresh).toMatchObject({ created: true, contact: { name: 'Елена', email: 'elena@example.ru', phone: null } });
    expect(sim.state.contacts.get(fresh.id)!.name).toBe('Елена');

    const dry = await run('find_or_create_contact', { name: 'Жанна', phone: '+79180001234' }, { dryRun: true });
    expect(dry.request).toEqual({ method: 'POST', url: `${sim.url}/api/v4/contacts`, body: [{ name: 'Жанна', custom_fields_values: [{ field_code: 'PHONE', values: [{ value: '+79180001234', enum_code: 'WORK' }] }] }] });
    await expect(run('find_or_create_contact', {})).rejects.toThrow(/Укажите имя, телефон или эл. почту/);
  });

  it('link_entities links a contact as the main one and a company', async () => {
    const lead = sim.admin.createLead({ name: 'Связи' });
    const first = sim.admin.createContact({ name: 'Первый' });
    const second = sim.admin.createContact({ name: 'Второй' });
    const company = sim.admin.createCompany({ name: 'ООО «Вектор»' });
    await run('link_entities', { leadId: lead.id, toEntityId: first.id });
    await run('link_entities', { leadId: lead.id, toEntityId: second.id, isMain: true });
    await run('link_entities', { leadId: lead.id, toEntityType: 'companies', toEntityId: company.id });
    const links = sim.state.links.filter((l) => l.entity_id === lead.id);
    expect(links).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ to_entity_id: first.id, is_main: false }),
        expect.objectContaining({ to_entity_id: second.id, is_main: true }),
        expect.objectContaining({ to_entity_type: 'companies', to_entity_id: company.id }),
      ]),
    );
    const dry = await run('link_entities', { leadId: lead.id, toEntityId: 7, isMain: true }, { dryRun: true });
    expect(dry.request).toEqual({ method: 'POST', url: `${sim.url}/api/v4/leads/${lead.id}/link`, body: [{ to_entity_id: 7, to_entity_type: 'contacts', metadata: { is_main: true } }] });
  });
});
