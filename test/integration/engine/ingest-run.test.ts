import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../support/test-app.ts';
import { startTargetServer, waitFor } from '../../support/target-server.ts';
import { activeWorkflow, webhookConditionHttp } from '../../support/workflow-graphs.ts';
import type { HttpTestClient } from '../../support/http-client.ts';

let app: TestApp;
let target: Awaited<ReturnType<typeof startTargetServer>>;
let client: HttpTestClient;

beforeAll(async () => {
  app = await createTestApp({ worker: true, env: { RETRY_BASE_MS: '50' } });
  target = await startTargetServer();
  client = app.client();
  await client.register('engine@example.ru');
});
afterAll(async () => {
  await app.close();
  await target.close();
});

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(app.url + path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

describe('webhook → run → steps', () => {
  it('acknowledges after commit, then runs every node and records each step', async () => {
    const wf = await activeWorkflow(client, webhookConditionHttp(`${target.url}/leads`));
    const res = await post(wf.hookPath, { lead: { name: 'Иван', phone: '8 (918) 123-45-67', city: 'Краснодар' } });
    expect(res.status).toBe(200);
    const ack = await res.json();
    expect(ack).toEqual({ ok: true, eventId: expect.any(String) });

    const run = await waitFor(async () => {
      const list = await client.get(`/api/runs?workflowId=${wf.id}`);
      return list.body.items.find((r: { status: string }) => r.status === 'succeeded');
    }, 15_000, 'succeeded run');
    expect(run.eventId).toBe(ack.eventId);
    const detail = await client.get(`/api/runs/${run.id}`);
    expect(detail.body.steps.map((s: { nodeId: string; status: string }) => [s.nodeId, s.status])).toEqual([
      ['n1', 'succeeded'], ['n2', 'succeeded'], ['n3', 'succeeded'],
    ]);
    expect(detail.body.steps[1]).toMatchObject({ branch: 'true', output: { branch: 'true' } });
    expect(detail.body.steps[2].output).toMatchObject({ status: 200, body: { ok: true } });
    expect(target.received.at(-1)!.body).toBe('{"name": "Иван", "phone": "+79181234567"}');
    expect(target.received.at(-1)!.headers['idempotency-key']).toBe(`${run.id}:n3`);

    const events = await client.get(`/api/events?workflowId=${wf.id}`);
    expect(events.body.items[0]).toMatchObject({ id: ack.eventId, status: 'dispatched', runIds: [run.id], body: { lead: { city: 'Краснодар' } } });
  });

  it('follows the false branch: no request, run succeeds', async () => {
    const before = target.count;
    const wf = await activeWorkflow(client, webhookConditionHttp(`${target.url}/leads`), 'Ложная ветка');
    const ack = await (await post(wf.hookPath, { lead: { name: 'Пётр', city: 'Москва' } })).json();
    const run = await waitFor(async () => (await client.get(`/api/runs?workflowId=${wf.id}&status=succeeded`)).body.items[0], 15_000);
    expect(run.eventId).toBe(ack.eventId);
    const detail = await client.get(`/api/runs/${run.id}`);
    expect(detail.body.steps.map((s: { nodeId: string }) => s.nodeId)).toEqual(['n1', 'n2']);
    expect(target.count).toBe(before);
  });

  it('parses AmoCRM-style form bodies with PHP nested keys', async () => {
    const graph = webhookConditionHttp(`${target.url}/form`);
    (graph.nodes[1]!.props as any).group.rules[0] = { left: '{{trigger.body.leads.status[0].status_id}}', op: 'eq', right: '142' };
    (graph.nodes[2]!.props as any).body = '{"lead": "{{trigger.body.leads.status[0].id}}"}';
    const wf = await activeWorkflow(client, graph, 'Форма');
    const res = await fetch(app.url + wf.hookPath, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'leads%5Bstatus%5D%5B0%5D%5Bid%5D=5&leads%5Bstatus%5D%5B0%5D%5Bstatus_id%5D=142',
    });
    expect(res.status).toBe(200);
    await waitFor(() => target.received.find((r) => r.url === '/form'), 15_000, 'form request');
    expect(target.received.find((r) => r.url === '/form')!.body).toBe('{"lead": "5"}');
  });
});

describe('ingest edge cases', () => {
  it('answers 404 for an unknown or revoked token', async () => {
    expect((await post('/hooks/no-such-token-at-all', {})).status).toBe(404);
    const wf = await activeWorkflow(client, webhookConditionHttp(`${target.url}/x`), 'Отзыв');
    const rotated = await client.post(`/api/workflows/${wf.id}/hook-token`);
    expect(rotated.status).toBe(200);
    const res = await post(wf.hookPath, { a: 1 });
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe('HOOK_NOT_FOUND');
    expect((await post(new URL(rotated.body.hookUrl).pathname, { a: 1 })).status).toBe(200);
  });

  it('refuses bodies over 1 MB with 413', async () => {
    const wf = await activeWorkflow(client, webhookConditionHttp(`${target.url}/x`), 'Большое');
    const res = await post(wf.hookPath, { big: 'x'.repeat(1024 * 1024 + 10) });
    expect(res.status).toBe(413);
    expect((await res.json()).error.message).toMatch(/[а-я]/);
  });

  it('stores a malformed JSON body as a failed event and answers 400', async () => {
    const wf = await activeWorkflow(client, webhookConditionHttp(`${target.url}/x`), 'Кривой JSON');
    const res = await fetch(app.url + wf.hookPath, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"lead":' });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.code).toBe('WEBHOOK_BODY_INVALID');
    const events = await client.get(`/api/events?workflowId=${wf.id}`);
    expect(events.body.items[0]).toMatchObject({ id: body.error.details.eventId, status: 'failed', body: { raw: '{"lead":' } });
  });

  it('stores requests to an inactive workflow as skipped', async () => {
    const wf = await activeWorkflow(client, webhookConditionHttp(`${target.url}/x`), 'Выключенное');
    await client.post(`/api/workflows/${wf.id}/deactivate`);
    const res = await post(wf.hookPath, { lead: { city: 'Краснодар' } });
    expect(res.status).toBe(200);
    const events = await client.get(`/api/events?workflowId=${wf.id}`);
    expect(events.body.items[0]).toMatchObject({ status: 'skipped', reason: expect.stringMatching(/выключено/) });
    expect((await client.get(`/api/runs?workflowId=${wf.id}`)).body.total).toBe(0);
  });

  it('makes one run of duplicates and records the duplicate', async () => {
    const wf = await activeWorkflow(client, webhookConditionHttp(`${target.url}/dup`), 'Дубли');
    const body = { lead: { name: 'Дубль', city: 'Краснодар' } };
    const [a, b, c] = await Promise.all([post(wf.hookPath, body), post(wf.hookPath, body), post(wf.hookPath, body)]);
    const acks = await Promise.all([a.json(), b.json(), c.json()]);
    expect(acks.filter((x) => x.duplicate)).toHaveLength(2);
    await waitFor(async () => (await client.get(`/api/runs?workflowId=${wf.id}&status=succeeded`)).body.total === 1, 15_000);
    const events = (await client.get(`/api/events?workflowId=${wf.id}`)).body.items;
    const original = events.find((e: { status: string }) => e.status === 'dispatched');
    expect(events.filter((e: { status: string; duplicateOf: string }) => e.status === 'duplicate' && e.duplicateOf === original.id)).toHaveLength(2);
    await new Promise((r) => setTimeout(r, 300));
    expect((await client.get(`/api/runs?workflowId=${wf.id}`)).body.total).toBe(1);
  });

  it('dedupes by a key the trigger declares', async () => {
    const wf = await activeWorkflow(client, webhookConditionHttp(`${target.url}/key`, { dedupeBy: '{{body.lead.id}}' }), 'Ключ');
    const r1 = await (await post(wf.hookPath, { lead: { id: 7, city: 'Краснодар', v: 1 } })).json();
    const r2 = await (await post(wf.hookPath, { lead: { id: 7, city: 'Краснодар', v: 2 } })).json();
    const r3 = await (await post(wf.hookPath, { lead: { id: 8, city: 'Краснодар' } })).json();
    expect([r1.duplicate, r2.duplicate, r3.duplicate]).toEqual([undefined, true, undefined]);
  });

  it('checks the secret header and never stores it', async () => {
    const wf = await activeWorkflow(client, webhookConditionHttp(`${target.url}/s`, { secretHeader: 'X-Secret', secretValue: 'tsss-123-secret' }), 'Секрет');
    const saved = await client.get(`/api/workflows/${wf.id}`);
    expect(JSON.stringify(saved.body)).not.toContain('tsss-123-secret');
    expect((await post(wf.hookPath, { lead: {} })).status).toBe(401);
    expect((await post(wf.hookPath, { lead: {} }, { 'x-secret': 'wrong' })).status).toBe(401);
    const ok = await post(wf.hookPath, { lead: {} }, { 'x-secret': 'tsss-123-secret' });
    expect(ok.status).toBe(200);
    const events = (await client.get(`/api/events?workflowId=${wf.id}`)).body.items;
    expect(events[0].headers['x-secret']).toBe('[скрыто]');
    const logs = await client.get(`/api/logs?source=webhook&workflowId=${wf.id}`);
    expect(logs.body.items[0].message).toMatch(/отклонён/);
  });
});
