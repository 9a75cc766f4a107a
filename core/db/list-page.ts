import type pg from 'pg';

/** Counting stops here: beyond it the UI says «более 10 000», and nobody pages that far by number. */
export const TOTAL_CAP = 10_000;
/** Deeper than this, pages go by cursor (keyset), never by offset. */
export const MAX_OFFSET = 10_000;

export interface PageRequest {
  limit: number;
  offset: number;
  /** From `nextCursor` of the previous page: the (time, id) the next page starts after. */
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  /** Exact up to TOTAL_CAP; `totalCapped` says the real count is larger. */
  total: number;
  totalCapped: boolean;
  /** Pass as `cursor` for the next page; null on the last one. */
  nextCursor: string | null;
}

const encodeCursor = (at: Date | string, id: string) => Buffer.from(JSON.stringify([new Date(at).toISOString(), id])).toString('base64url');

function decodeCursor(cursor: string): [string, string] | null {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];
    return typeof at === 'string' && typeof id === 'string' && !Number.isNaN(Date.parse(at)) && /^[0-9a-f-]{36}$|^\d+$/i.test(id) ? [at, id] : null;
  } catch {
    return null;
  }
}

/**
 * One page of a list ordered newest first, and a capped count, side by side. The page walks an
 * index on (…, time desc, id desc); a cursor continues after the last row instead of skipping
 * rows, so the millionth row costs what the first does. `countFrom` is the base table alone
 * (counting needs no joins).
 */
export async function listPage<T extends pg.QueryResultRow>(
  pool: Pick<pg.Pool, 'query'>,
  sql: { select: string; from: string; countFrom: string; where: string; time: string; id: string },
  args: unknown[],
  page: PageRequest,
): Promise<Page<T>> {
  const where = [sql.where];
  const pageArgs = [...args];
  const cursor = page.cursor ? decodeCursor(page.cursor) : null;
  if (cursor) {
    pageArgs.push(cursor[0], cursor[1]);
    where.push(`(${sql.time}, ${sql.id}) < ($${pageArgs.length - 1}::timestamptz, $${pageArgs.length})`);
  }
  const offset = cursor ? 0 : Math.min(page.offset, MAX_OFFSET);
  const [items, count] = await Promise.all([
    pool.query<T & { __at: Date; __id: string }>(
      `select ${sql.select}, ${sql.time} as "__at", ${sql.id}::text as "__id" from ${sql.from} where ${where.join(' and ')}
        order by ${sql.time} desc, ${sql.id} desc limit ${page.limit + 1} offset ${offset}`,
      pageArgs,
    ),
    pool.query<{ n: number }>(`select count(*)::int as n from (select 1 from ${sql.countFrom} where ${sql.where} limit ${TOTAL_CAP + 1}) c`, args),
  ]);
  const more = items.rows.length > page.limit;
  const rows = items.rows.slice(0, page.limit);
  const last = rows.at(-1);
  const n = count.rows[0]!.n;
  return {
    items: rows.map(({ __at: _a, __id: _i, ...row }) => row as unknown as T),
    total: Math.min(n, TOTAL_CAP),
    totalCapped: n > TOTAL_CAP,
    nextCursor: more && last ? encodeCursor(last.__at, last.__id) : null,
  };
}
