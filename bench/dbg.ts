import { benchEnv } from './bench-env.ts';
import http from 'node:http';
let received = 0;
const target = http.createServer((req, res) => { req.resume(); req.on('end', () => { received++; res.end('{"ok":true}'); }); });
await new Promise<void>((r) => target.listen(0, '127.0.0.1', r));
const url = `http://127.0.0.1:${(target.address() as any).port}/x`;
// web only: fill the queue, then start a worker process and time the drain
const env = await benchEnv({ role: 'web' });
const wf = await env.workflow({ schemaVersion: 1, nodes: [
  { id: 'n1', type: 'webhook.catch', version: 1, position: { x: 0, y: 0 }, props: {} },
  { id: 'n2', type: 'logic.condition', version: 1, position: { x: 250, y: 0 }, props: { group: { match: 'all', rules: [{ left: '{{trigger.body.city}}', op: 'eq', right: 'K' }] } } },
  { id: 'n3', type: 'http.request', version: 1, position: { x: 500, y: 0 }, props: { method: 'POST', url, body: '{"seq": {{trigger.body.seq}}}' } },
], edges: [{ id: 'e1', source: 'n1', sourceHandle: 'out', target: 'n2', targetHandle: 'in' }, { id: 'e2', source: 'n2', sourceHandle: 'true', target: 'n3', targetHandle: 'in' }] });
const N = 2000;
for (let i = 0; i < N; i += 50) await Promise.all(Array.from({ length: 50 }, (_, k) => fetch(env.server.url + wf.hookPath, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ city: 'K', seq: i + k }) })));
const { startServerProcess, sharedSecrets } = await import('../test/support/server-process.ts');
const dbUrl = (await env.pool.query('select current_database() as d')).rows[0].d;
console.log('queued', N);
const conc = process.env.C ?? '20';
const w = await startServerProcess({ role: 'worker', env: { DATABASE_URL: (env.pool as any).options.connectionString, LOG_LEVEL: 'warn', WORKER_CONCURRENCY: conc, ...sharedSecrets() }, nodeArgs: process.env.PROF ? ['--cpu-prof', '--cpu-prof-dir=/tmp/prof3'] : [] });
const st = async () => (await env.pool.query('select xact_commit::int as c, tup_inserted::int as i, tup_updated::int as u, tup_fetched::int as f from pg_stat_database where datname = current_database()')).rows[0];
const s0 = await st();
const t = Date.now();
while (received < N && Date.now() - t < 120000) await new Promise((r) => setTimeout(r, 50));
console.log('concurrency', conc, 'drained', received, 'in', Date.now() - t, 'ms =>', Math.round(received / ((Date.now() - t) / 1000)), 'runs/s');
const s1 = await st(); console.log('per run: commits', (s1.c - s0.c) / N, 'inserted', (s1.i - s0.i) / N, 'updated', (s1.u - s0.u) / N, 'fetched', (s1.f - s0.f) / N);
console.log('worker output bytes', w.output().length, w.output().slice(0, 600));
await w.kill('SIGTERM');
await env.close(); target.close();
void dbUrl;
