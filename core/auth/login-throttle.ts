import type pg from 'pg';

/** 5 failures for one email+IP within 15 minutes lock that pair until the window passes. */
export const THROTTLE_MAX_FAILURES = 5;
export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;

export function createLoginThrottle(pool: pg.Pool) {
  const keyOf = (email: string, ip: string) => `${email}|${ip}`;

  /** Seconds until the pair may try again, or 0. */
  async function blockedFor(email: string, ip: string): Promise<number> {
    const { rows } = await pool.query<{ n: number; oldest: Date | null }>(
      `select count(*)::int as n, min(attempted_at) as oldest from (
         select attempted_at from login_attempt
          where key = $1 and attempted_at > now() - make_interval(secs => $2)
          order by attempted_at desc limit $3) recent`,
      [keyOf(email, ip), THROTTLE_WINDOW_MS / 1000, THROTTLE_MAX_FAILURES],
    );
    const { n, oldest } = rows[0]!;
    if (n < THROTTLE_MAX_FAILURES || !oldest) return 0;
    return Math.max(1, Math.ceil((oldest.getTime() + THROTTLE_WINDOW_MS - Date.now()) / 1000));
  }

  async function recordFailure(email: string, ip: string): Promise<void> {
    await pool.query('insert into login_attempt (key) values ($1)', [keyOf(email, ip)]);
    // Keep the table small: old attempts are useless.
    if (Math.random() < 0.05) {
      await pool.query(`delete from login_attempt where attempted_at < now() - make_interval(secs => $1)`, [THROTTLE_WINDOW_MS / 1000]);
    }
  }

  async function reset(email: string, ip: string): Promise<void> {
    await pool.query('delete from login_attempt where key = $1', [keyOf(email, ip)]);
  }

  return { blockedFor, recordFailure, reset };
}

export type LoginThrottle = ReturnType<typeof createLoginThrottle>;
