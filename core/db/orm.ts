import { MikroORM, defineConfig } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { Logger, runMigrations } from 'graphile-worker';
import type pg from 'pg';
import { migrationsList } from '../../migrations/index.ts';
import { entities } from './entities.ts';

const quietLogger = new Logger(() => () => {});

export async function initOrm(url: string, debug = false): Promise<MikroORM> {
  return await MikroORM.init(
    defineConfig({
      clientUrl: url,
      entities,
      extensions: [Migrator],
      migrations: { migrationsList, snapshot: false, transactional: true, allOrNothing: true },
      pool: { min: 0, max: 10 },
      debug,
      allowGlobalContext: false,
      forceUtcTimezone: true,
      discovery: { warnWhenNoEntities: false },
    }),
  );
}

/** Our migrations, then graphile-worker's own. Safe to run concurrently from several processes. */
export async function migrate(orm: MikroORM, pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    // One migrator at a time across processes (web + workers booting together).
    await client.query('select pg_advisory_lock(727274)');
    await orm.getMigrator().up();
    await runMigrations({ pgPool: pool, logger: quietLogger });
  } finally {
    await client.query('select pg_advisory_unlock(727274)').catch(() => {});
    client.release();
  }
}

export async function pendingMigrations(orm: MikroORM): Promise<number> {
  return (await orm.getMigrator().getPendingMigrations()).length;
}
