import type pg from 'pg';

/**
 * A few connections of the process's one pool, held for a path that must not wait behind the
 * rest (webhook acknowledgement). Taken lazily, kept while healthy, given back broken on error so
 * the pool replaces them. Queries are spread over the held connections round-robin; each
 * connection runs its queries one after another, as pg does.
 */
export function createDbLane(pool: pg.Pool, size: number) {
  const held: (pg.PoolClient | undefined)[] = new Array(size).fill(undefined);
  const pending: (Promise<pg.PoolClient> | undefined)[] = new Array(size).fill(undefined);
  let next = 0;
  let released = false;

  async function client(i: number): Promise<pg.PoolClient> {
    if (held[i]) return held[i]!;
    pending[i] ??= pool.connect().then((c) => {
      held[i] = c;
      pending[i] = undefined;
      return c;
    }, (err) => {
      pending[i] = undefined;
      throw err;
    });
    return pending[i]!;
  }

  return {
    async query<R extends pg.QueryResultRow = any>(config: pg.QueryConfig): Promise<pg.QueryResult<R>> {
      if (released) return pool.query<R>(config);
      const i = next;
      next = (next + 1) % size;
      const c = await client(i);
      try {
        return await c.query<R>(config);
      } catch (err) {
        // A statement error leaves the connection usable; anything else may not.
        if (!(err as { code?: string }).code || /^(08|57P0)/.test((err as { code: string }).code)) {
          if (held[i] === c) held[i] = undefined;
          c.release(err as Error);
        }
        throw err;
      }
    },
    release() {
      released = true;
      for (let i = 0; i < size; i++) {
        held[i]?.release();
        held[i] = undefined;
      }
    },
  };
}
