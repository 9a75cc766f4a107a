/**
 * `npm run bench:history`: «Логи» at a million runs. Seeds one tenant with BENCH_RUNS runs (default
 * 1,000,000) and as many events, 200,000 operation-log lines and a second, small tenant, straight
 * through SQL, then times every list route the logs pages use (p50/p95 of 20 requests each, served
 * by a real server process). No pass/fail.
 */
import { benchEnv, fmt, percentile } from './bench-env.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 1_000_000);
const REPEAT = 20;

const env = await benchEnv({ role: 'web' });
try {
  const wf = await env.workflow({
    schemaVersion: 1,
    nodes: [{ id: 'n1', type: 'webhook.catch', version: 1, position: { x: 0, y: 0 }, props: {} }],
    edges: [],
  });
  const { rows: [ctx] } = await env.pool.query<{ tenant_id: string; endpoint_id: string; version_id: string }>(
    `select w.tenant_id, e.id as endpoint_id, w.active_version_id as version_id from workflow w join hook_endpoint e on e.workflow_id = w.id where w.id = $1`, [wf.id]);
  const seedStarted = Date.now();
  // Events and runs share ids' order; statuses as a real account has them (mostly successes).
  await env.pool.query(`
    insert into inbound_event (id, tenant_id, endpoint_id, workflow_id, status, method, content_type, headers, query, body, received_at, processed_at)
    select md5('e' || g)::uuid, $1, $2, $3,
           case when g % 50 = 0 then 'failed' when g % 20 = 0 then 'skipped' when g % 33 = 0 then 'duplicate' else 'dispatched' end,
           'POST', 'application/json', '{"content-type":"application/json"}', '{}',
           jsonb_build_object('lead', jsonb_build_object('id', g, 'name', 'Сделка ' || g, 'city', case when g % 3 = 0 then 'Краснодар' else 'Москва' end, 'phone', '+7918' || lpad((g % 10000000)::text, 7, '0'))),
           now() - make_interval(secs => ($4 - g) * 2), now() - make_interval(secs => ($4 - g) * 2)
      from generate_series(1, $4) g`, [ctx!.tenant_id, ctx!.endpoint_id, wf.id, RUNS]);
  await env.pool.query(`
    insert into run (id, tenant_id, workflow_id, version_id, event_id, dispatch_key, status, attempts, max_attempts, error_code, error_message, created_at, started_at, finished_at)
    select md5('r' || g)::uuid, $1, $2, $3, md5('e' || g)::uuid, 'seed:' || g,
           case when g % 50 = 0 then 'failed' when g % 97 = 0 then 'skipped' when g % 1000 = 0 then 'queued' else 'succeeded' end,
           1, 8,
           case when g % 50 = 0 then 'HTTP_CLIENT_ERROR' end, case when g % 50 = 0 then 'Сервер отклонил запрос: 422' end,
           now() - make_interval(secs => ($4 - g) * 2), now() - make_interval(secs => ($4 - g) * 2), now() - make_interval(secs => ($4 - g) * 2 - 1)
      from generate_series(1, $4) g`, [ctx!.tenant_id, wf.id, ctx!.version_id, RUNS]);
  await env.pool.query(`
    insert into log_entry (tenant_id, level, source, message, context, workflow_id, run_id, created_at)
    select $1, case when g % 10 = 0 then 'error' else 'info' end, case when g % 10 = 0 then 'run' else 'workflow' end,
           case when g % 10 = 0 then 'Запуск правила «Бенчмарк» завершился ошибкой: сервер ответил 422 (сделка ' || g || ')' else 'Сохранено правило «Бенчмарк»' end,
           '{}', $2, null, now() - make_interval(secs => (200000 - g) * 10)
      from generate_series(1, 200000) g`, [ctx!.tenant_id, wf.id]);
  for (const table of ['inbound_event', 'run', 'log_entry']) await env.pool.query(`vacuum analyze ${table}`);
  console.log(`\nИстория: ${fmt(RUNS, 0)} запусков и событий, 200 000 строк журнала (заполнено за ${fmt((Date.now() - seedStarted) / 1000)} с)`);

  // A cursor 100,000 rows deep, as «Далее» pressed that often would give it.
  const cursorAt = async (table: string, time: string) => {
    const { rows: [r] } = await env.pool.query(`select ${time} as at, id::text from ${table} where tenant_id = $1 order by ${time} desc, id desc offset 100000 limit 1`, [ctx!.tenant_id]);
    return r ? Buffer.from(JSON.stringify([new Date(r.at).toISOString(), r.id])).toString('base64url') : '';
  };
  const runCursor = await cursorAt('run', 'created_at');
  const eventCursor = await cursorAt('inbound_event', 'received_at');
  const routes: [string, string][] = [
    ['(для сравнения: /api/auth/me)', '/api/auth/me'],
    ['запуски, первая страница', '/api/runs?limit=50'],
    ['запуски с ошибкой', '/api/runs?status=failed&limit=50'],
    ['запуски правила', `/api/runs?workflowId=${wf.id}&limit=50`],
    ['запуски, страница 200 (offset 10 000)', '/api/runs?limit=50&offset=10000'],
    ['запуски, глубже 100 000 (курсор)', `/api/runs?limit=50&cursor=${runCursor}`],
    ['события, первая страница', '/api/events?limit=50'],
    ['события с ошибкой', '/api/events?status=failed&limit=50'],
    ['события, глубже 100 000 (курсор)', `/api/events?limit=50&cursor=${eventCursor}`],
    ['журнал', '/api/logs?limit=50'],
    ['журнал, поиск', `/api/logs?limit=50&q=${encodeURIComponent('сделка 4242')}`],
    ['правила', '/api/workflows?limit=50'],
  ];
  console.log('  маршрут                                          p50 мс   p95 мс   total');
  for (const [title, path] of routes) {
    const times: number[] = [];
    let total: unknown;
    for (let i = 0; i < REPEAT; i++) {
      const t = performance.now();
      const res = await env.client.get(path);
      times.push(performance.now() - t);
      if (res.status !== 200) throw new Error(`${path}: ${res.status} ${res.text.slice(0, 300)}`);
      total = res.body.totalLabel ?? res.body.total;
    }
    times.sort((a, b) => a - b);
    console.log(`  ${title.padEnd(48)} ${fmt(percentile(times, 50)).padStart(6)}  ${fmt(percentile(times, 95)).padStart(7)}   ${String(total)}`);
  }
} finally {
  await env.close();
}
