/**
 * `npm run bench:amocrm`: BENCH_LEADS (2,000) status-change webhooks of one AmoCRM account (the
 * simulator, with its real 7 requests/s limit) through the rule «статус сделки изменён в воронке
 * "Продажи" И Город = Краснодар → примечание», one server process. Prints runs/s, the peak of
 * requests in any second the simulator saw (the account's limit is 7), notes per request, and
 * the ratio to the physical minimum (notes ÷ (7 req/s × 250 notes per batch)), and what became of every
 * event and run. BENCH_WEBHOOK_CONCURRENCY=0 sends all webhooks at once. No pass/fail.
 */
import { startAmoSimulator } from '../plugins/amocrm/simulator/amo-simulator.ts';
import { amoStatusToNote, connect, optionId } from '../test/support/crm-graphs.ts';
import { benchEnv, fmt } from './bench-env.ts';

const countBy = (keys: string[]) => keys.reduce<Record<string, number>>((acc, k) => ((acc[k] = (acc[k] ?? 0) + 1), acc), {});

const LEADS = Number(process.env.BENCH_LEADS ?? 2000);
const BATCH_MAX = 250;
const RATE = 7;
const TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT_S ?? 600) * 1000;

// AmoCRM repeats a delivery that got no answer within 2 s (at +5 min, +15 min…); the simulator
// repeats after 5 s and 15 s, so a webhook the server was too busy to answer still arrives.
// BENCH_WEBHOOK_CONCURRENCY: deliveries the simulated account keeps in flight (default 16, a
// sender's connection pool); 0 sends every change at once, the burst a server must survive.
const SENDER = Number(process.env.BENCH_WEBHOOK_CONCURRENCY ?? 16);
const sim = await startAmoSimulator({ banAfterViolations: 0, webhookRetries: 4, webhookRetryDelaysMs: [5000, 15000], webhookConcurrency: SENDER || undefined });
const env = await benchEnv({ role: 'all', env: { WORKER_CONCURRENCY: process.env.WORKER_CONCURRENCY ?? '20' } });
try {
  const conn = await connect(env.client, 'amocrm', 'Бенчмарк', { authType: 'token', subdomain: sim.subdomain, accessToken: sim.issueLongLivedToken(), baseUrl: sim.url });
  const pipelineId = await optionId(env.client, conn.id, 'pipelines', 'Продажи');
  const statusId = await optionId(env.client, conn.id, 'statuses', 'Переговоры', { pipelineId: String(pipelineId) });
  const { activeWorkflow } = await import('../test/support/workflow-graphs.ts');
  await activeWorkflow(env.client, amoStatusToNote(conn.id, pipelineId, statusId, 'Сделка из Краснодара в переговорах'), 'Краснодар → примечание');

  const ids = Array.from({ length: LEADS }, (_, i) => sim.admin.createLead({ name: `Сделка ${i}`, pipeline: 'Продажи', status: 'Новая заявка', fields: { Город: 'Краснодар' } }).id);
  await sim.flushWebhooks();
  sim.stats.reset();
  const deliveriesBefore = sim.deliveries.length;
  const notesBefore = sim.state.notes.size;
  const started = Date.now();
  for (const id of ids) sim.admin.moveLeadByName(id, 'Продажи', 'Переговоры');
  await sim.flushWebhooks();
  const delivered = Date.now();
  let lastNoteAt = Date.now();
  for (let seen = -1; sim.state.notes.size - notesBefore < LEADS && Date.now() - started < TIMEOUT_MS; ) {
    if (sim.state.notes.size !== seen) [seen, lastNoteAt] = [sim.state.notes.size, Date.now()];
    await new Promise((r) => setTimeout(r, 50));
  }
  if (sim.state.notes.size - notesBefore >= LEADS) lastNoteAt = Date.now();
  const seconds = (lastNoteAt - started) / 1000;
  const failed = sim.deliveries.slice(deliveriesBefore).filter((d) => !d.ok);
  const failedDeliveries = `${failed.length}${failed.length ? ` — ${Object.entries(countBy(failed.map((d) => String(d.status ?? 'нет ответа')))).map(([k, n]) => `${k}: ${n}`).join(', ')}` : ''}`;
  const notes = sim.state.notes.size - notesBefore;
  const noteRequests = sim.stats.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/notes')).length;
  const rejected = sim.stats.requests.filter((r) => r.status === 429).length;
  const minimum = LEADS / (RATE * BATCH_MAX);
  console.log(`\nAmoCRM: ${fmt(LEADS, 0)} вебхуков смены статуса одного аккаунта → правило → примечание (${SENDER ? `отправитель держит ${SENDER} соединений` : 'все вебхуки разом'})`);
  console.log(`  вебхуки доставлены симулятором за ${fmt((delivered - started) / 1000)} с (без ответа за 2 с и отправлены повторно: ${failedDeliveries})`);
  console.log(`  примечаний создано:       ${notes} из ${LEADS} за ${fmt(seconds)} с — ${fmt(notes / seconds, 0)} запусков/с`);
  console.log(`  пик запросов к API:       ${sim.stats.peakRequestsPerSecond()} в любую секунду (предел аккаунта ${RATE}), отказов 429: ${rejected}`);
  console.log(`  примечаний на запрос:     ${fmt(notes / Math.max(1, noteRequests))} (${noteRequests} пакетных запросов, всего запросов ${sim.stats.requests.length})`);
  console.log(`  физический минимум:       ${fmt(minimum)} с (${RATE} запросов/с × ${BATCH_MAX} в пакете); отношение ${fmt(seconds / minimum)}×`);
  // What happened to every event and run, so a shortfall above names its cause.
  const events = await env.pool.query<{ status: string; n: string }>(`select status, count(*) n from inbound_event group by 1 order by 1`);
  const runs = await env.pool.query<{ status: string; error: string | null; n: string }>(
    `select status, coalesce(error_code, '') || case when error_message is null then '' else ': ' || left(error_message, 80) end error, count(*) n from run group by 1, 2 order by 3 desc`,
  );
  console.log(`  события:                  ${events.rows.map((r) => `${r.status} ${r.n}`).join(', ')}`);
  console.log(`  запуски:                  ${runs.rows.map((r) => `${r.status}${r.error ? ` (${r.error})` : ''} ${r.n}`).join(', ')}`);
} finally {
  await env.close();
  await sim.close();
}
