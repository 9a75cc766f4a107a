import pg from 'pg';
import { createTestDatabase } from './test-db.ts';
import type { ServerProcess } from './server-process.ts';
import { startTargetServer } from './target-server.ts';

/** What a test of real server processes needs: its own database, a target server, a pool to inspect. */
export async function processTestEnv(target: Parameters<typeof startTargetServer>[0] = {}) {
  const db = await createTestDatabase();
  const env = {
    db,
    target: await startTargetServer(target),
    pool: new pg.Pool({ connectionString: db.url, max: 3 }),
    procs: [] as ServerProcess[],
    async close(signal: NodeJS.Signals = 'SIGTERM') {
      await Promise.all(env.procs.map((p) => p.kill(signal)));
      await env.pool.end();
      await env.target.close();
      await db.drop();
    },
  };
  return env;
}

export type ProcessTestEnv = Awaited<ReturnType<typeof processTestEnv>>;
