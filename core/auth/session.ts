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

export interface ResolvedSession {
  /** The shape of `ctx.state.user` (SessionUser in core/http/route.ts, not imported: it would close a cycle). */
  user: { id: string; email: string; name: string; role: 'admin' | 'member'; tenantId: string; tenantName: string };
  /** When the user signed in: the absolute lifetime counts from here. */
  createdAt: Date;
}

export interface SessionOptions {
  secret: string;
  ttlHours: number;
  /** No session outlives its login by more than this, however active (SESSION_MAX_DAYS). */
  maxDays: number;
  secureCookies: boolean;
  orm: MikroORM;
}

/**
 * A short HS256 JWT in an httpOnly cookie, renewed while the user is active, up to an absolute
 * cap. The token names a server-side session record, so logout ends the session for good, not just
 * in this browser.
 */
export function createSessions({ secret, ttlHours, maxDays, secureCookies, orm }: SessionOptions) {
  const key = new TextEncoder().encode(secret);
  const ttlMs = Math.round(ttlHours * 3600 * 1000);
  const maxMs = Math.round(maxDays * 86400 * 1000);
  /** Sliding expiry, cut at the absolute cap. */
  const expiryFor = (createdAt: Date) => new Date(Math.min(Date.now() + ttlMs, createdAt.getTime() + maxMs));

  async function setCookie(ctx: Koa.Context, userId: string, tenantId: string, sessionId: string, expiresAt: Date) {
    const token = await new SignJWT({ tid: tenantId })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(userId)
      .setJti(sessionId)
      .setIssuedAt()
      .setExpirationTime(expiresAt)
      .sign(key);
    const maxAge = Math.max(0, expiresAt.getTime() - Date.now());
    ctx.cookies.set(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure: secureCookies, maxAge, overwrite: true, path: '/' });
  }

  /** Starts a new session (login, registration). */
  async function issue(ctx: Koa.Context, userId: string, tenantId: string): Promise<void> {
    const em = orm.em.fork();
    const createdAt = new Date();
    const session = em.create(UserSession, { user: userId, createdAt, expiresAt: expiryFor(createdAt) });
    await em.flush();
    // Expired records are useless; sweep a few now and then instead of running a job for it.
    if (Math.random() < 0.02) await em.nativeDelete(UserSession, { expiresAt: { $lt: new Date() } });
    await setCookie(ctx, userId, tenantId, session.id, session.expiresAt);
  }

  /** Extends the current session (sliding expiry), never past its absolute cap. */
  async function renew(ctx: Koa.Context, claims: SessionClaims, createdAt: Date): Promise<void> {
    const expiresAt = expiryFor(createdAt);
    await orm.em.fork().nativeUpdate(UserSession, { id: claims.jti }, { expiresAt });
    await setCookie(ctx, claims.sub, claims.tid, claims.jti, expiresAt);
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

  /** The session's user, if the record is live, younger than the cap and still matches the token. */
  async function resolve(claims: SessionClaims): Promise<ResolvedSession | null> {
    const now = Date.now();
    const session = await orm.em.fork().findOne(
      UserSession,
      {
        id: claims.jti,
        expiresAt: { $gt: new Date(now) },
        // Records written before the cap existed may expire later than it allows.
        createdAt: { $gt: new Date(now - maxMs) },
        user: { id: claims.sub, tenant: claims.tid },
      },
      { populate: ['user', 'user.tenant'] },
    );
    if (!session) return null;
    const u = session.user;
    return {
      user: { id: u.id, email: u.email, name: u.name, role: u.role, tenantId: u.tenant.id, tenantName: u.tenant.name },
      createdAt: session.createdAt,
    };
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

  /** «Выйти на всех устройствах»: every session of the user, this one included. Returns how many. */
  async function endAll(ctx: Koa.Context, userId: string): Promise<number> {
    const n = await orm.em.fork().nativeDelete(UserSession, { user: userId });
    clearCookie(ctx);
    return n;
  }

  /**
   * Sliding renewal: past half of its life, a used session gets a fresh token, unless the token
   * already runs to the cap (renewing it again would only rewrite the same expiry on every request).
   */
  const needsRenewal = (claims: SessionClaims, createdAt: Date) =>
    claims.exp - Date.now() / 1000 < ttlMs / 2000 && claims.exp < Math.floor((createdAt.getTime() + maxMs) / 1000);

  return { issue, renew, read, resolve, end, endAll, clearCookie, needsRenewal };
}

export type Sessions = ReturnType<typeof createSessions>;
