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

/**
 * The time travels as PostgreSQL's own text, microseconds included: rows written by one statement
 * share their time to the microsecond, and a time cut to milliseconds (a JS Date) would make the
 * next page skip the rest of them.
 */
const encodeCursor = (at: string, id: string) => Buffer.from(JSON.stringify([at, id])).toString('base64url');

const PG_TIME = /^\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d(\.\d{1,6})?(Z|[+-]\d\d(:?\d\d)?)?$/;

function decodeCursor(cursor: string): [string, string] | null {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];
    return typeof at === 'string' && typeof id === 'string' && PG_TIME.test(at) && /^[0-9a-f-]{36}$|^\d+$/i.test(id) ? [at, id] : null;
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
  let cursor = page.cursor ? decodeCursor(page.cursor) : null;
  let from: '<' | '<=' = '<';
  const offset = cursor ? 0 : Math.min(page.offset, MAX_OFFSET);
  if (!cursor && offset > 0) {
    // A numbered page: find its first row on the base table alone, then read the page from there
    // with the joins, so skipping 10,000 rows never joins them.
    const { rows } = await pool.query<{ at: string; id: string }>(
      `select ${sql.time}::text as at, ${sql.id}::text as id from ${sql.countFrom} where ${sql.where}
        order by ${sql.time} desc, ${sql.id} desc offset ${offset} limit 1`,
      args,
    );
    if (rows[0]) [cursor, from] = [[rows[0].at, rows[0].id], '<='];
  }
  if (cursor) {
    pageArgs.push(cursor[0], cursor[1]);
    where.push(`(${sql.time}, ${sql.id}) ${from} ($${pageArgs.length - 1}::timestamptz, $${pageArgs.length})`);
  }
  const beyondEnd = !cursor && offset > 0;
  const [items, count] = await Promise.all([
    beyondEnd
      ? { rows: [] as (T & { __at: string; __id: string })[] }
      : pool.query<T & { __at: string; __id: string }>(
          `select ${sql.select}, ${sql.time}::text as "__at", ${sql.id}::text as "__id" from ${sql.from} where ${where.join(' and ')}
            order by ${sql.time} desc, ${sql.id} desc limit ${page.limit + 1}`,
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
