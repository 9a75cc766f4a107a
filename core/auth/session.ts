import { SignJWT, jwtVerify } from 'jose';
import type Koa from 'koa';
import type { MikroORM } from '@mikro-orm/postgresql';
import { UserSession } from '../modules/users/user-session.entity.ts';

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
export function createSessions(secret: string, ttlHours: number, secureCookies: boolean, orm: MikroORM) {
  const key = new TextEncoder().encode(secret);
  const ttlSeconds = Math.round(ttlHours * 3600);
  const expiry = () => new Date(Date.now() + ttlSeconds * 1000);

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
    const em = orm.em.fork();
    const session = em.create(UserSession, { user: userId, expiresAt: expiry() });
    await em.flush();
    // Expired records are useless; sweep a few now and then instead of running a job for it.
    if (Math.random() < 0.02) await em.nativeDelete(UserSession, { expiresAt: { $lt: new Date() } });
    await setCookie(ctx, userId, tenantId, session.id);
  }

  /** Extends the current session (sliding expiry). */
  async function renew(ctx: Koa.Context, claims: SessionClaims): Promise<void> {
    await orm.em.fork().nativeUpdate(UserSession, { id: claims.jti }, { expiresAt: expiry() });
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

  /** The session's user, if the record is live and still matches the token. */
  async function resolve(claims: SessionClaims) {
    const session = await orm.em.fork().findOne(
      UserSession,
      { id: claims.jti, expiresAt: { $gt: new Date() }, user: { id: claims.sub, tenant: claims.tid } },
      { populate: ['user', 'user.tenant'] },
    );
    if (!session) return null;
    const u = session.user;
    return { id: u.id, email: u.email, name: u.name, role: u.role, tenantId: u.tenant.id, tenantName: u.tenant.name };
  }

  function clearCookie(ctx: Koa.Context): void {
    ctx.cookies.set(SESSION_COOKIE, '', { httpOnly: true, sameSite: 'lax', secure: secureCookies, maxAge: 0, path: '/' });
  }

  /** Logout: the session record goes, so the token is worthless even if it was copied. */
  async function end(ctx: Koa.Context): Promise<void> {
    const claims = await read(ctx);
    if (claims) await orm.em.fork().nativeDelete(UserSession, { id: claims.jti });
    clearCookie(ctx);
  }

  /** Sliding renewal: past half of its life, a used session gets a fresh token. */
  const needsRenewal = (claims: SessionClaims) => claims.exp - Date.now() / 1000 < ttlSeconds / 2;

  return { issue, renew, read, resolve, end, clearCookie, needsRenewal };
}

export type Sessions = ReturnType<typeof createSessions>;
