import { randomBytes } from 'node:crypto';
import type { AccessTokens } from './tokens.ts';

export interface OAuthClient {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
}

interface AuthCode {
  clientId: string;
  redirectUri: string;
  expiresAtMs: number;
  used: boolean;
}

interface RefreshRecord {
  clientId: string;
  expiresAtMs: number;
  /** Used at least once (a successor was issued from it). */
  spent: boolean;
  /** The token issued from this one; once it is used, this one is revoked. */
  successor?: string;
  revoked: boolean;
  /** Token-endpoint calls that presented this token, whatever the outcome. */
  uses: number;
}

export interface TokenPair {
  token_type: 'Bearer';
  expires_in: number;
  server_time: number;
  access_token: string;
  refresh_token: string;
}

export type GrantResult = { ok: true; pair: TokenPair } | { ok: false; hint: string; status: number };

export interface OAuthTtl {
  accessTokenSeconds: number;
  codeSeconds: number;
}

const REFRESH_TTL_MS = 90 * 24 * 3600 * 1000;
const opaque = () => 'def50200' + randomBytes(96).toString('hex');

/**
 * Authorization codes and refresh tokens with amoCRM's rotation rules (reference §1.2): a code is
 * single-use; every refresh returns a new refresh token; the previous one keeps working until the
 * new one is used (grace), after which it is revoked.
 */
export class OAuthStore {
  readonly clients = new Map<string, OAuthClient>();
  private codes = new Map<string, AuthCode>();
  private refresh = new Map<string, RefreshRecord>();
  /** Successful refresh_token grants. */
  refreshes = 0;

  constructor(
    private access: AccessTokens,
    private ttl: OAuthTtl,
  ) {}

  registerClient(c: OAuthClient): void {
    this.clients.set(c.clientId, { ...c });
  }

  createCode(clientId: string, redirectUri?: string): string | undefined {
    const client = this.clients.get(clientId);
    if (!client) return undefined;
    const code = opaque();
    this.codes.set(code, { clientId, redirectUri: redirectUri ?? client.redirectUri, expiresAtMs: Date.now() + this.ttl.codeSeconds * 1000, used: false });
    return code;
  }

  knowsRefresh(token: string): boolean {
    return this.refresh.has(token);
  }

  refreshUses(token: string): number {
    return this.refresh.get(token)?.uses ?? 0;
  }

  revokeAll(): void {
    for (const r of this.refresh.values()) r.revoked = true;
    for (const c of this.codes.values()) c.used = true;
  }

  resetStats(): void {
    this.refreshes = 0;
    for (const r of this.refresh.values()) r.uses = 0;
  }

  grant(p: Record<string, string | undefined>): GrantResult {
    const client = p.client_id ? this.clients.get(p.client_id) : undefined;
    if (!client) return fail('Check the `client_id` parameter');
    if (p.client_secret !== client.clientSecret) return fail('Client authentication failed', 401);
    if (p.grant_type === 'authorization_code') return this.byCode(client, p.code, p.redirect_uri);
    if (p.grant_type === 'refresh_token') return this.byRefresh(client, p.refresh_token);
    return fail('Check the `grant_type` parameter');
  }

  private byCode(client: OAuthClient, code: string | undefined, redirectUri: string | undefined): GrantResult {
    if (!code) return fail('Check the `code` parameter');
    const rec = this.codes.get(code);
    if (!rec || rec.clientId !== client.clientId) return fail('Cannot decrypt the authorization code');
    if (rec.used) return fail('Authorization code has been revoked');
    if (Date.now() >= rec.expiresAtMs) return fail('Authorization code has expired');
    if (redirectUri !== undefined && redirectUri !== rec.redirectUri) return fail('Check the `redirect_uri` parameter');
    rec.used = true;
    return { ok: true, pair: this.issuePair(client.clientId, 'authorization_code') };
  }

  private byRefresh(client: OAuthClient, token: string | undefined): GrantResult {
    if (!token) return fail('Check the `refresh_token` parameter');
    const rec = this.refresh.get(token);
    if (!rec || rec.clientId !== client.clientId) return fail('Invalid refresh token');
    rec.uses++;
    if (rec.revoked || Date.now() >= rec.expiresAtMs) return fail('Token has been revoked');
    if (rec.successor) {
      const next = this.refresh.get(rec.successor);
      if (next?.spent) {
        rec.revoked = true;
        return fail('Token has been revoked');
      }
      // Grace retry: the unused successor is superseded by the one issued now.
      if (next) next.revoked = true;
    }
    const pair = this.issuePair(client.clientId, 'refresh_token');
    rec.spent = true;
    rec.successor = pair.refresh_token;
    this.refreshes++;
    return { ok: true, pair };
  }

  private issuePair(clientId: string, grantType: string): TokenPair {
    const refresh = opaque();
    this.refresh.set(refresh, { clientId, expiresAtMs: Date.now() + REFRESH_TTL_MS, spent: false, revoked: false, uses: 0 });
    return {
      token_type: 'Bearer',
      expires_in: this.ttl.accessTokenSeconds,
      server_time: Math.floor(Date.now() / 1000),
      access_token: this.access.issue('oauth', clientId, this.ttl.accessTokenSeconds, grantType),
      refresh_token: refresh,
    };
  }
}

function fail(hint: string, status = 400): GrantResult {
  return { ok: false, hint, status };
}
