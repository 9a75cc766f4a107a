import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { listPage, type PageRequest } from '../../../core/db/list-page.ts';
import { createTestDatabase } from '../../support/test-db.ts';

/**
 * Paging a list newest first, by cursor («Далее») and by page number (offset): every row once, in
 * order, even when many rows share their time to the microsecond, as the rows one statement
 * writes do (a batch of runs, a batch of events).
 */
let db: Awaited<ReturnType<typeof createTestDatabase>>;
let pool: pg.Pool;

const SQL = { select: 'i.id::text as id, i.n', from: 'item i', countFrom: 'item i', where: 'i.tenant = $1', time: 'i.at', id: 'i.id' };
const page = (p: PageRequest) => listPage<{ id: string; n: number }>(pool, SQL, [1], p);

beforeAll(async () => {
  db = await createTestDatabase();
  pool = new pg.Pool({ connectionString: db.url, max: 2 });
  await pool.query(`create table item (id uuid primary key default gen_random_uuid(), tenant int not null, n int not null, at timestamptz not null)`);
  // 3 batches of 25 rows, each batch sharing one microsecond-precise time, plus 2 lone rows and
  // another tenant's rows in between.
  await pool.query(`
    insert into item (tenant, n, at)
    select case when g % 10 = 0 then 2 else 1 end, g,
           timestamptz '2026-11-30 10:00:00.123456+00' + make_interval(secs => case when g <= 30 then 0 when g <= 60 then 1 when g <= 90 then 2 else g end)
      from generate_series(1, 92) g`);
});
afterAll(async () => {
  await pool?.end();
  await db?.drop();
});

async function expected(): Promise<string[]> {
  const { rows } = await pool.query<{ id: string }>(`select id::text from item where tenant = 1 order by at desc, id desc`);
  return rows.map((r) => r.id);
}

describe('list pages', () => {
  it('«Далее» from page to page gives every row once, in order, through rows sharing their time', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < 20; i++) {
      const p = await page({ limit: 10, offset: 0, cursor });
      seen.push(...p.items.map((r) => r.id));
      if (!p.nextCursor) break;
      cursor = p.nextCursor;
    }
    expect(seen).toEqual(await expected());
  });

  it('a numbered page is the same rows as the cursor gives there; past the end it is empty', async () => {
    const all = await expected();
    for (const offset of [10, 27, 50, 74]) {
      const p = await page({ limit: 10, offset });
      expect(p.items.map((r) => r.id)).toEqual(all.slice(offset, offset + 10));
      expect(p.total).toBe(all.length);
    }
    const past = await page({ limit: 10, offset: 500 });
    expect(past.items).toEqual([]);
    expect(past.nextCursor).toBeNull();
  });

  it('a forged cursor is ignored, not an error', async () => {
    const forged = Buffer.from(JSON.stringify(["2026-01-01'; drop table item; --", 'x'])).toString('base64url');
    const p = await page({ limit: 5, offset: 0, cursor: forged });
    expect(p.items.map((r) => r.id)).toEqual((await expected()).slice(0, 5));
  });
});
