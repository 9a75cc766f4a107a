import type { AmoCredentials } from './credentials.schema.ts';

/** Refresh this long before the access token expires, so no request carries a dying token. */
export const REFRESH_MARGIN_SECONDS = 5 * 60;

/** OAuth credentials whose access token expires within 5 minutes (or whose expiry is unknown). */
export function refreshDue(c: AmoCredentials, nowMs = Date.now()): boolean {
  if (c.authType !== 'oauth' || !c.refreshToken) return false;
  if (c.expiresAt === undefined) return !c.accessToken;
  return c.expiresAt * 1000 - nowMs < REFRESH_MARGIN_SECONDS * 1000;
}
