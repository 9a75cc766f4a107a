import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../support/test-db.ts';
import { HttpTestClient } from '../../support/http-client.ts';
import { sharedSecrets, startServerProcess, type ServerProcess } from '../../support/server-process.ts';
import { startTargetServer, waitFor } from '../../support/target-server.ts';
import { activeWorkflow } from '../../support/workflow-graphs.ts';

let db: Awaited<ReturnType<typeof createTestDatabase>>;
let target: Awaited<ReturnType<typeof startTargetServer>>;
let pool: pg.Pool;
const procs: ServerProcess[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  target = await startTargetServer({ delayMs: 5 });
  pool = new pg.Pool({ connectionString: db.url, max: 3 });
});
afterAll(async () => {
  await Promise.all(procs.map((p) => p.kill('SIGTERM')));
  await pool.end();
  await target.close();
  await db.drop();
});

describe('scale-out: one web and two worker processes on one database', () => {
  it('executes every run exactly once, spread over both workers', async () => {
    const env = { DATABASE_URL: db.url, WORKER_CONCURRENCY: '4', ...sharedSecrets() };
    const web = await startServerProcess({ role: 'web', env });
    procs.push(web);
    const workers = await Promise.all([startServerProcess({ role: 'worker', env }), startServerProcess({ role: 'worker', env })]);
    procs.push(...workers);

    const client = new HttpTestClient(web.url);
    await client.register('scale@example.ru');
    const wf = await activeWorkflow(client, {
      schemaVersion: 1,
      nodes: [
        { id: 'n1', type: 'webhook.catch', version: 1, position: { x: 0, y: 0 }, props: {} },
        { id: 'n2', type: 'http.request', version: 1, position: { x: 250, y: 0 }, props: { method: 'POST', url: `${target.url}/scale`, body: '{"seq": {{trigger.body.seq}}}' } },
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
      const { rows } = await pool.query(`select count(*)::int as n from run where workflow_id = $1 and status = 'succeeded'`, [wf.id]);
      return rows[0].n === total;
    }, 60_000, 'all runs to succeed');

    const seqs = target.received.map((r) => JSON.parse(r.body).seq as number);
    expect(seqs).toHaveLength(total);
    expect(new Set(seqs).size).toBe(total);
    const { rows } = await pool.query(`select count(*)::int as runs, count(distinct event_id)::int as events from run where workflow_id = $1`, [wf.id]);
    expect(rows[0]).toEqual({ runs: total, events: total });
    // Both worker processes took jobs: each registered its own heartbeat and the web process ran none.
    expect(web.output()).not.toContain('dispatch-event');
    const { rows: beats } = await pool.query('select count(*)::int as n from worker_heartbeat');
    expect(beats[0].n).toBeGreaterThanOrEqual(2);
  }, 150_000);
});
