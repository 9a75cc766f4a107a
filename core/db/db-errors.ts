import pg from 'pg';

/**
 * SQLSTATE classes that mean "the database is unreachable or busy right now": connection
 * exceptions (08), insufficient resources (53), operator intervention such as a restart (57P0x),
 * serialization failures and deadlocks (40001, 40P01). Anything else PostgreSQL reports is about
 * the statement or its values and would fail the same way again.
 */
const OUTAGE_SQLSTATE = /^(08|53|57P0|40001|40P01)/;
const NETWORK_ERRNO = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH']);

/** An error PostgreSQL raised about a statement (bad value, constraint…), as opposed to an outage. */
export function isStatementError(err: unknown): err is pg.DatabaseError {
  return err instanceof pg.DatabaseError && !OUTAGE_SQLSTATE.test(err.code ?? '');
}

/** What we can tell from the error alone; `isDatabaseDown` settles the rest. */
export function looksLikeOutage(err: unknown): boolean {
  if (err instanceof pg.DatabaseError) return OUTAGE_SQLSTATE.test(err.code ?? '');
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && NETWORK_ERRNO.has(code);
}

/**
 * The driver reports a dropped connection or an exhausted pool as plain Errors without a code,
 * so rather than guess from their text, ask the database: an error raised while it cannot answer
 * a trivial query is an outage.
 */
export async function isDatabaseDown(pool: Pick<pg.Pool, 'query'>, timeoutMs = 3000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      pool.query('select 1'),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('probe timeout')), timeoutMs);
      }),
    ]);
    return false;
  } catch {
    return true;
  } finally {
    clearTimeout(timer);
  }
}
