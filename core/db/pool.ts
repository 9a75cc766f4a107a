import pg from 'pg';
import type { Logger } from 'pino';

/**
 * The one pg.Pool of a process, shared by our queries, MikroORM and graphile-worker. Both error
 * handlers matter: without them an idle client's error (e.g. PostgreSQL stopping) crashes Node.
 */
export function createPool(connectionString: string, max: number, logger: Logger): pg.Pool {
  const pool = new pg.Pool({ connectionString, max, idleTimeoutMillis: 30_000 });
  pool.on('error', (err) => logger.warn({ err: err.message }, 'ошибка соединения с PostgreSQL (пул)'));
  pool.on('connect', (client) => {
    client.on('error', (err) => logger.warn({ err: err.message }, 'ошибка соединения с PostgreSQL'));
  });
  return pool;
}
