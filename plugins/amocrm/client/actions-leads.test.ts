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
  rig = await startLossyRig('00000000-0000-4000-8000-0000000105e1');
  ({ sim, remote, proxy, lossy } = rig);
});
afterAll(() => rig.close());

const run = (node: string, props: Record<string, unknown>, opts: { dryRun?: boolean; store?: ReturnType<typeof memoryKv>; key?: string; via?: TestAmoRemote; attempt?: number; linked?: { type: string; id: string | number }[] } = {}) =>
  runAction(amocrm, node, { props: { connectionId: CONN, ...props }, remote: opts.via ?? remote, dryRun: opts.dryRun, store: opts.store, idempotencyKey: opts.key, attempt: opts.attempt, linked: opts.linked }) as Promise<any>;

const leadsNamed = (name: string) => [...sim.state.leads.values()].filter((l) => l.name === name && !l.is_deleted);
const contactsWithPhone = (digits: string) => [...sim.state.contacts.values()].filter((c) => JSON.stringify(c.custom_fields_values ?? []).includes(digits));

describe('find_lead', () => {
  it('by id, by the contact’s phone in any format, by email, by a field value; the newest of several', async () => {
    const contact = sim.admin.createContact({ name: 'Пётр', phone: '+7 918 555-00-11', email: 'petr@example.ru' });
    const old = sim.admin.createLead({ name: 'Старая', pipeline: 'Продажи', status: 'Новая заявка', contactIds: [contact.id], fields: { Город: 'Сочи' } });
    const fresh = sim.admin.createLead({ name: 'Свежая', pipeline: 'Продажи', status: 'Переговоры', contactIds: [contact.id], fields: { Город: 'Сочи', Комментарий: 'ключ-777' } });
    sim.admin.updateLead(fresh.id, { price: 1000 });

    const byId = await run('find_lead', { by: 'id', value: String(old.id) });
    expect(byId).toMatchObject({ found: true, lead: { id: old.id, name: 'Старая', fields: { Город: 'Сочи' }, pipeline_name: 'Продажи', status_name: 'Новая заявка' } });

    const byPhone = await run('find_lead', { by: 'phone', value: '8 (918) 555-00-11' });
    expect(byPhone).toMatchObject({ found: true, count: 2, lead: { id: fresh.id }, contact: { id: contact.id, phone: '+79185550011', email: 'petr@example.ru' } });
    const open = await run('find_lead', { by: 'phone', value: '89185550011', pipelineId: SEED.pipelines.sales, openOnly: true });
    expect(open.lead.id).toBe(fresh.id);

    expect((await run('find_lead', { by: 'email', value: 'PETR@example.ru' })).lead.id).toBe(fresh.id);
    expect((await run('find_lead', { by: 'field', field: 'Комментарий', value: 'ключ-777' })).lead.id).toBe(fresh.id);
    expect(await run('find_lead', { by: 'field', field: 'Комментарий', value: 'ключ-77' })).toEqual({ found: false, count: 0, lead: null });
    expect(await run('find_lead', { by: 'phone', value: '+7 918 555-00-12' })).toEqual({ found: false, count: 0, lead: null, contact: null });
    expect(await run('find_lead', { by: 'id', value: 1 })).toEqual({ found: false, count: 0, lead: null });
  });
});

describe('create_lead', () => {
  it('links the contact found by its normalised phone instead of creating another one', async () => {
    const contact = sim.admin.createContact({ name: 'Анна', phone: '+79181112233' });
    const out = await run('create_lead', {
      name: 'Повторное обращение',
      price: '15 000',
      pipelineId: SEED.pipelines.sales,
      statusId: SEED.statuses.newRequest,
      responsibleUserId: SEED.users.anna,
      fields: { Город: 'Краснодар', Количество: '2' },
      tags: 'сайт, повтор',
      contactName: 'Анна Иванова',
      contactPhone: '8 918 111-22-33',
    });
    expect(out).toMatchObject({ contactCreated: false, contact: { id: contact.id, phone: '+79181112233' }, lead: { name: 'Повторное обращение', price: 15000, status_name: 'Новая заявка', fields: { Город: 'Краснодар', Количество: 2 }, tags: ['сайт', 'повтор'] } });
    const stored = sim.state.leads.get(out.id)!;
    expect(stored).toMatchObject({ price: 15000, status_id: SEED.statuses.newRequest, responsible_user_id: SEED.users.anna });
    expect(stored.tags.map((t) => t.name)).toEqual(['сайт', 'повтор']);
    expect(sim.state.links).toContainEqual(expect.objectContaining({ entity_id: out.id, to_entity_id: contact.id, is_main: true }));
    expect(contactsWithPhone('79181112233')).toHaveLength(1);
  });

  it('creates a new contact together with the lead (complex) when none matches', async () => {
    const out = await run('create_lead', { name: 'Новый клиент', contactName: 'Борис', contactPhone: '+7 (999) 000-11-22', contactEmail: 'boris@example.ru', contactFields: { Должность: 'Менеджер' } });
    expect(out).toMatchObject({ contactCreated: true, contact: { name: 'Борис', phone: '+79990001122', email: 'boris@example.ru', fields: { Должность: 'Менеджер' } }, lead: { pipeline_name: 'Продажи', status_name: 'Новая заявка' } });
    const contact = sim.state.contacts.get(out.contact.id)!;
    expect(contact.name).toBe('Борис');
    expect(sim.state.leads.get(out.id)!.status_id).toBe(SEED.statuses.newRequest);
    expect(sim.stats.requests.some((r) => r.path === '/api/v4/leads/complex' && r.status === 200)).toBe(true);
  });

  it('run twice with one idempotency key: one lead, one contact', async () => {
    const store = memoryKv();
    const linked: { type: string; id: string | number }[] = [];
    const props = { name: 'Дважды', contactPhone: '+79001234000' };
    const a = await run('create_lead', props, { store, key: 'run-7:n3', linked });
    const b = await run('create_lead', props, { store, key: 'run-7:n3', attempt: 2, linked });
    expect(b).toEqual(a);
    // The lead is the counterpart of the run's source entity.
    expect(linked).toEqual([{ type: 'lead', id: a.id }]);
    expect(leadsNamed('Дважды')).toHaveLength(1);
    expect(contactsWithPhone('79001234000')).toHaveLength(1);
  });

  it('a lost answer of the complex write, then a retry: still one lead and one contact', async () => {
    const store = memoryKv();
    const props = { name: 'Потерянный ответ', pipelineId: SEED.pipelines.sales, contactName: 'Вера', contactPhone: '+79005556677' };
    proxy.loseAnswer('POST', '/api/v4/leads/complex');
    const first = await run('create_lead', props, { store, key: 'run-9:n3', via: lossy }).catch((e) => e);
    expect(first).toBeInstanceOf(OperationalError);
    expect(proxy.lost).toBe(1);
    // The write did happen.
    expect(leadsNamed('Потерянный ответ')).toHaveLength(1);
    const retry = await run('create_lead', props, { store, key: 'run-9:n3', via: lossy, attempt: 2 });
    expect(leadsNamed('Потерянный ответ')).toHaveLength(1);
    expect(contactsWithPhone('79005556677')).toHaveLength(1);
    expect(retry).toMatchObject({ id: leadsNamed('Потерянный ответ')[0]!.id, contactCreated: true, contact: { name: 'Вера', phone: '+79005556677' } });
  });

  it('a lost answer of a plain lead write, then a retry: still one lead', async () => {
    const store = memoryKv();
    const props = { name: 'Без контакта', fields: { Источник: 'Звонок' } };
    proxy.loseAnswer('POST', '/api/v4/leads');
    await expect(run('create_lead', props, { store, key: 'run-10:n3', via: lossy })).rejects.toBeInstanceOf(OperationalError);
    const retry = await run('create_lead', props, { store, key: 'run-10:n3', via: lossy, attempt: 2 });
    expect(leadsNamed('Без контакта')).toHaveLength(1);
    expect(retry.id).toBe(leadsNamed('Без контакта')[0]!.id);
  });

  it('dry run: reads (the contact search) but only describes the write', async () => {
    const before = sim.state.leads.size;
    const out = await run('create_lead', { name: 'Пробная', pipelineId: SEED.pipelines.partners, fields: { Город: 'Москва' }, contactPhone: '+79180000001' }, { dryRun: true });
    expect(out).toEqual({
      dryRun: true,
      contact: null,
      request: {
        method: 'POST',
        url: `${sim.url}/api/v4/leads/complex`,
        body: [
          {
            name: 'Пробная',
            pipeline_id: SEED.pipelines.partners,
            custom_fields_values: [{ field_id: 512001, values: [{ enum_id: expect.any(Number) }] }],
            _embedded: { contacts: [{ name: '+79180000001', custom_fields_values: [{ field_code: 'PHONE', values: [{ value: '+79180000001', enum_code: 'WORK' }] }] }] },
          },
        ],
      },
    });
    expect(sim.state.leads.size).toBe(before);
  });

  it('refuses what AmoCRM would refuse, before writing, in Russian', async () => {
    const err = await run('create_lead', { name: 'X', pipelineId: SEED.pipelines.partners, statusId: SEED.statuses.negotiation }).catch((e) => e);
    expect(err).toBeInstanceOf(UserError);
    expect(err.message).toBe(`В воронке «Партнёры» нет статуса ${SEED.statuses.negotiation}: выберите статус заново или обновите метаданные.`);
    await expect(run('create_lead', { fields: { Город: 'Казань' } })).rejects.toThrow(/значения «Казань» нет в списке/);
  });
});
