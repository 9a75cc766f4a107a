import { PostgreSqlKnexDialect } from '@mikro-orm/knex';
import type pg from 'pg';

type Listener = (...args: unknown[]) => void;
interface LentClient extends pg.PoolClient {
  __knex__disposed?: unknown;
  __lentListeners?: { error: Listener; end: Listener };
}

/**
 * MikroORM (through knex) borrows its connections from the process's one pg.Pool instead of
 * opening its own: knex's pool only decides how many it holds, the connections themselves come
 * from and go back to the shared pool. Returns a knex client class bound to that pool.
 */
export function sharedPoolDialect(pool: pg.Pool) {
  return class SharedPoolDialect extends (PostgreSqlKnexDialect as unknown as new (...args: any[]) => any) {
    async _acquireOnlyConnection(): Promise<LentClient> {
      const client = (await pool.connect()) as LentClient;
      // knex marks a connection disposed on error so its pool drops it; keep the listeners to
      // remove them when the connection goes back (the pool reuses the client object).
      const error: Listener = (err) => {
        client.__knex__disposed = err;
      };
      const end: Listener = (err) => {
        client.__knex__disposed = err || 'Connection ended unexpectedly';
      };
      client.on('error', error);
      client.on('end', end);
      client.__lentListeners = { error, end };
      return client;
    }

    async destroyRawConnection(client: LentClient): Promise<void> {
      const listeners = client.__lentListeners;
      if (listeners) {
        client.off('error', listeners.error);
        client.off('end', listeners.end);
        delete client.__lentListeners;
      }
      const disposed = client.__knex__disposed;
      delete client.__knex__disposed;
      client.release(disposed ? (disposed instanceof Error ? disposed : new Error(String(disposed))) : undefined);
    }
  };
}
