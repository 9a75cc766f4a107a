import { MikroORM, defineConfig } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { Logger, runMigrations } from 'graphile-worker';
import type pg from 'pg';
import { migrationsList } from '../../migrations/index.ts';
import { entities } from './entities.ts';
import { sharedPoolDialect } from './shared-pool-dialect.ts';

const quietLogger = new Logger(() => () => {});

/**
 * MikroORM on the process's pool (see shared-pool-dialect.ts). Its own knex pool keeps at most
 * `max` connections borrowed and gives idle ones back within a second.
 */
export async function initOrm(pool: pg.Pool, max: number, debug = false): Promise<MikroORM> {
  return await MikroORM.init(
    defineConfig({
      // Connections come from the pool; the URL only satisfies the configuration.
      clientUrl: 'postgresql://shared-pool/app',
      entities,
      extensions: [Migrator],
      migrations: { migrationsList, snapshot: false, transactional: true, allOrNothing: true },
      pool: { min: 0, max, idleTimeoutMillis: 1000, reapIntervalMillis: 500 },
      driverOptions: { client: sharedPoolDialect(pool) },
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
