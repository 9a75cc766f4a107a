import { SignJWT, jwtVerify } from 'jose';
import type Koa from 'koa';
import type pg from 'pg';

export const SESSION_COOKIE = 'sid';

export interface SessionClaims {
  sub: string;
  tid: string;
  /** The server-side session record (user_session.id). */
  jti: string;
  iat: number;
  exp: number;
}

/**
 * A short HS256 JWT in an httpOnly cookie, renewed while the user is active. The token names a
 * server-side session record, so logout ends the session for good, not just in this browser.
 */
export function createSessions(secret: string, ttlHours: number, secureCookies: boolean, pool: Pick<pg.Pool, 'query'>) {
  const key = new TextEncoder().encode(secret);
  const ttlSeconds = Math.round(ttlHours * 3600);

  async function setCookie(ctx: Koa.Context, userId: string, tenantId: string, sessionId: string) {
    const token = await new SignJWT({ tid: tenantId })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(userId)
      .setJti(sessionId)
      .setIssuedAt()
      .setExpirationTime(`${ttlSeconds}s`)
      .sign(key);
    ctx.cookies.set(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure: secureCookies, maxAge: ttlSeconds * 1000, overwrite: true, path: '/' });
  }

  /** Starts a new session (login, registration). */
  async function issue(ctx: Koa.Context, userId: string, tenantId: string): Promise<void> {
    const { rows } = await pool.query<{ id: string }>(
      `insert into user_session (user_id, expires_at) values ($1, now() + make_interval(secs => $2)) returning id`,
      [userId, ttlSeconds],
    );
    // Expired records are useless; sweep a few now and then instead of running a job for it.
    if (Math.random() < 0.02) await pool.query('delete from user_session where expires_at < now()');
    await setCookie(ctx, userId, tenantId, rows[0]!.id);
  }

  /** Extends the current session (sliding expiry). */
  async function renew(ctx: Koa.Context, claims: SessionClaims): Promise<void> {
    await pool.query('update user_session set expires_at = now() + make_interval(secs => $2) where id = $1', [claims.jti, ttlSeconds]);
    await setCookie(ctx, claims.sub, claims.tid, claims.jti);
  }

  async function read(ctx: Koa.Context): Promise<SessionClaims | null> {
    const token = ctx.cookies.get(SESSION_COOKIE);
    if (!token) return null;
    try {
      const { payload } = await jwtVerify(token, key, { algorithms: ['HS256'] });
      if (typeof payload.sub !== 'string' || typeof payload.tid !== 'string' || typeof payload.jti !== 'string') return null;
      return payload as unknown as SessionClaims;
    } catch {
      return null;
    }
  }

  function clearCookie(ctx: Koa.Context): void {
    ctx.cookies.set(SESSION_COOKIE, '', { httpOnly: true, sameSite: 'lax', secure: secureCookies, maxAge: 0, path: '/' });
  }

  /** Logout: the session record goes, so the token is worthless even if it was copied. */
  async function end(ctx: Koa.Context): Promise<void> {
    const claims = await read(ctx);
    if (claims) await pool.query('delete from user_session where id = $1', [claims.jti]);
    clearCookie(ctx);
  }

  /** Sliding renewal: past half of its life, a used session gets a fresh token. */
  const needsRenewal = (claims: SessionClaims) => claims.exp - Date.now() / 1000 < ttlSeconds / 2;

  return { issue, renew, read, end, clearCookie, needsRenewal };
}

export type Sessions = ReturnType<typeof createSessions>;
