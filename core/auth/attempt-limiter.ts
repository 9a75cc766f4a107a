import type pg from 'pg';

export interface Limit {
  /** `login:pair:<email>|<ip>`, `login:account:<email>`, `register:ip:<ip>`. */
  key: string;
  max: number;
  windowSeconds: number;
}

/** Taken, or refused with the seconds until the key's window ends. */
export type TakeResult = { ok: true } | { ok: false; retryAfterSeconds: number };

/**
 * Fixed-window counters in PostgreSQL, shared by every process. The window opens with a key's first
 * attempt and the key is spent once `max` attempts fall into it. Attempts are taken BEFORE the work
 * they guard (a password check), never recorded after it: a check followed by a later insert lets
 * 100 concurrent attempts all pass the check.
 */
export function createAttemptLimiter(pool: pg.Pool) {
  /**
   * Takes one attempt or refuses, in ONE statement (kept as hand-written SQL on purpose): the upsert
   * locks the key's row, and its WHERE sees the latest committed count, so concurrent callers are
   * serialised and at most `max` of them get through per window. A refused attempt does not count.
   */
  async function take(limit: Limit): Promise<TakeResult> {
    const { rows } = await pool.query<{ hits: number | null; left: number | null }>(
      `with taken as (
         insert into auth_limit as l (key, hits, window_ends_at)
         values ($1, 1, now() + make_interval(secs => $3))
         on conflict (key) do update
            set hits = case when l.window_ends_at <= now() then 1 else l.hits + 1 end,
                window_ends_at = case when l.window_ends_at <= now() then excluded.window_ends_at else l.window_ends_at end
          where l.window_ends_at <= now() or l.hits < $2
         returning hits)
       select (select hits from taken) as hits,
              (select ceil(extract(epoch from window_ends_at - now()))::int from auth_limit where key = $1) as left`,
      [limit.key, limit.max, limit.windowSeconds],
    );
    // Expired counters are useless; sweep them now and then instead of running a job for it.
    if (Math.random() < 0.02) void pool.query('delete from auth_limit where window_ends_at < now()').catch(() => undefined);
    const { hits, left } = rows[0]!;
    if (hits !== null) return { ok: true };
    // `left` is read in the statement's snapshot, which may predate the row that refused us.
    return { ok: false, retryAfterSeconds: left !== null && left > 0 ? left : limit.windowSeconds };
  }

  /** Gives an attempt back (it turned out not to be a failure, or a later limit refused it). */
  async function refund(key: string): Promise<void> {
    await pool.query('update auth_limit set hits = hits - 1 where key = $1 and hits > 0', [key]);
  }

  /** Forgets the key's attempts. */
  async function reset(key: string): Promise<void> {
    await pool.query('delete from auth_limit where key = $1', [key]);
  }

  return { take, refund, reset };
}

export type AttemptLimiter = ReturnType<typeof createAttemptLimiter>;
