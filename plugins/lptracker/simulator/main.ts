/**
 * Runs the LPTracker simulator until stopped:
 *   node --import tsx plugins/lptracker/simulator/main.ts [--port 8090] [--host 127.0.0.1]
 *     [--login x --password y] [--rate-limit 3] [--http-503] [--webhook-json] [--invalid-lead-id-ms 0] [--seed n]
 */
import { parseArgs } from 'node:util';
import { startLptSimulator } from './lpt-simulator.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    host: { type: 'string' },
    login: { type: 'string' },
    password: { type: 'string' },
    'rate-limit': { type: 'string' },
    'http-503': { type: 'boolean' },
    'webhook-json': { type: 'boolean' },
    'invalid-lead-id-ms': { type: 'string' },
    seed: { type: 'string' },
  },
});

const num = (v: string | undefined, name: string): number | undefined => {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) {
    console.error(`Неверное значение --${name}: ${v}`);
    process.exit(2);
  }
  return n;
};

const sim = await startLptSimulator({
  port: num(values.port, 'port') ?? 8090,
  host: values.host,
  login: values.login,
  password: values.password,
  rateLimitPerSecond: num(values['rate-limit'], 'rate-limit'),
  rateLimitHttp503: values['http-503'],
  webhookJsonBody: values['webhook-json'],
  invalidLeadIdMs: num(values['invalid-lead-id-ms'], 'invalid-lead-id-ms'),
  seed: num(values.seed, 'seed'),
});

console.log(`Симулятор LPTracker запущен: ${sim.url}`);
console.log(`  логин:  ${sim.login}`);
console.log(`  пароль: ${sim.password}`);
console.log(`  проекты: ${[...sim.state.projects.values()].map((p) => `${p.name} (${p.id})`).join(', ')}`);
console.log(`  служебный API: ${sim.url}/__sim/state`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await sim.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
