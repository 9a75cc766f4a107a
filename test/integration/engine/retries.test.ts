import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../support/test-app.ts';
import { startTargetServer, waitFor } from '../../support/target-server.ts';
import { activeWorkflow } from '../../support/workflow-graphs.ts';
import type { Graph } from '../../../core/graph/graph.schema.ts';
import type { HttpTestClient } from '../../support/http-client.ts';

let app: TestApp;
let client: HttpTestClient;

beforeAll(async () => {
  app = await createTestApp({ worker: true, env: { RETRY_BASE_MS: '50' } });
  client = app.client();
  await client.register('retries@example.ru');
});
afterAll(() => app.close());

/** webhook → A (HTTP to first) → B (HTTP to second) */
function twoRequests(first: string, second: string): Graph {
  const http = (id: string, url: string, x: number) => ({
    id, type: 'http.request', version: 1, position: { x, y: 0 },
    props: { method: 'POST', url, headers: {}, body: '{"lead": "{{trigger.body.id}}"}', timeoutMs: 3000 },
  });
  return {
    schemaVersion: 1,
    nodes: [{ id: 'n1', type: 'webhook.catch', version: 1, position: { x: 0, y: 0 }, props: {} }, http('n2', first, 250), http('n3', second, 500)],
    edges: [
      { id: 'e1', source: 'n1', sourceHandle: 'out', target: 'n2', targetHandle: 'in' },
      { id: 'e2', source: 'n2', sourceHandle: 'out', target: 'n3', targetHandle: 'in' },
    ],
  };
}

const fire = (path: string, body: unknown) =>
  fetch(app.url + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('retries', () => {
  it('a server failing twice then succeeding yields one side effect, and earlier steps ran once', async () => {
    const first = await startTargetServer();
    const flaky = await startTargetServer({ statuses: [503, 503, 200] });
    try {
      const wf = await activeWorkflow(client, twoRequests(`${first.url}/a`, `${flaky.url}/b`));
      expect((await fire(wf.hookPath, { id: 1 })).status).toBe(200);
      const run = await waitFor(async () => (await client.get(`/api/runs?workflowId=${wf.id}&status=succeeded`)).body.items[0], 20_000, 'run to succeed');
      expect(run.attempts).toBe(3);
      expect(first.count).toBe(1);
      expect(flaky.count).toBe(1);
      const steps = (await client.get(`/api/runs/${run.id}`)).body.steps;
      expect(steps.find((s: { nodeId: string }) => s.nodeId === 'n2')).toMatchObject({ status: 'succeeded', attempt: 1 });
      expect(steps.find((s: { nodeId: string }) => s.nodeId === 'n3')).toMatchObject({ status: 'succeeded', attempt: 3 });
    } finally {
      await first.close();
      await flaky.close();
    }
  });

  it('a UserError (HTTP 4xx) fails the run at once, without retries, and logs it', async () => {
    const rejecting = await startTargetServer({ statuses: [422, 422, 422] });
    try {
      const wf = await activeWorkflow(client, twoRequests(`${rejecting.url}/a`, `${rejecting.url}/b`), 'Отказ');
      await fire(wf.hookPath, { id: 2 });
      const run = await waitFor(async () => (await client.get(`/api/runs?workflowId=${wf.id}&status=failed`)).body.items[0], 15_000, 'failed run');
      expect(run.attempts).toBe(1);
      expect(run.error).toEqual({ code: 'HTTP_CLIENT_ERROR', message: 'Сервер отклонил запрос: 422' });
      await new Promise((r) => setTimeout(r, 400));
      expect((await client.get(`/api/runs/${run.id}`)).body.attempts).toBe(1);
      const logs = await client.get(`/api/logs?level=error&workflowId=${wf.id}`);
      expect(logs.body.items[0].message).toMatch(/завершился ошибкой/);
    } finally {
      await rejecting.close();
    }
  });

  it('gives up after the workflow\'s max attempts, then a manual retry resumes at the failed step', async () => {
    const first = await startTargetServer();
    const down = await startTargetServer({ statuses: [500, 500, 500] });
    try {
      const wf = await activeWorkflow(client, twoRequests(`${first.url}/a`, `${down.url}/b`), 'Три попытки');
      await client.put(`/api/workflows/${wf.id}`, { maxAttempts: 3 });
      await client.post(`/api/workflows/${wf.id}/publish`);
      await fire(wf.hookPath, { id: 3 });
      const run = await waitFor(async () => (await client.get(`/api/runs?workflowId=${wf.id}&status=failed`)).body.items[0], 20_000, 'failed run');
      expect(run.attempts).toBe(3);
      expect(run.error.code).toBe('HTTP_SERVER_ERROR');
      expect(first.count).toBe(1);

      const retried = await client.post(`/api/runs/${run.id}/retry`);
      expect(retried.status).toBe(200);
      await waitFor(async () => (await client.get(`/api/runs/${run.id}`)).body.status === 'succeeded', 15_000, 'retried run');
      expect(first.count).toBe(1);
      expect(down.count).toBe(1);
      expect((await client.post(`/api/runs/${run.id}/retry`)).status).toBe(409);
    } finally {
      await first.close();
      await down.close();
    }
  });

  it('cancels a run waiting for its retry', async () => {
    const down = await startTargetServer({ statuses: Array(20).fill(503) });
    try {
      const wf = await activeWorkflow(client, twoRequests(`${down.url}/a`, `${down.url}/b`), 'Отмена');
      await fire(wf.hookPath, { id: 4 });
      const run = await waitFor(async () => {
        const r = (await client.get(`/api/runs?workflowId=${wf.id}`)).body.items[0];
        return r && r.attempts >= 1 && r.status === 'queued' ? r : undefined;
      }, 15_000, 'queued retry');
      const cancelled = await client.post(`/api/runs/${run.id}/cancel`);
      expect(cancelled.body.status).toBe('cancelled');
      await new Promise((r) => setTimeout(r, 500));
      expect((await client.get(`/api/runs/${run.id}`)).body.status).toBe('cancelled');
    } finally {
      await down.close();
    }
  });

  it('replays an event as a new run on the current version', async () => {
    const target = await startTargetServer();
    try {
      const wf = await activeWorkflow(client, twoRequests(`${target.url}/a`, `${target.url}/b`), 'Повтор события');
      const ack = await (await fire(wf.hookPath, { id: 5 })).json();
      await waitFor(async () => (await client.get(`/api/runs?workflowId=${wf.id}&status=succeeded`)).body.total === 1, 15_000);
      const replay = await client.post(`/api/events/${ack.eventId}/replay`);
      expect(replay.status).toBe(201);
      expect(replay.body.runs).toHaveLength(1);
      await waitFor(async () => (await client.get(`/api/runs?workflowId=${wf.id}&status=succeeded`)).body.total === 2, 15_000, 'replayed run');
      expect(target.count).toBe(4);
    } finally {
      await target.close();
    }
  });
});
