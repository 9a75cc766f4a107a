import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../../../core/graph/graph.schema.ts';
import { createTestApp, type TestApp } from '../../support/test-app.ts';
import { startTargetServer } from '../../support/target-server.ts';
import { activeWorkflow } from '../../support/workflow-graphs.ts';
import type { HttpTestClient } from '../../support/http-client.ts';

/**
 * Rules cannot make the server call itself or its neighbours. Every form of a loopback address is
 * refused here, in a real run and in a test run, without traffic leaving the machine (the
 * classifier's every form is unit-tested in core/net; redirects and DNS in core/net/egress-*.test.ts).
 */
let app: TestApp;
let client: HttpTestClient;
let target: Awaited<ReturnType<typeof startTargetServer>>;

beforeAll(async () => {
  app = await createTestApp({ worker: true, env: { EGRESS_ALLOW: '' } });
  client = app.client();
  await client.register('egress@example.ru');
  target = await startTargetServer();
});
afterAll(async () => {
  await target.close();
  await app.close();
});

const rule = (url: string): Graph => ({
  schemaVersion: 1,
  nodes: [
    { id: 't', type: 'webhook.catch', version: 1, position: { x: 0, y: 0 }, props: {} },
    { id: 'h', type: 'http.request', version: 1, position: { x: 250, y: 0 }, props: { method: 'GET', url, timeoutMs: 3000 } },
  ],
  edges: [{ id: 'e', source: 't', sourceHandle: 'out', target: 'h', targetHandle: 'in' }],
});

describe('egress policy on rules', () => {
  it('fails a run that calls a loopback address, at once (not retried), naming the host in Russian', async () => {
    const port = new URL(target.url).port;
    const wf = await activeWorkflow(client, rule(`http://127.0.0.1:${port}/metrics`), 'Внутрь');
    await fetch(app.url + wf.hookPath, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    await expect.poll(async () => (await client.get(`/api/runs?workflowId=${wf.id}`)).body.items[0]?.status, { timeout: 10_000 }).toBe('failed');
    const run = (await client.get(`/api/runs?workflowId=${wf.id}`)).body.items[0];
    expect(run.error.code).toBe('EGRESS_FORBIDDEN');
    expect(run.error.message).toMatch(/Запрос к адресу «127\.0\.0\.1» запрещён политикой исходящих запросов/);
    expect(run.attempts).toBe(1);
    expect(target.count).toBe(0);
  });

  it('refuses every spelling of loopback in a test run, open port or closed alike', async () => {
    const port = new URL(target.url).port;
    const created = await client.post('/api/workflows', { name: 'Формы', graph: rule('http://x') });
    const messages: string[] = [];
    for (const url of [
      `http://localhost:${port}/`, `http://127.1:${port}/`, `http://2130706433:${port}/`, `http://0x7f000001:${port}/`,
      `http://[::1]:${port}/`, `http://[::ffff:127.0.0.1]:${port}/`, `http://0.0.0.0:${port}/`, 'http://127.0.0.1:1/',
    ]) {
      const res = await client.post(`/api/workflows/${created.body.id}/test-run`, { graph: rule(url), event: { body: {} } });
      expect(res.body.status).toBe('failed');
      expect(res.body.error.code).toBe('EGRESS_FORBIDDEN');
      messages.push(res.body.error.message.replace(/«[^»]*»/, '«…»'));
    }
    // An open port and a closed one answer the same: no port scanning through rules.
    expect(new Set(messages).size).toBe(1);
    expect(target.count).toBe(0);
  });
});
