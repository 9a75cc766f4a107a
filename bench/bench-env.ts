import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../core/db/embedded-postgres.ts';
import type { Graph } from '../core/graph/graph.schema.ts';
import { HttpTestClient } from '../test/support/http-client.ts';
import { sharedSecrets, startServerProcess, type ServerProcess } from '../test/support/server-process.ts';
import { activeWorkflow } from '../test/support/workflow-graphs.ts';

/**
 * A benchmark environment: PostgreSQL (DATABASE_URL, or an embedded one with default durability)
 * and the server as real child processes, exactly as `npm start` runs them.
 */
export async function benchEnv(opts: { role: 'all' | 'web'; env?: Record<string, string> }) {
  let dir: string | undefined;
  let stopPg: (() => Promise<void>) | undefined;
  let url = process.env.DATABASE_URL;
  if (!url) {
    dir = mkdtempSync(path.join(os.tmpdir(), 'ic-bench-'));
    const embedded = await startEmbeddedPostgres(dir, () => {});
    await embedded.createDatabase('bench');
    url = embedded.urlFor('bench');
    stopPg = () => embedded.stop();
  }
  // BENCH_PROFILE=dir writes a CPU profile of the server process there, to see where time goes.
  const nodeArgs = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
  const env = { DATABASE_URL: url, LOG_LEVEL: 'warn', ...sharedSecrets(), ...opts.env };
  // BENCH_SPLIT=1: `start:web` + `start:worker` as two processes instead of one `npm start`.
  const split = opts.role === 'all' && process.env.BENCH_SPLIT === '1';
  const server: ServerProcess = await startServerProcess({ role: split ? 'web' : opts.role, env, nodeArgs });
  const worker = split ? await startServerProcess({ role: 'worker', env, nodeArgs }) : undefined;
  const client = new HttpTestClient(server.url);
  await client.register(`bench-${Date.now()}@example.ru`);
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  return {
    server,
    client,
    pool,
    workflow: (graph: Graph) => activeWorkflow(client, graph, 'Бенчмарк'),
    async close() {
      await server.kill('SIGTERM');
      await worker?.kill('SIGTERM');
      await pool.end();
      await stopPg?.();
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export const fmt = (n: number, digits = 1) => n.toLocaleString('ru-RU', { maximumFractionDigits: digits });
