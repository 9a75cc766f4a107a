import { SignJWT, jwtVerify } from 'jose';
import type Koa from 'koa';

export const SESSION_COOKIE = 'sid';

export interface SessionClaims {
  sub: string;
  tid: string;
  iat: number;
  exp: number;
}

/** Stateless session: a short HS256 JWT in an httpOnly cookie, renewed while the user is active. */
export function createSessions(secret: string, ttlHours: number, secureCookies: boolean) {
  const key = new TextEncoder().encode(secret);
  const ttlSeconds = Math.round(ttlHours * 3600);

  async function issue(ctx: Koa.Context, userId: string, tenantId: string): Promise<void> {
    const token = await new SignJWT({ tid: tenantId })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(userId)
      .setIssuedAt()
      .setExpirationTime(`${ttlSeconds}s`)
      .sign(key);
    ctx.cookies.set(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: secureCookies,
      maxAge: ttlSeconds * 1000,
      overwrite: true,
      path: '/',
    });
  }

  async function read(ctx: Koa.Context): Promise<SessionClaims | null> {
    const token = ctx.cookies.get(SESSION_COOKIE);
    if (!token) return null;
    try {
      const { payload } = await jwtVerify(token, key, { algorithms: ['HS256'] });
      if (typeof payload.sub !== 'string' || typeof payload.tid !== 'string') return null;
      return payload as unknown as SessionClaims;
    } catch {
      return null;
    }
  }

  function clear(ctx: Koa.Context): void {
    ctx.cookies.set(SESSION_COOKIE, '', { httpOnly: true, sameSite: 'lax', secure: secureCookies, maxAge: 0, path: '/' });
  }

  /** Sliding renewal: past half of its life, a used session gets a fresh token. */
  const needsRenewal = (claims: SessionClaims) => claims.exp - Date.now() / 1000 < ttlSeconds / 2;

  return { issue, read, clear, needsRenewal };
}

export type Sessions = ReturnType<typeof createSessions>;
