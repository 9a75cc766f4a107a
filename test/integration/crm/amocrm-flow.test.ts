import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAmoSimulator, type AmoSimulator } from '../../../plugins/amocrm/simulator/amo-simulator.ts';
import { createTestApp, type TestApp } from '../../support/test-app.ts';
import { amoStatusToNote, connect, optionId } from '../../support/crm-graphs.ts';
import { activeWorkflow } from '../../support/workflow-graphs.ts';
import type { HttpTestClient } from '../../support/http-client.ts';

/**
 * The AmoCRM flow end to end through the API: a change in the simulator → its real-format form
 * webhook → our ingest on the connection's address → the rule «статус сделки изменён в воронке
 * "Продажи" И Город = Краснодар» → a note back in the simulator, exactly once.
 */
let app: TestApp;
let sim: AmoSimulator;
let client: HttpTestClient;
let connectionId: string;
let token: string;

beforeAll(async () => {
  sim = await startAmoSimulator();
  app = await createTestApp({ worker: true });
  client = app.client();
  await client.register('amo-flow@example.ru');
  token = sim.issueLongLivedToken();
  const conn = await connect(client, 'amocrm', 'Основной аккаунт', { authType: 'token', subdomain: sim.subdomain, accessToken: token, baseUrl: sim.url });
  connectionId = conn.id;
});
afterAll(async () => {
  await app?.close();
  await sim?.close();
});

const notesOf = (leadId: number) => [...sim.state.notes.values()].filter((n) => n.entity_id === leadId);

describe('AmoCRM end to end', () => {
  it('shows the connection with its account, address and loaded reference data', async () => {
    const view = (await client.get(`/api/connections/${connectionId}`)).body;
    expect(view).toMatchObject({ plugin: 'amocrm', status: 'ok', oauthPending: false });
    expect(view.account).toBeTruthy();
    expect(view.hookUrl).toMatch(/\/hooks\//);
    expect(view.metadata.summary.map((s: { label: string }) => s.label)).toEqual(expect.arrayContaining(['Воронки', 'Статусы']));
    const meta = (await client.get(`/api/connections/${connectionId}/metadata`)).body;
    expect(meta.pipelines.map((p: { name: string }) => p.name)).toContain('Продажи');
    expect(meta.fetchedAt).toBeTruthy();
    expect(JSON.stringify(view)).not.toContain(token);
  });

  it('runs the rule on a real webhook and writes the note back once; a Moscow lead only passes the condition', async () => {
    const pipelineId = await optionId(client, connectionId, 'pipelines', 'Продажи');
    const statusId = await optionId(client, connectionId, 'statuses', 'Переговоры', { pipelineId: String(pipelineId) });
    const wf = await activeWorkflow(client, amoStatusToNote(connectionId, pipelineId, statusId, 'Сделка из Краснодара дошла до переговоров'), 'Краснодар → примечание');
    // Activation subscribed the connection's address to the events the trigger needs.
    const hookUrl = (await client.get(`/api/connections/${connectionId}`)).body.hookUrl;
    expect(sim.state.webhooks.find((w) => w.destination === hookUrl)?.settings).toEqual(expect.arrayContaining(['status_lead']));

    const krasnodar = sim.admin.createLead({ name: 'Сделка Краснодар', pipeline: 'Продажи', status: 'Новая заявка', fields: { Город: 'Краснодар' } });
    const moscow = sim.admin.createLead({ name: 'Сделка Москва', pipeline: 'Продажи', status: 'Новая заявка', fields: { Город: 'Москва' } });
    sim.admin.moveLeadByName(krasnodar.id, 'Продажи', 'Переговоры');
    sim.admin.moveLeadByName(moscow.id, 'Продажи', 'Переговоры');
    await sim.flushWebhooks();

    await expect.poll(() => notesOf(krasnodar.id).length, { timeout: 20_000 }).toBe(1);
    expect(notesOf(krasnodar.id)[0]).toMatchObject({ note_type: 'common' });
    await expect.poll(async () => (await client.get(`/api/runs?workflowId=${wf.id}`)).body.items.map((r: { verdict: string }) => r.verdict).sort(), { timeout: 20_000 })
      .toEqual(['done', 'filtered']);
    expect(notesOf(moscow.id)).toHaveLength(0);
    const runs = (await client.get(`/api/runs?workflowId=${wf.id}`)).body.items;
    expect(runs.find((r: { verdict: string }) => r.verdict === 'filtered').summary).toMatch(/не подошло/);

    // A redelivered body makes no second run, and the note is not written twice.
    const delivered = sim.deliveries.find((d) => d.url === hookUrl && d.body.includes(String(krasnodar.id)))!;
    const again = await fetch(hookUrl, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: delivered.body });
    expect(again.status).toBe(200);
    expect((await again.json()).duplicate).toBe(true);
    await new Promise((r) => setTimeout(r, 500));
    expect(notesOf(krasnodar.id)).toHaveLength(1);

    // Switching the rule off unsubscribes the address (no other rule listens on it).
    expect((await client.post(`/api/workflows/${wf.id}/deactivate`)).status).toBe(200);
    expect(sim.state.webhooks.find((w) => w.destination === hookUrl && !w.disabled)).toBeUndefined();
  });

  it('a status change sent as both update and status in one body starts one run of a status trigger', async () => {
    const pipelineId = await optionId(client, connectionId, 'pipelines', 'Продажи');
    const statusId = await optionId(client, connectionId, 'statuses', 'Принимают решение', { pipelineId: String(pipelineId) });
    const wf = await activeWorkflow(client, amoStatusToNote(connectionId, pipelineId, statusId, 'Решение'), 'Один запуск');
    // Another rule listens to lead updates: AmoCRM then sends the change as `update` AND `status`.
    await activeWorkflow(client, {
      schemaVersion: 1,
      nodes: [{ id: 't', type: 'amocrm.lead_updated', version: 1, position: { x: 0, y: 0 }, props: { connectionId } }],
      edges: [],
    }, 'Любое изменение');
    const lead = sim.admin.createLead({ name: 'Двойной', pipeline: 'Продажи', status: 'Новая заявка', fields: { Город: 'Краснодар' } });
    sim.admin.moveLeadByName(lead.id, 'Продажи', 'Принимают решение');
    await sim.flushWebhooks();
    await expect.poll(() => notesOf(lead.id).length, { timeout: 20_000 }).toBe(1);
    const body = sim.deliveries.filter((d) => d.body.includes(String(lead.id))).at(-1)!.body;
    expect(decodeURIComponent(body)).toContain('leads[status][0]');
    expect(decodeURIComponent(body)).toContain('leads[update][0]');
    expect((await client.get(`/api/runs?workflowId=${wf.id}`)).body.total).toBe(1);
  });
});
