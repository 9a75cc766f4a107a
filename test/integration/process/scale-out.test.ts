import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processTestEnv, type ProcessTestEnv } from '../../support/process-env.ts';
import { HttpTestClient } from '../../support/http-client.ts';
import { sharedSecrets, startServerProcess } from '../../support/server-process.ts';
import { waitFor } from '../../support/target-server.ts';
import { activeWorkflow } from '../../support/workflow-graphs.ts';

let env: ProcessTestEnv;
beforeAll(async () => {
  env = await processTestEnv({ delayMs: 5 });
});
afterAll(() => env.close('SIGTERM'));

describe('scale-out: one web and two worker processes on one database', () => {
  it('executes every run exactly once, spread over both workers', async () => {
    const serverEnv = { DATABASE_URL: env.db.url, WORKER_CONCURRENCY: '4', ...sharedSecrets() };
    const web = await startServerProcess({ role: 'web', env: serverEnv });
    env.procs.push(web);
    const workers = await Promise.all([startServerProcess({ role: 'worker', env: serverEnv }), startServerProcess({ role: 'worker', env: serverEnv })]);
    env.procs.push(...workers);

    const client = new HttpTestClient(web.url);
    await client.register('scale@example.ru');
    const wf = await activeWorkflow(client, {
      schemaVersion: 1,
      nodes: [
        { id: 'n1', type: 'webhook.catch', version: 1, position: { x: 0, y: 0 }, props: {} },
        { id: 'n2', type: 'http.request', version: 1, position: { x: 250, y: 0 }, props: { method: 'POST', url: `${env.target.url}/scale`, body: '{"seq": {{trigger.body.seq}}}' } },
      ],
      edges: [{ id: 'e1', source: 'n1', sourceHandle: 'out', target: 'n2', targetHandle: 'in' }],
    });

    const total = 200;
    for (let i = 0; i < total; i += 20) {
      const batch = Array.from({ length: 20 }, (_, k) => i + k + 1);
      const res = await Promise.all(batch.map((seq) => fetch(web.url + wf.hookPath, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ seq }) })));
      expect(res.every((r) => r.status === 200)).toBe(true);
    }
    await waitFor(async () => {
      const { rows } = await env.pool.query(`select count(*)::int as n from run where workflow_id = $1 and status = 'succeeded'`, [wf.id]);
      return rows[0].n === total;
    }, 60_000, 'all runs to succeed');

    const seqs = env.target.received.map((r) => JSON.parse(r.body).seq as number);
    expect(seqs).toHaveLength(total);
    expect(new Set(seqs).size).toBe(total);
    const { rows } = await env.pool.query(`select count(*)::int as runs, count(distinct event_id)::int as events from run where workflow_id = $1`, [wf.id]);
    expect(rows[0]).toEqual({ runs: total, events: total });
    // Both worker processes took jobs: each registered its own heartbeat and the web process ran none.
    expect(web.output()).not.toContain('dispatch-event');
    const { rows: beats } = await env.pool.query('select count(*)::int as n from worker_heartbeat');
    expect(beats[0].n).toBeGreaterThanOrEqual(2);
  }, 150_000);
});
