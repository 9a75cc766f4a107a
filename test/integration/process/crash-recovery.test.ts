import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processTestEnv, type ProcessTestEnv } from '../../support/process-env.ts';
import { HttpTestClient } from '../../support/http-client.ts';
import { sharedSecrets, startServerProcess } from '../../support/server-process.ts';
import { waitFor } from '../../support/target-server.ts';
import { activeWorkflow } from '../../support/workflow-graphs.ts';
import type { Graph } from '../../../core/graph/graph.schema.ts';

let env: ProcessTestEnv;
beforeAll(async () => {
  env = await processTestEnv();
});
afterAll(() => env.close('SIGKILL'));

const graph = (url: string): Graph => ({
  schemaVersion: 1,
  nodes: [
    { id: 'n1', type: 'webhook.catch', version: 1, position: { x: 0, y: 0 }, props: {} },
    { id: 'n2', type: 'http.request', version: 1, position: { x: 250, y: 0 }, props: { method: 'POST', url, body: '{"seq": {{trigger.body.seq}}}', timeoutMs: 5000 } },
  ],
  edges: [{ id: 'e1', source: 'n1', sourceHandle: 'out', target: 'n2', targetHandle: 'in' }],
});

describe('crash: SIGKILL under load', () => {
  it('every acknowledged webhook gets exactly one run after a restart; none lost, none duplicated', async () => {
    const serverEnv = { DATABASE_URL: env.db.url, RETRY_BASE_MS: '100', ...sharedSecrets() };
    let server = await startServerProcess({ role: 'all', env: serverEnv });
    env.procs.push(server);
    const client = new HttpTestClient(server.url);
    await client.register('crash@example.ru');
    const wf = await activeWorkflow(client, graph(`${env.target.url}/crash`));

    const acked = new Map<number, string>();
    let seq = 0;
    let stop = false;
    const loader = async () => {
      while (!stop) {
        const n = ++seq;
        try {
          const res = await fetch(server.url + wf.hookPath, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ seq: n }) });
          if (res.status === 200) acked.set(n, (await res.json()).eventId);
        } catch {
          await new Promise((r) => setTimeout(r, 20)); // server down: a real sender would retry later
        }
      }
    };
    const loaders = Array.from({ length: 20 }, loader);
    await waitFor(() => acked.size >= 300, 30_000, '300 acknowledged webhooks');
    await server.kill('SIGKILL');
    await new Promise((r) => setTimeout(r, 200));
    stop = true;
    await Promise.all(loaders);
    const ackedBeforeCrash = acked.size;
    expect(ackedBeforeCrash).toBeGreaterThanOrEqual(300);

    server = await startServerProcess({ role: 'all', env: serverEnv, port: server.port });
    env.procs.push(server);
    const eventIds = [...acked.values()];
    await waitFor(async () => {
      const { rows } = await env.pool.query(
        `select count(*) filter (where r.status = 'succeeded')::int as ok from run r where r.event_id = any($1::uuid[])`, [eventIds]);
      return rows[0].ok === eventIds.length;
    }, 60_000, 'every acknowledged webhook to have a succeeded run');

    const { rows: perEvent } = await env.pool.query(
      `select e.id, count(r.id)::int as runs from inbound_event e left join run r on r.event_id = e.id
        where e.id = any($1::uuid[]) group by e.id`, [eventIds]);
    expect(perEvent).toHaveLength(eventIds.length); // none lost
    expect(perEvent.filter((r) => r.runs !== 1)).toEqual([]); // none duplicated
    const delivered = new Set(env.target.received.map((r) => JSON.parse(r.body).seq));
    for (const n of acked.keys()) expect(delivered.has(n)).toBe(true);
  }, 150_000);
});
