/**
 * `npm run bench:amocrm`: BENCH_LEADS (2,000) status-change webhooks of one AmoCRM account (the
 * simulator, with its real 7 requests/s limit) through the rule «статус сделки изменён в воронке
 * "Продажи" И Город = Краснодар → примечание», one server process. Prints runs/s, the peak of
 * requests in any second the simulator saw (the account's limit is 7), notes per request, and
 * the ratio to the physical minimum (notes ÷ (7 req/s × 250 notes per batch)). No pass/fail.
 */
import { startAmoSimulator } from '../plugins/amocrm/simulator/amo-simulator.ts';
import { amoStatusToNote, connect, optionId } from '../test/support/crm-graphs.ts';
import { benchEnv, fmt } from './bench-env.ts';

const LEADS = Number(process.env.BENCH_LEADS ?? 2000);
const BATCH_MAX = 250;
const RATE = 7;

const sim = await startAmoSimulator({ banAfterViolations: 0 });
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
  const notesBefore = sim.state.notes.size;
  const started = Date.now();
  for (const id of ids) sim.admin.moveLeadByName(id, 'Продажи', 'Переговоры');
  await sim.flushWebhooks();
  const delivered = Date.now();
  while (sim.state.notes.size - notesBefore < LEADS && Date.now() - started < 600_000) await new Promise((r) => setTimeout(r, 100));
  const seconds = (Date.now() - started) / 1000;
  const notes = sim.state.notes.size - notesBefore;
  const noteRequests = sim.stats.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/notes')).length;
  const rejected = sim.stats.requests.filter((r) => r.status === 429).length;
  const minimum = LEADS / (RATE * BATCH_MAX);
  console.log(`\nAmoCRM: ${fmt(LEADS, 0)} вебхуков смены статуса одного аккаунта → правило → примечание`);
  console.log(`  вебхуки доставлены симулятором за ${fmt((delivered - started) / 1000)} с`);
  console.log(`  примечаний создано:       ${notes} из ${LEADS} за ${fmt(seconds)} с — ${fmt(notes / seconds, 0)} запусков/с`);
  console.log(`  пик запросов к API:       ${sim.stats.peakRequestsPerSecond()} в любую секунду (предел аккаунта ${RATE}), отказов 429: ${rejected}`);
  console.log(`  примечаний на запрос:     ${fmt(notes / Math.max(1, noteRequests))} (${noteRequests} пакетных запросов, всего запросов ${sim.stats.requests.length})`);
  console.log(`  физический минимум:       ${fmt(minimum)} с (${RATE} запросов/с × ${BATCH_MAX} в пакете); отношение ${fmt(seconds / minimum)}×`);
} finally {
  await env.close();
  await sim.close();
}
