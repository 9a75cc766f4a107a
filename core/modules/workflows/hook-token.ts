import { randomBytes } from 'node:crypto';

/**
 * Webhook tokens are the only secret of a webhook URL (no auth header: the sending services cannot
 * set one), so they must be unguessable: 32 random bytes, URL-safe.
 */
export function newHookToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The address users give to the sending service. */
export function hookUrlFor(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/hooks/${token}`;
}
