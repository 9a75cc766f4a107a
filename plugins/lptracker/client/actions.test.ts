import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { memoryKv, runAction } from '../../../core/sdk/testing.ts';
import { OperationalError, UserError } from '../../../core/sdk/index.ts';
import lptracker from '../index.ts';
import type { LptSimulator } from '../simulator/lpt-simulator.ts';
import { noLimit, requestsTo, simRemote, startSim, type TestLptRemote } from './lpt-test-kit.ts';
import { lptTimeouts } from './timeouts.ts';

let sim: LptSimulator;
let remote: TestLptRemote;
let stage: (name: string, project?: number) => number;

beforeAll(async () => {
  sim = await startSim({ rateLimitPerSecond: 0, seed: 3 });
  remote = simRemote(sim, { limiter: noLimit });
  await remote.metadata();
  stage = (name, project = 94698) => sim.admin.stageByName(project, name)!.id;
});
afterAll(() => sim.close());
afterEach(() => sim.faults.reset());

const run = (node: string, props: Record<string, unknown>, opts: Parameters<typeof runAction>[2] extends infer O ? Partial<O> : never = {}) =>
  runAction(lptracker, node, { remote, ...opts, props: { connectionId: remote.id, ...props } }) as Promise<any>;

const leadsNamed = (name: string) => [...sim.state.leads.values()].filter((l) => l.name === name);
const fieldId = (name: string) => sim.admin.fieldByName(94698, name)!.id;

async function caught(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected a rejection');
}

describe('create_lead', () => {
  const base = {
    projectId: 94698,
    name: 'Сделка #10000001',
    phone: '8 (918) 555-12-34',
    email: 'Client@Example.ru',
    ownerId: 2011,
    source: 'amocrm',
    campaign: 'Краснодар',
    fields: { Город: 'Краснодар', 'ID сделки AmoCRM': 10000001, Интерес: 'купить', Бюджет: '150 000', Пусто: '' },
  };

  it('creates the lead with an inline contact, fields by name, source and campaign in the visit', async () => {
    const linked: { type: string; id: string | number }[] = [];
    const out = await run('create_lead', { ...base, stageId: stage('Новый лид'), fields: { ...base.fields, Пусто: undefined } }, { idempotencyKey: 'run-1:n2', linked });
    expect(out).toMatchObject({
      created: true,
      contactCreated: true,
      lead: { name: 'Сделка #10000001', stage: { name: 'Новый лид' }, owner_id: 2011, fields: { Город: 'Краснодар', Интерес: ['Купить'], Бюджет: 150000 } },
      contact: { phone: '+79185551234', email: 'client@example.ru' },
    });
    const [lead] = leadsNamed('Сделка #10000001');
    expect(out.id).toBe(lead!.id);
    // The run's source entity gets this lead as its LPTracker counterpart.
    expect(linked).toEqual([{ type: 'lead', id: lead!.id }]);
    expect(Object.fromEntries(lead!.custom)).toEqual({
      [fieldId('Город')]: 'Краснодар', [fieldId('ID сделки AmoCRM')]: '10000001', [fieldId('Интерес')]: ['Купить'], [fieldId('Бюджет')]: 150000,
    });
    const view = sim.state.views.get(lead!.viewId!)!;
    expect(view.attrs.get('source')).toBe('amocrm');
    expect(view.attrs.get('campaign')).toBe('Краснодар');
    const contact = sim.state.contacts.get(lead!.contactId)!;
    expect(contact.details.map((d) => [d.type, d.data])).toEqual([['phone', '+79185551234'], ['email', 'client@example.ru']]);
  });

  it('finds the contact by the same phone in another format and attaches the lead to it', async () => {
    const contacts = sim.state.contacts.size;
    const out = await run('create_lead', { ...base, name: 'Вторая заявка', phone: '+7 918 555 12 34', email: '' }, { idempotencyKey: 'run-2:n2' });
    expect(out).toMatchObject({ created: true, contactCreated: false, lead: { stage: { name: 'Новый лид' } } });
    expect(sim.state.contacts.size).toBe(contacts);
    expect(leadsNamed('Вторая заявка')[0]!.contactId).toBe(leadsNamed('Сделка #10000001')[0]!.contactId);
  });

  it('twice with one idempotency key: one lead', async () => {
    const store = memoryKv();
    const first = await run('create_lead', { ...base, name: 'Повтор' }, { store, idempotencyKey: 'run-3:n2' });
    const again = await run('create_lead', { ...base, name: 'Повтор' }, { store, idempotencyKey: 'run-3:n2', attempt: 2 });
    expect(leadsNamed('Повтор')).toHaveLength(1);
    expect(first.created).toBe(true);
    expect(again).toMatchObject({ id: first.id, created: false });
  });

  it('the answer of the write is lost (timeout): the retry finds the lead it made by its marker, still one lead', async () => {
    const store = memoryKv();
    const props = { ...base, name: 'Потерянный ответ', phone: '+79180000777', email: '' };
    sim.faults.set({ timeoutRate: 1, onlyFor: 'POST /lead' });
    const saved = lptTimeouts.requestMs;
    lptTimeouts.requestMs = 1000;
    try {
      const err = await caught(run('create_lead', props, { store, idempotencyKey: 'run-4:n2' }));
      expect(err).toBeInstanceOf(OperationalError);
      expect(err).toMatchObject({ code: 'LPTRACKER_TIMEOUT' });
    } finally {
      lptTimeouts.requestMs = saved;
    }
    sim.faults.reset();
    expect(leadsNamed('Потерянный ответ')).toHaveLength(1);
    const posts = requestsTo(sim, 'POST', '/lead');
    const linked: { type: string; id: string | number }[] = [];
    const retried = await run('create_lead', props, { store, idempotencyKey: 'run-4:n2', attempt: 2, linked });
    expect(linked).toEqual([{ type: 'lead', id: retried.id }]);
    expect(requestsTo(sim, 'POST', '/lead')).toBe(posts);
    expect(leadsNamed('Потерянный ответ')).toHaveLength(1);
    expect(retried).toMatchObject({ id: leadsNamed('Потерянный ответ')[0]!.id, created: false, contactCreated: true, contact: { phone: '+79180000777' } });
    // And once done, a third attempt does not even look.
    expect(await run('create_lead', props, { store, idempotencyKey: 'run-4:n2', attempt: 3 })).toMatchObject({ id: retried.id, created: false });
  });

  it('a different step (another idempotency key) with the same data is a new lead', async () => {
    await run('create_lead', { ...base, name: 'Две заявки' }, { idempotencyKey: 'run-5:n2' });
    await run('create_lead', { ...base, name: 'Две заявки' }, { idempotencyKey: 'run-6:n2' });
    expect(leadsNamed('Две заявки')).toHaveLength(2);
  });

  it('dry run: reads (the contact search) but only describes the write', async () => {
    const leads = sim.state.leads.size;
    const out = await run('create_lead', { ...base, name: 'Проба' }, { dryRun: true });
    expect(sim.state.leads.size).toBe(leads);
    expect(out).toMatchObject({
      dryRun: true,
      contact: { phone: '+79185551234' },
      request: {
        method: 'POST',
        url: `${sim.url}/lead`,
        body: { name: 'Проба', contact_id: expect.any(Number), owner: 2011, view: { source: 'amocrm', campaign: 'Краснодар' }, custom: { [fieldId('Город')]: 'Краснодар' }, callback: false },
      },
    });
  });

  it('says in Russian what is wrong: an unknown field, a value not among the options, no phone or email', async () => {
    await expect(run('create_lead', { ...base, fields: { Регион: 'Юг' } })).rejects.toMatchObject({ code: 'LPTRACKER_FIELD_UNKNOWN', message: expect.stringContaining('нет поля лида «Регион»') });
    await expect(run('create_lead', { ...base, fields: { 'Результат звонка': 'Может быть' } })).rejects.toMatchObject({ code: 'LPTRACKER_FIELD_VALUE', message: expect.stringContaining('Варианты: Дозвонились') });
    const none = await caught(run('create_lead', { ...base, phone: '', email: '' }));
    expect(none).toBeInstanceOf(UserError);
    expect(none.message).toMatch(/Укажите телефон или email/);
    await expect(run('create_lead', { ...base, stageId: stage('Отказ', 94699) })).rejects.toMatchObject({ code: 'LPTRACKER_STAGE_UNKNOWN' });
  });
});

describe('update_lead, change_stage, add_comment', () => {
  let leadId: number;
  beforeAll(() => {
    leadId = sim.admin.createLead({ project: 94698, name: 'Для правок', contact: { phone: '+79184440000' } }).id;
  });

  it('update_lead writes only what is set, fields by name, and finds the project from the lead', async () => {
    const out = await run('update_lead', { leadId: String(leadId), name: 'Исправлено', fields: { Город: 'Сочи', Бюджет: '' }, ownerId: '' });
    expect(out).toMatchObject({ updated: true, lead: { id: leadId, name: 'Исправлено', fields: { Город: 'Сочи' } } });
    expect(sim.state.leads.get(leadId)!.custom.get(fieldId('Город'))).toBe('Сочи');
    expect(sim.state.leads.get(leadId)!.custom.has(fieldId('Бюджет'))).toBe(false);
    const dry = await run('update_lead', { leadId, projectId: 94698, stageId: stage('Думает') }, { dryRun: true });
    expect(dry.request).toEqual({ method: 'PUT', url: `${sim.url}/lead/${leadId}`, body: { funnel: stage('Думает'), stage_id: stage('Думает') } });
    expect(sim.state.leads.get(leadId)!.stageId).toBe(stage('Новый лид'));
    expect(await run('update_lead', { leadId, name: '  ' })).toMatchObject({ updated: false, lead: { name: 'Исправлено' } });
  });

  it('change_stage by the picked id, and by a stage name from a template', async () => {
    expect(await run('change_stage', { leadId, stageId: stage('В работе') })).toMatchObject({ lead: { stage_id: stage('В работе') }, stage: { name: 'В работе' } });
    const out = await run('change_stage', { leadId: '{{trigger.lead.id}}', stageId: '{{trigger.stage}}' }, { input: { trigger: { lead: { id: leadId }, stage: 'Отказ' } } });
    expect(out.lead.stage).toEqual({ id: stage('Отказ'), name: 'Отказ' });
    expect(sim.state.leads.get(leadId)!.stageId).toBe(stage('Отказ'));
    const dry = await run('change_stage', { leadId, stageId: stage('Думает') }, { dryRun: true });
    expect(dry).toMatchObject({ dryRun: true, request: { method: 'PUT', body: { funnel: stage('Думает') } } });
    expect(sim.state.leads.get(leadId)!.stageId).toBe(stage('Отказ'));
    await expect(run('change_stage', { leadId, stageId: 'Нет такого' })).rejects.toMatchObject({ code: 'LPTRACKER_BAD_ID' });
    await expect(run('change_stage', { leadId: 1, stageId: stage('Отказ') })).rejects.toMatchObject({ code: 'LPTRACKER_NOT_FOUND' });
  });

  it('add_comment once per step, even when the answer was lost', async () => {
    const store = memoryKv();
    const comments = () => [...sim.state.comments.values()].filter((c) => c.leadId === leadId).map((c) => c.text);
    expect(await run('add_comment', { leadId, text: 'Сделка в AmoCRM: 555' }, { store, idempotencyKey: 'c-1' })).toMatchObject({ created: true, comment: { text: 'Сделка в AmoCRM: 555' } });
    expect(await run('add_comment', { leadId, text: 'Сделка в AmoCRM: 555' }, { store, idempotencyKey: 'c-1', attempt: 2 })).toMatchObject({ created: false });
    expect(comments()).toEqual(['Сделка в AmoCRM: 555']);

    sim.faults.set({ truncatedJsonRate: 1, onlyFor: `POST /lead/${leadId}/comment` });
    await expect(run('add_comment', { leadId, text: 'Отказ: дорого' }, { store, idempotencyKey: 'c-2' })).rejects.toMatchObject({ code: 'LPTRACKER_BAD_RESPONSE' });
    sim.faults.reset();
    expect(await run('add_comment', { leadId, text: 'Отказ: дорого' }, { store, idempotencyKey: 'c-2', attempt: 2 })).toMatchObject({ created: false, comment: { text: 'Отказ: дорого' } });
    expect(comments()).toEqual(['Сделка в AmoCRM: 555', 'Отказ: дорого']);

    const dry = await run('add_comment', { leadId, text: 'Проба' }, { dryRun: true });
    expect(dry).toMatchObject({ dryRun: true, request: { method: 'POST', url: `${sim.url}/lead/${leadId}/comment`, body: { text: 'Проба' } } });
    expect(comments()).toHaveLength(2);
  });
});

describe('find_contact and get_calls', () => {
  it('find_contact by a phone typed differently, then by email; nothing found is not an error', async () => {
    sim.admin.createLead({ project: 94699, name: 'Колл-центр', contact: { name: 'Ольга', phone: '+79187770011', email: 'olga@example.ru' } });
    expect(await run('find_contact', { projectId: 94699, phone: '8 918 777-00-11' })).toMatchObject({ found: true, count: 1, contact: { name: 'Ольга', phone: '+79187770011', email: 'olga@example.ru' } });
    expect(await run('find_contact', { projectId: 94699, phone: '+79000000000', email: 'OLGA@example.ru' })).toMatchObject({ found: true, contact: { name: 'Ольга' } });
    expect(await run('find_contact', { projectId: 94698, phone: '+79187770011' })).toEqual({ found: false, count: 0, contact: null, contacts: [] });
    await expect(run('find_contact', { projectId: 94699 })).rejects.toMatchObject({ code: 'LPTRACKER_SEARCH_EMPTY' });
  });

  it('get_calls: every call with its outcome and recording, the last one apart', async () => {
    const lead = sim.admin.createLead({ project: 94698, name: 'Звонки', contact: { phone: '+79186660000' } });
    sim.admin.finishCall(lead.id, { disposition: 'NO ANSWER' });
    sim.admin.finishCall(lead.id, { disposition: 'ANSWERED', duration: 120, ownerId: 2011 });
    const out = await run('get_calls', { leadId: lead.id });
    expect(out).toMatchObject({ leadId: lead.id, count: 2, answered: 1 });
    expect(out.calls.map((c: any) => c.disposition)).toEqual(['NO ANSWER', 'ANSWERED']);
    expect(out.last).toMatchObject({ disposition: 'ANSWERED', duration: 120, owner_id: 2011, record_url: expect.stringContaining('/records/') });
    expect(out.calls[0].record_url).toBeNull();
  });
});
