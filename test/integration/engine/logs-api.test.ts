import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../support/test-app.ts';
import { startTargetServer, waitFor } from '../../support/target-server.ts';
import { activeWorkflow } from '../../support/workflow-graphs.ts';
import type { Graph } from '../../../core/graph/graph.schema.ts';
import type { HttpTestClient } from '../../support/http-client.ts';

/** What «Логи» read beyond the lists: replay only of parsed events, one event by id, links of a run, durations without waiting. */
let app: TestApp;
let alice: HttpTestClient;
let bob: HttpTestClient;
let aliceTenant: string;
let bobTenant: string;

beforeAll(async () => {
  app = await createTestApp({ worker: true, env: { RETRY_BASE_MS: '1000' } });
  alice = app.client();
  bob = app.client();
  aliceTenant = (await alice.register('logs-alice@example.ru')).tenant.id;
  bobTenant = (await bob.register('logs-bob@example.ru')).tenant.id;
});
afterAll(() => app?.close());

const webhookToHttp = (url: string): Graph => ({
  schemaVersion: 1,
  nodes: [
    { id: 'n1', type: 'webhook.catch', version: 1, position: { x: 0, y: 0 }, props: {} },
    { id: 'n2', type: 'http.request', version: 1, position: { x: 250, y: 0 }, props: { method: 'POST', url, headers: {}, body: '{"id": "{{trigger.body.id}}"}', timeoutMs: 3000 } },
  ],
  edges: [{ id: 'e1', source: 'n1', sourceHandle: 'out', target: 'n2', targetHandle: 'in' }],
});

const send = (path: string, body: string, type = 'application/json') => fetch(app.url + path, { method: 'POST', headers: { 'content-type': type }, body });

describe('replay of events', () => {
  it('is refused with a Russian 422 for a body that failed to parse, and offered for one that parsed', async () => {
    const target = await startTargetServer();
    try {
      const wf = await activeWorkflow(alice, webhookToHttp(`${target.url}/ok`), 'Повторы');
      const bad = await send(wf.hookPath, '{"id": 1,');
      expect(bad.status).toBe(400);
      const badId = ((await bad.json()) as { error: { details: { eventId: string } } }).error.details.eventId;
      const good = (await (await send(wf.hookPath, '{"id": 2}')).json()) as { eventId: string };
      await waitFor(async () => (await alice.get(`/api/runs?eventId=${good.eventId}&status=succeeded`)).body.items[0], 15_000, 'run of the good event');

      const events = (await alice.get(`/api/events?workflowId=${wf.id}`)).body.items as { id: string; status: string; parsed: boolean }[];
      expect(events.find((e) => e.id === badId)).toMatchObject({ status: 'failed', parsed: false });
      expect(events.find((e) => e.id === good.eventId)).toMatchObject({ status: 'dispatched', parsed: true });

      const refused = await alice.post(`/api/events/${badId}/replay`);
      expect(refused.status).toBe(422);
      expect(refused.body.error).toMatchObject({ code: 'EVENT_NOT_PARSED', message: 'Событие не разобрано: повторять нечего' });
      expect((await alice.get(`/api/runs?eventId=${badId}`)).body.total).toBe(0);

      const replayed = await alice.post(`/api/events/${good.eventId}/replay`);
      expect(replayed.status).toBe(201);
      expect(replayed.body.runs).toHaveLength(1);
    } finally {
      await target.close();
    }
  });

  it('finds one event by id, in its own tenant only', async () => {
    const wf = await activeWorkflow(alice, webhookToHttp('http://127.0.0.1:9/never'), 'Одно событие');
    const { eventId } = (await (await send(wf.hookPath, '{"id": 3, "name": "Иван"}')).json()) as { eventId: string };
    const mine = await alice.get(`/api/events?id=${eventId}`);
    expect(mine.body.items.map((e: { id: string }) => e.id)).toEqual([eventId]);
    expect(mine.body.total).toBe(1);
    expect((await bob.get(`/api/events?id=${eventId}`)).body).toMatchObject({ items: [], total: 0 });
    expect((await alice.get('/api/events?id=not-an-id')).status).toBe(422);
  });
});

describe('run detail', () => {
  it('carries the cross-system links the run created, never another tenant\'s', async () => {
    const target = await startTargetServer();
    try {
      const wf = await activeWorkflow(alice, webhookToHttp(`${target.url}/ok`), 'Связи');
      await send(wf.hookPath, '{"id": 4}');
      const run = await waitFor(async () => (await alice.get(`/api/runs?workflowId=${wf.id}&status=succeeded`)).body.items[0], 15_000, 'run');
      const amo = { system: 'amocrm', type: 'lead', id: '123' };
      const lpt = { system: 'lptracker', type: 'lead', id: '456' };
      await app.c.links.link(aliceTenant, amo, lpt, run.id);
      // The same run id in another tenant's row must not leak into Alice's run.
      await app.c.links.link(bobTenant, { ...amo, id: '999' }, { ...lpt, id: '888' }, run.id);

      const detail = (await alice.get(`/api/runs/${run.id}`)).body;
      // Named in each service's words; no card address without a connection of that CRM in the run.
      expect(detail.links).toEqual([{
        a: { ...amo, systemTitle: 'AmoCRM', typeTitle: 'сделка', url: null },
        b: { ...lpt, systemTitle: 'LPTracker', typeTitle: 'лид', url: null },
      }]);
      expect(detail.steps.length).toBeGreaterThan(0);
      expect((await bob.get(`/api/runs/${run.id}`)).status).toBe(404);
    } finally {
      await target.close();
    }
  });

  it('a run retried after a transient error: its duration is the last attempt\'s work, not the wait between attempts', async () => {
    const flaky = await startTargetServer({ statuses: [503, 200] });
    try {
      const wf = await activeWorkflow(alice, webhookToHttp(`${flaky.url}/flaky`), 'Повтор после сбоя');
      await send(wf.hookPath, '{"id": 5}');
      const run = await waitFor(async () => (await alice.get(`/api/runs?workflowId=${wf.id}&status=succeeded`)).body.items[0], 15_000, 'retried run');
      expect(run).toMatchObject({ attempts: 2, verdict: 'done' });
      const wall = Date.parse(run.finishedAt) - Date.parse(run.startedAt);
      // The backoff before attempt 2 is 500–1000 ms; the attempt itself is one local request.
      expect(wall).toBeGreaterThanOrEqual(450);
      expect(run.durationMs).toBeLessThan(400);
      const detail = (await alice.get(`/api/runs/${run.id}`)).body;
      expect(detail.durationMs).toBe(run.durationMs);
      expect(detail.steps.find((s: { nodeId: string }) => s.nodeId === 'n2')).toMatchObject({ attempt: 2, status: 'succeeded' });
    } finally {
      await flaky.close();
    }
  });

  it('a failing run waiting for its retry says so (attempt, next time); cancelled, it reads cancelled', async () => {
    const down = await startTargetServer({ statuses: Array(20).fill(503) });
    try {
      const wf = await activeWorkflow(alice, webhookToHttp(`${down.url}/down`), 'Недоступен');
      await send(wf.hookPath, '{"id": 6}');
      const run = await waitFor(async () => {
        const r = (await alice.get(`/api/runs?workflowId=${wf.id}`)).body.items[0];
        return r?.verdict === 'retrying' && r.status === 'queued' ? r : undefined;
      }, 15_000, 'retrying run');
      expect(run.attempts).toBeGreaterThanOrEqual(1);
      expect(run.maxAttempts).toBe(8);
      expect(Date.parse(run.nextAttemptAt)).toBeGreaterThan(Date.now() - 2000);
      const stats = (await alice.get(`/api/workflows/${wf.id}`)).body.stats24h;
      expect(stats).toMatchObject({ runs: 1, failed: 0 });

      const cancelled = await alice.post(`/api/runs/${run.id}/cancel`);
      expect(cancelled.status).toBe(200);
      expect(cancelled.body).toMatchObject({ status: 'cancelled', verdict: 'cancelled', nextAttemptAt: null, links: [] });
    } finally {
      await down.close();
    }
  });
});
