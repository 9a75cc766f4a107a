import qs from 'qs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { triggerOutputs } from '../../../core/sdk/testing.ts';
import type { TriggerDefinition } from '../../../core/sdk/index.ts';
import amocrm from '../index.ts';
import type { AmoMetadata } from '../metadata/amo-metadata.types.ts';
import { SEED, type AmoSimulator } from '../simulator/amo-simulator.ts';
import { startHookReceiver, type HookReceiver } from '../simulator/sim-test-kit.ts';
import { QS_OPTIONS } from '../webhook/amo-webhook.fixtures.ts';
import { startSim, tokenRemote, type TestAmoRemote } from './amo-test-kit.ts';

const CONN = '5b0e6c2a-1f0e-4c1e-9a43-2d7c5e1f0a01';
const sync = amocrm.connection!.webhooks!.sync;
const every = (type: string, props: Record<string, unknown> = {}) => ({ workflowId: 'w-' + type, type: `amocrm.${type}`, props: { connectionId: CONN, ...props } });
const ALL_TRIGGERS = ['lead_added', 'lead_status_changed', 'lead_updated', 'lead_responsible_changed', 'lead_deleted', 'contact_added', 'contact_updated', 'company_added'].map((t) => every(t));

let sim: AmoSimulator;
let hook: HookReceiver;
let remote: TestAmoRemote;
let meta: AmoMetadata;

beforeAll(async () => {
  sim = await startSim();
  hook = await startHookReceiver();
  remote = tokenRemote(sim, undefined, { hookUrl: hook.url });
  meta = await remote.metadata<AmoMetadata>();
});
afterAll(async () => {
  await sim.close();
  await hook.close();
});

/** The body the simulator delivered for the change `fn` makes, as the ingest parses it. */
async function delivered(fn: () => void): Promise<{ body: unknown; rawBody: string }> {
  const before = hook.received.length;
  fn();
  await sim.flushWebhooks();
  expect(hook.received.length).toBe(before + 1);
  const raw = hook.received.at(-1)!.body;
  return { body: qs.parse(raw, QS_OPTIONS), rawBody: raw };
}

const outputs = (request: { body: unknown; rawBody: string }, trigger: string, props: Record<string, unknown> = {}) =>
  triggerOutputs(amocrm, trigger, request, { connectionId: CONN, ...props }, meta) as any[];

describe('webhook subscription', () => {
  it('subscribes hookUrl to the events the active triggers need, replaces them, and unsubscribes when none is left', async () => {
    await sync(remote, { hookUrl: hook.url, triggers: [every('lead_status_changed'), every('note_added', { entity: 'any' }), every('lead_status_changed')] });
    expect(sim.state.webhooks).toHaveLength(1);
    expect(sim.state.webhooks[0]).toMatchObject({ destination: hook.url, settings: ['note_company', 'note_contact', 'note_lead', 'status_lead'] });
    expect((await remote.state.get('webhook'))?.value).toMatchObject({ destination: hook.url, settings: ['note_company', 'note_contact', 'note_lead', 'status_lead'] });

    await sync(remote, { hookUrl: hook.url, triggers: [every('lead_added')] });
    expect(sim.state.webhooks.map((w) => [w.destination, w.settings])).toEqual([[hook.url, ['add_lead']]]);

    await sync(remote, { hookUrl: hook.url, triggers: [] });
    expect(sim.state.webhooks).toEqual([]);
    expect(await remote.state.get('webhook')).toBeUndefined();
  });

  it('moves the subscription when the hook address changes', async () => {
    await sync(remote, { hookUrl: `${hook.url}?v=1`, triggers: [every('lead_added')] });
    await sync(remote, { hookUrl: hook.url, triggers: [every('lead_added')] });
    expect(sim.state.webhooks.map((w) => w.destination)).toEqual([hook.url]);
  });
});

describe('triggers on the simulator’s real webhook bodies', () => {
  beforeAll(async () => {
    await sync(remote, { hookUrl: hook.url, triggers: [...ALL_TRIGGERS, every('note_added', { entity: 'any' })] });
  });

  it('lead_added: fields by name (list as text, number, date), pipeline filter', async () => {
    const req = await delivered(() =>
      sim.admin.createLead({ name: 'Заявка с сайта', price: 45000, pipeline: 'Продажи', status: 'Новая заявка', fields: { Город: 'Краснодар', Количество: 3, 'Дата встречи': '2025-03-05', Услуги: ['Доставка', 'Монтаж'] } }),
    );
    const [out, ...rest] = outputs(req, 'lead_added', { pipelineId: SEED.pipelines.sales });
    expect(rest).toEqual([]);
    expect(out.lead).toMatchObject({
      name: 'Заявка с сайта',
      price: 45000,
      pipeline_id: SEED.pipelines.sales,
      status_id: SEED.statuses.newRequest,
      pipeline_name: 'Продажи',
      status_name: 'Новая заявка',
      responsible_user_id: SEED.users.admin,
      fields: { Город: 'Краснодар', Количество: 3, 'Дата встречи': '2025-03-05', Услуги: ['Доставка', 'Монтаж'] },
    });
    expect(out.account).toEqual({ id: sim.accountId, subdomain: 'simulator', url: sim.url });
    expect(outputs(req, 'lead_added', { pipelineId: SEED.pipelines.partners })).toEqual([]);
    expect(outputs(req, 'lead_status_changed')).toEqual([]);
  });

  it('lead_status_changed: one run for `status` + `update` in one body, filters by pipeline, status and previous status', async () => {
    const lead = sim.admin.createLead({ name: 'Переезд', pipeline: 'Продажи', status: 'Новая заявка', fields: { Город: 'Краснодар' } });
    await sim.flushWebhooks();
    const req = await delivered(() => sim.admin.moveLeadByName(lead.id, 'Продажи', 'Переговоры'));
    expect(req.rawBody).toContain(encodeURIComponent('leads[status][0][id]'));
    expect(req.rawBody).toContain(encodeURIComponent('leads[update][0][id]'));
    const props = { pipelineId: SEED.pipelines.sales, statusId: SEED.statuses.negotiation };
    const outs = outputs(req, 'lead_status_changed', props);
    expect(outs).toHaveLength(1);
    expect(outs[0].lead).toMatchObject({ id: lead.id, status_id: SEED.statuses.negotiation, old_status_id: SEED.statuses.newRequest, status_name: 'Переговоры', old_status_name: 'Новая заявка', fields: { Город: 'Краснодар' } });
    expect(outputs(req, 'lead_status_changed', { ...props, fromStatusId: SEED.statuses.newRequest })).toHaveLength(1);
    expect(outputs(req, 'lead_status_changed', { ...props, fromStatusId: SEED.statuses.decision })).toEqual([]);
    expect(outputs(req, 'lead_status_changed', { ...props, statusId: SEED.statuses.decision })).toEqual([]);
    expect(outputs(req, 'lead_status_changed', { pipelineId: SEED.pipelines.partners })).toEqual([]);
    expect(outputs(req, 'lead_status_changed', {})).toHaveLength(1);
    // A broken template in a filter matches nothing rather than everything.
    expect(outputs(req, 'lead_status_changed', { statusId: '{{nope}}' })).toEqual([]);
    expect(outputs(req, 'lead_updated', { pipelineId: SEED.pipelines.sales })).toHaveLength(1);
  });

  it('lead_status_changed into 142 matches by status alone in any pipeline', async () => {
    const lead = sim.admin.createLead({ name: 'Победа', pipeline: 'Партнёры', status: 'Первичный контакт' });
    await sim.flushWebhooks();
    const req = await delivered(() => sim.admin.moveLead(lead.id, 142));
    expect(outputs(req, 'lead_status_changed', { statusId: 142 })).toHaveLength(1);
    expect(outputs(req, 'lead_status_changed', { pipelineId: SEED.pipelines.partners, statusId: 142 })[0].lead.status_name).toBe('Успешно реализовано');
    expect(outputs(req, 'lead_status_changed', { pipelineId: SEED.pipelines.sales, statusId: 142 })).toEqual([]);
  });

  it('lead_updated, lead_responsible_changed and lead_deleted', async () => {
    const lead = sim.admin.createLead({ name: 'Изменения', pipeline: 'Продажи' });
    await sim.flushWebhooks();
    const updated = await delivered(() => sim.admin.updateLead(lead.id, { fields: { Комментарий: 'Перезвонить в пятницу' } }));
    expect(outputs(updated, 'lead_updated')[0].lead.fields).toEqual({ Комментарий: 'Перезвонить в пятницу' });

    const responsible = await delivered(() => sim.admin.updateLead(lead.id, { responsibleUserId: SEED.users.ivan }));
    const [resp] = outputs(responsible, 'lead_responsible_changed', { responsibleUserId: SEED.users.ivan });
    expect(resp.lead).toMatchObject({ responsible_user_id: SEED.users.ivan, old_responsible_user_id: SEED.users.admin });
    expect(outputs(responsible, 'lead_responsible_changed', { responsibleUserId: SEED.users.anna })).toEqual([]);

    const deleted = await delivered(() => sim.admin.deleteLead(lead.id));
    expect(outputs(deleted, 'lead_deleted', { pipelineId: SEED.pipelines.sales })).toEqual([expect.objectContaining({ lead: expect.objectContaining({ id: lead.id }) })]);
    expect(outputs(deleted, 'lead_deleted', { pipelineId: SEED.pipelines.partners })).toEqual([]);
  });

  it('contact_added and contact_updated carry the phone in E.164 and the email; company_added', async () => {
    let id = 0;
    const added = await delivered(() => {
      id = sim.admin.createContact({ name: 'Иван Петров', phone: '8 (918) 123-45-67', email: 'ivan@example.ru', fields: { Должность: 'Директор' } }).id;
    });
    const [c] = outputs(added, 'contact_added');
    expect(c.contact).toMatchObject({ id, name: 'Иван Петров', phone: '+79181234567', email: 'ivan@example.ru', fields: { Должность: 'Директор' } });
    const updated = await delivered(() => sim.admin.updateContact(id, { phone: ['+7 918 123-45-67', '8 861 200 00 00'] }));
    expect(outputs(updated, 'contact_updated')[0].contact.phones).toEqual(['+79181234567', '+78612000000']);
    expect(outputs(updated, 'contact_added')).toEqual([]);

    const company = await delivered(() => sim.admin.createCompany({ name: 'ООО «Ромашка»', phone: '88612000000' }));
    expect(outputs(company, 'company_added')[0].company).toMatchObject({ name: 'ООО «Ромашка»', phone: '+78612000000' });
    expect(outputs(company, 'contact_added')).toEqual([]);
  });

  it('note_added, by the entity it belongs to', async () => {
    const lead = sim.admin.createLead({ name: 'С примечанием' });
    await sim.flushWebhooks();
    const req = await delivered(() => sim.admin.addNote({ entityType: 'leads', entityId: lead.id, text: 'Клиент просит перезвонить' }));
    expect(outputs(req, 'note_added', { entity: 'lead' })[0].note).toMatchObject({ text: 'Клиент просит перезвонить', element_id: lead.id, entity: 'lead' });
    expect(outputs(req, 'note_added', { entity: 'any' })).toHaveLength(1);
    expect(outputs(req, 'note_added', { entity: 'contact' })).toEqual([]);
  });

  it('loadContacts: the lead’s main contact and all its contacts, read through the API', async () => {
    const main = sim.admin.createContact({ name: 'Мария', phone: '+7 (903) 111-22-33', email: 'maria@example.ru', fields: { Город: 'Москва' } });
    const other = sim.admin.createContact({ name: 'Олег', phone: '89034445566' });
    const lead = sim.admin.createLead({ name: 'С контактами', pipeline: 'Продажи', status: 'Новая заявка', contactIds: [main.id, other.id] });
    await sim.flushWebhooks();
    const req = await delivered(() => sim.admin.moveLeadByName(lead.id, 'Продажи', 'Переговоры'));
    const def = amocrm.nodes.find((n) => n.id === 'lead_status_changed') as TriggerDefinition;
    const [output] = outputs(req, 'lead_status_changed', { loadContacts: true });
    const enriched = (await def.enrich!({ props: def.props.parse({ connectionId: CONN, loadContacts: true }), output, remote, dryRun: false })) as any;
    expect(enriched.lead.contact).toEqual({ id: main.id, name: 'Мария', phone: '+79031112233', email: 'maria@example.ru', phones: ['+79031112233'], emails: ['maria@example.ru'], fields: expect.objectContaining({ Город: 'Москва' }) });
    expect(enriched.lead.contacts.map((c: { id: number }) => c.id)).toEqual([main.id, other.id]);
    expect(enriched.lead.contacts[1].phone).toBe('+79034445566');
    expect(enriched.lead.name).toBe('С контактами');
    // Without the prop nothing is read.
    const requests = sim.stats.requests.length;
    expect(await def.enrich!({ props: def.props.parse({ connectionId: CONN }), output, remote, dryRun: false })).toBe(output);
    expect(sim.stats.requests.length).toBe(requests);
  });
});
