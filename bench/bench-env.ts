import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../core/db/embedded-postgres.ts';
import type { Graph } from '../core/graph/graph.schema.ts';
import { HttpTestClient } from '../test/support/http-client.ts';
import { sharedSecrets, startServerProcess, type ServerProcess } from '../test/support/server-process.ts';
import { activeWorkflow } from '../test/support/workflow-graphs.ts';
import { cpuSnapshot } from './cpu-usage.ts';

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
  // One sender floods one address on purpose: the per-address and per-tenant webhook rates that
  // protect neighbours in production would measure the limiter, not the server.
  const unlimited = { INGEST_RATE_PER_TOKEN: '1000000', INGEST_BURST_PER_TOKEN: '1000000', INGEST_RATE_PER_TENANT: '1000000', INGEST_BURST_PER_TENANT: '1000000', TENANT_MAX_QUEUED_EVENTS: '100000000' };
  const env = { DATABASE_URL: url, LOG_LEVEL: 'warn', ...unlimited, ...sharedSecrets(), ...opts.env };
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
    /** CPU of the server process(es) and PostgreSQL so far (see cpu-usage.ts). */
    cpu: () => cpuSnapshot([server.child.pid!, ...(worker ? [worker.child.pid!] : [])]),
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
