/**
 * `npm run demo`: the product next to both CRM simulators, seeded so a newcomer sees the flagship
 * flow at once. Everything is fresh on each start (DATA_DIR .data/demo is wiped); the simulators
 * live in this process, the product is its real `core/main.ts` in a child process.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startAmoSimulator, type AmoSimulator } from '../plugins/amocrm/simulator/amo-simulator.ts';
import { startLptSimulator, type LptSimulator } from '../plugins/lptracker/simulator/lpt-simulator.ts';
import { DEMO_ACCOUNTS, seedDemo } from './demo-seed.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface DemoOptions {
  port: number;
  amoPort: number;
  lptPort: number;
  /** Where the simulators listen: a loopback address of their own, so egress can allow them and nothing else. */
  simHost: string;
  /** A database to use instead of a fresh embedded one (tests). */
  databaseUrl?: string;
  dataDir: string;
  log: (line: string) => void;
}

export interface Demo {
  url: string;
  amo: AmoSimulator;
  lpt: LptSimulator;
  /** The lead the printed command moves. */
  dealId: number;
  moveCommand: string;
  stop(): Promise<void>;
}

/** Linux routes all of 127/8 to loopback; elsewhere only 127.0.0.1 is sure to exist. */
const defaultSimHost = () => (process.platform === 'linux' ? '127.0.0.2' : '127.0.0.1');

function startProduct(opts: DemoOptions, url: string): { child: ChildProcess; ready: Promise<void> } {
  let out = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'core/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(opts.port),
      PUBLIC_URL: url,
      DATA_DIR: opts.dataDir,
      EGRESS_ALLOW: `${opts.simHost}/32`,
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
      REGISTRATION: 'open',
      ...(opts.databaseUrl ? { DATABASE_URL: opts.databaseUrl } : { DATABASE_URL: '' }),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => {
    out += d;
    process.stderr.write(d);
  });
  const ready = (async () => {
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`Сервер завершился с кодом ${child.exitCode}:\n${out}`);
      const ok = await fetch(`${url}/readyz`).then((r) => r.ok, () => false);
      if (ok) return;
      await new Promise((r) => setTimeout(r, 300));
    }
    throw new Error(`Сервер не запустился за 2 минуты:\n${out}`);
  })();
  return { child, ready };
}

export async function startDemo(opts: DemoOptions): Promise<Demo> {
  const [amo, lpt] = await Promise.all([
    startAmoSimulator({ host: opts.simHost, port: opts.amoPort }),
    startLptSimulator({ host: opts.simHost, port: opts.lptPort, login: 'demo@lptracker.local', password: 'demo-lpt-пароль' }),
  ]);
  // One project keeps LPTracker's reference data (3 requests per second) quick to load.
  for (const id of [...lpt.state.projects.keys()].slice(1)) lpt.state.projects.delete(id);

  if (!opts.databaseUrl) rmSync(opts.dataDir, { recursive: true, force: true });
  const url = `http://localhost:${opts.port}`;
  const product = startProduct(opts, url);
  const stopAll = async () => {
    if (product.child.exitCode === null) {
      const exited = new Promise((r) => product.child.once('exit', r));
      product.child.kill('SIGTERM');
      await exited;
    }
    await Promise.all([amo.close(), lpt.close()]);
  };
  try {
    await product.ready;
    await seedDemo(url, { amo: { url: amo.url, subdomain: amo.subdomain, token: amo.issueLongLivedToken() }, lpt: { url: lpt.url, login: lpt.login, password: lpt.password } });
  } catch (err) {
    await stopAll();
    throw err;
  }

  const contact = amo.admin.createContact({ name: 'Ирина Соколова', phone: '+7 918 555-12-34', email: 'irina@example.ru' });
  const deal = amo.admin.createLead({ name: 'Кухня на заказ', pipeline: 'Продажи', status: 'Новая заявка', price: 240000, fields: { Город: 'Краснодар' }, contactIds: [contact.id] });
  amo.admin.createLead({ name: 'Шкаф-купе', pipeline: 'Продажи', status: 'Новая заявка', price: 90000, fields: { Город: 'Москва' } });
  const moveCommand = `curl -X POST ${amo.url}/__sim/leads/${deal.id}/move -H 'content-type: application/json' -d '{"pipeline":"Продажи","status":"Переговоры"}'`;
  return { url, amo, lpt, dealId: deal.id, moveCommand, stop: stopAll };
}

function banner(demo: Demo): string {
  return [
    '',
    '  Демо запущено',
    '',
    `  Откройте ${demo.url}`,
    `    Отдел продаж:  ${DEMO_ACCOUNTS.sales.email} / ${DEMO_ACCOUNTS.sales.password}`,
    `    Администратор: ${DEMO_ACCOUNTS.admin.email} / ${DEMO_ACCOUNTS.admin.password}`,
    '',
    `  Симулятор AmoCRM:   ${demo.amo.url}  (подключён отделом продаж)`,
    `  Симулятор LPTracker: ${demo.lpt.url}  (привязан администратором)`,
    '  Включены правила «Сделка AmoCRM, город «Краснодар» → лид в LPTracker» и «Отказ в LPTracker → сделка AmoCRM закрыта».',
    '',
    '  Переведите сделку «Кухня на заказ» (Краснодар) на этап «Переговоры» в симуляторе AmoCRM:',
    '',
    `    ${demo.moveCommand}`,
    '',
    '  В «Логах» появится запуск, а в LPTracker — лид. Остановить: Ctrl+C.',
    '',
  ].join('\n');
}

/** Tells the newcomer the next step once the lead reaches LPTracker: the way back. */
function watchForLead(demo: Demo, log: (line: string) => void): NodeJS.Timeout {
  const known = new Set(demo.lpt.state.leads.keys());
  const timer = setInterval(() => {
    for (const [id, lead] of demo.lpt.state.leads) {
      if (known.has(id)) continue;
      known.add(id);
      log(`\n  В LPTracker создан лид ${id} «${lead.name}». Обратный путь — отказ клиента в LPTracker закроет сделку в AmoCRM:\n`);
      log(`    curl -X POST ${demo.lpt.url}/__sim/leads/${id}/stage -H 'content-type: application/json' -d '{"stage":"Отказ"}'\n`);
    }
  }, 500);
  timer.unref();
  return timer;
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
  const log = (line: string) => console.log(line);
  console.log('Запускаем демо: симуляторы AmoCRM и LPTracker, база данных и сервер…');
  startDemo({
    port: env('PORT', 3000),
    amoPort: env('DEMO_AMOCRM_PORT', 3101),
    lptPort: env('DEMO_LPTRACKER_PORT', 3102),
    simHost: process.env.DEMO_SIM_HOST ?? defaultSimHost(),
    dataDir: path.join(ROOT, '.data', 'demo'),
    log,
  }).then(
    (demo) => {
      log(banner(demo));
      watchForLead(demo, log);
      const stop = () => void demo.stop().then(() => process.exit(0), () => process.exit(1));
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    },
    (err) => {
      console.error(`Демо не запустилось: ${err instanceof Error ? err.message : String(err)}`);
      process.exit(1);
    },
  );
}
