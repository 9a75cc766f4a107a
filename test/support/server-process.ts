import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { findFreePort } from '../../core/db/embedded-postgres.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Secrets shared by every process of one test, as a real deployment would share them. */
export function sharedSecrets(): Record<string, string> {
  return {
    ENCRYPTION_KEYS: `k1:${randomBytes(32).toString('base64')}`,
    SESSION_SECRET: randomBytes(32).toString('hex'),
  };
}

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  port: number;
  output: () => string;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** `npm run start:web` / `start:worker` / `start` as a real child process. */
export async function startServerProcess(opts: { role: 'all' | 'web' | 'worker'; env: Record<string, string>; port?: number; nodeArgs?: string[] }): Promise<ServerProcess> {
  const port = opts.port ?? (await findFreePort());
  let out = '';
  const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), '--import', 'tsx', 'core/main.ts', `--role=${opts.role}`], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'info', PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: `http://127.0.0.1:${port}`, EGRESS_ALLOW: '127.0.0.1/32', ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const ready = opts.role === 'worker' ? 'Обработчик очереди запущен' : 'Сервер слушает';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 60 s:\n${out}`)), 60_000);
    const check = () => {
      if (out.includes(ready)) {
        clearTimeout(timer);
        child.stdout!.off('data', check);
        resolve();
      }
    };
    child.stdout!.on('data', check);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${out}`));
    });
  });
  child.removeAllListeners('exit');
  return {
    child,
    port,
    url: `http://127.0.0.1:${port}`,
    output: () => out,
    kill: (signal = 'SIGTERM') =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill(signal);
      }),
  };
}
