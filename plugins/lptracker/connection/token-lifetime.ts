import type { LptCredentials } from './credentials.schema.ts';

/**
 * LPTracker drops a token after 24 h without use. The core writes credentials only on refresh, so
 * the last use is not known reliably across processes; the issue time is, and a token is always
 * used no earlier than it was issued. Renewing 20 h after issue therefore never sends a token
 * that idled out, at the price of one extra login a day.
 */
export const TOKEN_RENEW_AFTER_MS = 20 * 3600_000;

export function tokenDue(c: Pick<LptCredentials, 'token' | 'tokenAt'>, nowMs = Date.now()): boolean {
  if (!c.token || c.tokenAt === undefined) return true;
  return nowMs - c.tokenAt > TOKEN_RENEW_AFTER_MS || c.tokenAt > nowMs + 60_000;
}
