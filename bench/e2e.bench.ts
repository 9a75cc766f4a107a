/**
 * `npm run bench:e2e`: webhook → condition → HTTP request to a local server, one server process
 * (HTTP + worker) on local PostgreSQL. Phase 1: 50 closed-loop senders for 20 s — completed runs/s
 * (and latency at saturation). Phase 2: a fixed 500 webhooks/s for 10 s — p50/p99 latency from
 * sending the webhook to the action's request arriving. No pass/fail.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { benchEnv, fmt, percentile } from './bench-env.ts';
import { cpuDelta } from './cpu-usage.ts';

const DURATION = Number(process.env.BENCH_SECONDS ?? 20);
const SENDERS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const RATE = Number(process.env.BENCH_RATE ?? 500);
const RATE_SECONDS = Number(process.env.BENCH_RATE_SECONDS ?? 10);

const latencies: number[] = [];
let received = 0;
const target = http.createServer((req, res) => {
  let data = '';
  req.on('data', (c) => (data += c));
  req.on('end', () => {
    const { sentAt } = JSON.parse(data) as { sentAt: number };
    latencies.push(performance.timeOrigin + performance.now() - sentAt);
    received++;
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
  });
});
await new Promise<void>((r) => target.listen(0, '127.0.0.1', r));
const targetUrl = `http://127.0.0.1:${(target.address() as AddressInfo).port}/leads`;

const env = await benchEnv({ role: 'all', env: { WORKER_CONCURRENCY: process.env.WORKER_CONCURRENCY ?? '40', ...(process.env.TENANT_JOB_SLOTS ? { TENANT_JOB_SLOTS: process.env.TENANT_JOB_SLOTS } : {}) } });
try {
  const wf = await env.workflow({
    schemaVersion: 1,
    nodes: [
      { id: 'n1', type: 'webhook.catch', version: 1, position: { x: 0, y: 0 }, props: {} },
      { id: 'n2', type: 'logic.condition', version: 1, position: { x: 250, y: 0 }, props: { group: { match: 'all', rules: [{ left: '{{trigger.body.city}}', op: 'eq', right: 'Краснодар' }] } } },
      { id: 'n3', type: 'http.request', version: 1, position: { x: 500, y: 0 }, props: { method: 'POST', url: targetUrl, body: '{"sentAt": {{trigger.body.sentAt}}, "seq": {{trigger.body.seq}}}', timeoutMs: 10000 } },
    ],
    edges: [
      { id: 'e1', source: 'n1', sourceHandle: 'out', target: 'n2', targetHandle: 'in' },
      { id: 'e2', source: 'n2', sourceHandle: 'true', target: 'n3', targetHandle: 'in' },
    ],
  });
  const agent = new http.Agent({ keepAlive: true, maxSockets: SENDERS });
  const hook = new URL(env.server.url + wf.hookPath);
  let seq = 0;
  let sent = 0;
  let errors = 0;
  const send = () =>
    new Promise<void>((resolve) => {
      const body = JSON.stringify({ city: 'Краснодар', seq: ++seq, sentAt: performance.timeOrigin + performance.now() });
      const req = http.request(hook, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
        res.resume();
        res.on('end', () => {
          if (res.statusCode === 200) sent++;
          else errors++;
          resolve();
        });
      });
      req.on('error', () => {
        errors++;
        resolve();
      });
      req.end(body);
    });
  // Phase 1, throughput: SENDERS closed-loop senders as fast as acknowledgements allow.
  const cpuBefore = env.cpu();
  const started = Date.now();
  const deadline = started + DURATION * 1000;
  await Promise.all(Array.from({ length: SENDERS }, async () => {
    while (Date.now() < deadline) await send();
  }));
  const sendSeconds = (Date.now() - started) / 1000;
  const receivedAtEnd = received;
  // Let the queue drain to see how long the backlog takes.
  const drainStart = Date.now();
  while (received < sent && Date.now() - drainStart < 120_000) await new Promise((r) => setTimeout(r, 100));
  const totalSeconds = (Date.now() - started) / 1000;
  const cpu = cpuDelta(cpuBefore, env.cpu());
  const sorted = [...latencies].sort((a, b) => a - b);

  // Phase 2, latency at a fixed rate (open loop): RATE webhooks/s for RATE_SECONDS, whatever the answers.
  latencies.length = 0;
  const before = received;
  const rateStart = Date.now();
  let fired = 0;
  const inflight: Promise<void>[] = [];
  while (Date.now() - rateStart < RATE_SECONDS * 1000) {
    const due = Math.floor(((Date.now() - rateStart) / 1000) * RATE);
    while (fired < due) {
      fired++;
      inflight.push(send());
    }
    await new Promise((r) => setTimeout(r, 2));
  }
  await Promise.all(inflight);
  const rateDrain = Date.now();
  while (received - before < fired && Date.now() - rateDrain < 30_000) await new Promise((r) => setTimeout(r, 20));
  const sortedRate = [...latencies].sort((a, b) => a - b);

  console.log(`\nСквозной сценарий вебхук → условие → HTTP-запрос: ${SENDERS} отправителей, ${DURATION} с, ${process.env.BENCH_SPLIT === '1' ? 'процессы web + worker' : 'один процесс (npm start)'}`);
  console.log(`  принято вебхуков:        ${sent} (${fmt(sent / sendSeconds, 0)}/с), ошибок: ${errors}`);
  console.log(`  завершено запусков:      ${fmt(receivedAtEnd / sendSeconds, 0)}/с за время нагрузки; все ${received} за ${fmt(totalSeconds)} с (${fmt(received / totalSeconds, 0)}/с)`);
  console.log(`  задержка до запроса действия p50 / p99: ${fmt(percentile(sorted, 50))} мс / ${fmt(percentile(sorted, 99))} мс (под полной нагрузкой)`);
  console.log(`  CPU на 1000 запусков:    сервер ${fmt((cpu.server / received) * 1000, 0)} мс, PostgreSQL ${fmt((cpu.postgres / received) * 1000, 0)} мс`);
  console.log(`Фиксированный поток ${RATE} вебхуков/с, ${RATE_SECONDS} с: выполнено ${received - before} из ${fired}`);
  console.log(`  задержка до запроса действия p50 / p99: ${fmt(percentile(sortedRate, 50))} мс / ${fmt(percentile(sortedRate, 99))} мс`);
} finally {
  await env.close();
  target.close();
}
