import { randomBytes, randomUUID } from 'node:crypto';

// Access tokens are JWT-shaped like amoCRM's (reference §1.1): RS256 header, the usual claims, and
// a random signature. Clients must not verify it; the simulator knows its tokens by value.

export interface AccessTokenRecord {
  kind: 'long_lived' | 'oauth';
  clientId: string;
  expiresAtMs: number;
  revoked: boolean;
}

export interface JwtClaims {
  aud: string;
  sub: number;
  accountId: number;
  grantType: string;
  ttlSeconds: number;
}

const b64url = (s: string | Buffer) => Buffer.from(s).toString('base64url');

/** A long-lived token belongs to a private integration; this is its id. */
export const PRIVATE_INTEGRATION_ID = '78c4c519-0000-4000-8000-00000000a11d';

export function makeJwt(c: JwtClaims): string {
  const jti = randomBytes(20).toString('hex');
  const iat = Math.floor(Date.now() / 1000);
  const header = { typ: 'JWT', alg: 'RS256', jti };
  const payload = {
    aud: c.aud,
    jti,
    iat,
    nbf: iat,
    exp: iat + c.ttlSeconds,
    sub: String(c.sub),
    grant_type: c.grantType,
    account_id: c.accountId,
    base_domain: 'amocrm.ru',
    version: 2,
    scopes: ['crm', 'files', 'files_delete', 'notifications', 'push_notifications'],
    hash_uuid: randomUUID(),
    user_flags: 0,
    api_domain: 'api-b.amocrm.ru',
  };
  return `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}.${b64url(randomBytes(256))}`;
}

export class AccessTokens {
  private tokens = new Map<string, AccessTokenRecord>();

  constructor(
    private accountId: number,
    private userId: number,
  ) {}

  issue(kind: AccessTokenRecord['kind'], clientId: string, ttlSeconds: number, grantType: string): string {
    const token = makeJwt({ aud: clientId, sub: this.userId, accountId: this.accountId, grantType, ttlSeconds });
    this.tokens.set(token, { kind, clientId, expiresAtMs: Date.now() + ttlSeconds * 1000, revoked: false });
    return token;
  }

  /** Valid = issued here, not revoked, not expired. */
  isValid(token: string): boolean {
    const rec = this.tokens.get(token);
    return rec !== undefined && !rec.revoked && Date.now() < rec.expiresAtMs;
  }

  revokeAll(): void {
    for (const rec of this.tokens.values()) rec.revoked = true;
  }
}

export function bearerOf(header: string | undefined): string | undefined {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return m?.[1];
}
