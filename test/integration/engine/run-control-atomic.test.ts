import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../support/test-app.ts';
import { startTargetServer } from '../../support/target-server.ts';
import { activeWorkflow } from '../../support/workflow-graphs.ts';
import type { Graph } from '../../../core/graph/graph.schema.ts';
import type { HttpTestClient } from '../../support/http-client.ts';

/**
 * Retry, replay and cancel change a run and its job together. A failure injected in the database
 * right after one of the two changes must undo the other: no queued run without a job, no job
 * for a run that stayed as it was.
 */
let app: TestApp;
let client: HttpTestClient;
let target: Awaited<ReturnType<typeof startTargetServer>>;

beforeAll(async () => {
  // Runs fail for good on a 4xx, or wait a long backoff on a 503: states to act on.
  app = await createTestApp({ worker: true, env: { RETRY_BASE_MS: '600000' } });
  client = app.client();
  await client.register('atomic@example.ru');
  target = await startTargetServer({ statuses: Array(50).fill(422) });
});
afterAll(async () => {
  await target.close();
  await app.close();
});
afterEach(async () => {
  await app.c.pool.query(`drop trigger if exists inject on run; drop trigger if exists inject on graphile_worker._private_jobs; drop function if exists inject_failure()`);
});

const graph = (url: string): Graph => ({
  schemaVersion: 1,
  nodes: [
    { id: 't', type: 'webhook.catch', version: 1, position: { x: 0, y: 0 }, props: {} },
    { id: 'h', type: 'http.request', version: 1, position: { x: 250, y: 0 }, props: { method: 'POST', url, headers: {}, body: '{}', timeoutMs: 3000 } },
  ],
  edges: [{ id: 'e', source: 't', sourceHandle: 'out', target: 'h', targetHandle: 'in' }],
});

/** Makes the next matching write fail inside the statement that does it. */
async function injectFailure(table: 'run' | 'graphile_worker._private_jobs', when: 'insert' | 'update' | 'delete') {
  await app.c.pool.query(`create function inject_failure() returns trigger language plpgsql as $$ begin raise exception 'сбой, внесённый тестом'; end $$`);
  await app.c.pool.query(`create trigger inject after ${when} on ${table} for each row execute function inject_failure()`);
}

const jobsFor = async (runId: string) =>
  (await app.c.pool.query<{ n: number }>(`select count(*)::int as n from graphile_worker.jobs where key = $1`, [`run:${runId}`])).rows[0]!.n;
const runState = async (runId: string) => (await app.c.pool.query(`select status, max_attempts from run where id = $1`, [runId])).rows[0];

async function failedRun(): Promise<{ runId: string; eventId: string; wfId: string }> {
  const wf = await activeWorkflow(client, graph(`${target.url}/x`), `Правило ${Math.random()}`);
  const res = await fetch(app.url + wf.hookPath, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ n: Math.random() }) });
  const { eventId } = await res.json();
  const run = await expect.poll(async () => (await client.get(`/api/runs?workflowId=${wf.id}&status=failed`)).body.items[0], { timeout: 10_000 }).toBeTruthy().then(
    async () => (await client.get(`/api/runs?workflowId=${wf.id}&status=failed`)).body.items[0]);
  return { runId: run.id, eventId, wfId: wf.id };
}

describe('run control is atomic with its job', () => {
  it('retry: a failure after the run update leaves no job; a failure adding the job leaves the run failed', async () => {
    const { runId } = await failedRun();
    await injectFailure('run', 'update');
    expect((await client.post(`/api/runs/${runId}/retry`)).status).toBe(500);
    expect(await runState(runId)).toMatchObject({ status: 'failed' });
    expect(await jobsFor(runId)).toBe(0);

    await app.c.pool.query(`drop trigger inject on run`);
    await app.c.pool.query(`create trigger inject after insert on graphile_worker._private_jobs for each row execute function inject_failure()`);
    expect((await client.post(`/api/runs/${runId}/retry`)).status).toBe(500);
    expect(await runState(runId)).toMatchObject({ status: 'failed' });
    expect(await jobsFor(runId)).toBe(0);
  });

  it('replay: a failure after inserting the run adds no job; a failure adding the job creates no run', async () => {
    const { eventId, wfId } = await failedRun();
    const count = async () => (await app.c.pool.query<{ n: number }>(`select count(*)::int as n from run where workflow_id = $1`, [wfId])).rows[0]!.n;
    const jobs = async () => (await app.c.pool.query<{ n: number }>(`select count(*)::int as n from graphile_worker.jobs where task_identifier = 'execute-run'`)).rows[0]!.n;
    const before = { runs: await count(), jobs: await jobs() };
    await injectFailure('run', 'insert');
    expect((await client.post(`/api/events/${eventId}/replay`)).status).toBe(500);
    expect({ runs: await count(), jobs: await jobs() }).toEqual(before);

    await app.c.pool.query(`drop trigger inject on run`);
    await app.c.pool.query(`create trigger inject after insert on graphile_worker._private_jobs for each row execute function inject_failure()`);
    expect((await client.post(`/api/events/${eventId}/replay`)).status).toBe(500);
    expect({ runs: await count(), jobs: await jobs() }).toEqual(before);
  });

  it('cancel: a failure removing the job keeps the run queued; a failure updating the run keeps the job', async () => {
    const flaky = await startTargetServer({ statuses: Array(10).fill(503) });
    try {
      const wf = await activeWorkflow(client, graph(`${flaky.url}/x`), 'Ждёт повтора');
      await fetch(app.url + wf.hookPath, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"n":1}' });
      await expect.poll(async () => (await client.get(`/api/runs?workflowId=${wf.id}&status=queued`)).body.items.length, { timeout: 10_000 }).toBe(1);
      const runId = (await client.get(`/api/runs?workflowId=${wf.id}&status=queued`)).body.items[0].id;
      expect(await jobsFor(runId)).toBe(1);

      await injectFailure('graphile_worker._private_jobs', 'delete');
      expect((await client.post(`/api/runs/${runId}/cancel`)).status).toBe(500);
      expect(await runState(runId)).toMatchObject({ status: 'queued' });
      expect(await jobsFor(runId)).toBe(1);

      await app.c.pool.query(`drop trigger inject on graphile_worker._private_jobs`);
      await app.c.pool.query(`create trigger inject after update on run for each row execute function inject_failure()`);
      expect((await client.post(`/api/runs/${runId}/cancel`)).status).toBe(500);
      expect(await runState(runId)).toMatchObject({ status: 'queued' });
      expect(await jobsFor(runId)).toBe(1);

      await app.c.pool.query(`drop trigger inject on run`);
      expect((await client.post(`/api/runs/${runId}/cancel`)).status).toBe(200);
      expect(await runState(runId)).toMatchObject({ status: 'cancelled' });
      expect(await jobsFor(runId)).toBe(0);
    } finally {
      await flaky.close();
    }
  });
});
