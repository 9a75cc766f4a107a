/**
 * `npm run bench:ingest`: 50 concurrent clients POST 1 KB JSON to one workflow webhook for 20 s
 * against one server process (web role: ingest only) on local PostgreSQL. Prints acknowledged
 * requests/s, p50/p99 acknowledgement latency and errors. No pass/fail. The load comes from wrk
 * when it is installed (`apt-get install wrk`), else from autocannon inside this process
 * (BENCH_TOOL=autocannon forces it), which takes CPU from the server on a small machine.
 */
import autocannon from 'autocannon';
import { benchEnv, fmt } from './bench-env.ts';
import { runWrk, wrkAvailable, type LoadResult } from './wrk-load.ts';
import { cpuDelta } from './cpu-usage.ts';

const DURATION = Number(process.env.BENCH_SECONDS ?? 20);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);

const env = await benchEnv({ role: (process.env.BENCH_ROLE as 'all' | 'web') ?? 'web' });
try {
  const wf = await env.workflow({
    schemaVersion: 1,
    nodes: [
      { id: 'n1', type: 'webhook.catch', version: 1, position: { x: 0, y: 0 }, props: {} },
      { id: 'n2', type: 'logic.filter', version: 1, position: { x: 250, y: 0 }, props: { group: { match: 'all', rules: [{ left: '{{trigger.body.lead.city}}', op: 'eq', right: 'Краснодар' }] } } },
    ],
    edges: [{ id: 'e1', source: 'n1', sourceHandle: 'out', target: 'n2', targetHandle: 'in' }],
  });
  const note = 'x'.repeat(850);
  let r: LoadResult;
  const cpuBefore = env.cpu();
  if (wrkAvailable() && process.env.BENCH_TOOL !== 'autocannon') {
    r = runWrk(env.server.url + wf.hookPath, CONNECTIONS, DURATION, note);
  } else {
    // ~1 KB body; a counter makes every body unique so none is deduplicated.
    let n = 0;
    const makeBody = () => JSON.stringify({ id: ++n, lead: { name: 'Иван Петров', phone: '+79181234567', city: 'Краснодар', note } });
    const result = await autocannon({
      url: env.server.url + wf.hookPath,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      requests: [{ setupRequest: (req) => ({ ...req, body: makeBody() }) }],
      connections: CONNECTIONS,
      duration: DURATION,
    });
    r = { tool: 'autocannon (в процессе бенчмарка)', ok: result['2xx'], perSecond: result['2xx'] / DURATION, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx };
  }
  const cpu = cpuDelta(cpuBefore, env.cpu());
  const { rows } = await env.pool.query('select count(*)::int as n from inbound_event');
  console.log(`\nИнжест вебхуков: ${CONNECTIONS} клиентов, ${DURATION} с, тело ~1 КБ, нагрузка: ${r.tool}`);
  console.log(`  подтверждено:        ${fmt(r.perSecond, 0)} запросов/с (${r.ok} всего; событий в базе: ${rows[0].n})`);
  console.log(`  задержка p50 / p99:  ${fmt(r.p50)} мс / ${fmt(r.p99)} мс`);
  console.log(`  ошибки:              ${r.errors}`);
  console.log(`  CPU на 1000 запросов: сервер ${fmt((cpu.server / r.ok) * 1000, 0)} мс, PostgreSQL ${fmt((cpu.postgres / r.ok) * 1000, 0)} мс`);
} finally {
  await env.close();
}
