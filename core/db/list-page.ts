import type pg from 'pg';

/** One page of a filtered list and the total count, queried side by side. */
export async function listPage<T extends pg.QueryResultRow>(
  pool: Pick<pg.Pool, 'query'>,
  sql: { select: string; from: string; where: string; orderBy: string },
  args: unknown[],
  page: { limit: number; offset: number },
): Promise<{ items: T[]; total: number }> {
  const [items, total] = await Promise.all([
    pool.query<T>(`select ${sql.select} from ${sql.from} where ${sql.where} order by ${sql.orderBy} limit ${page.limit} offset ${page.offset}`, args),
    pool.query<{ n: number }>(`select count(*)::int as n from ${sql.from} where ${sql.where}`, args),
  ]);
  return { items: items.rows, total: total.rows[0]!.n };
}
