import { describe, expect, it } from 'vitest';
import amocrm from '../index.ts';
import { accountHost, amoCredentialsSchema, apiBase } from './credentials.schema.ts';
import { refreshDue } from './token-lifetime.ts';

describe('AmoCRM credentials', () => {
  it('are a token or OAuth, with Russian messages', () => {
    expect(amoCredentialsSchema.parse({ authType: 'token', subdomain: ' MyCompany ', accessToken: 't' })).toEqual({ authType: 'token', subdomain: 'mycompany', accessToken: 't' });
    const bad = amoCredentialsSchema.safeParse({ authType: 'token', subdomain: 'my.amocrm.ru', accessToken: '' });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => i.message)).toEqual(['Укажите только поддомен — часть адреса аккаунта перед .amocrm.ru', 'Укажите поле «Долгосрочный токен»']);
    expect(amoCredentialsSchema.safeParse({ authType: 'basic' }).error!.issues[0]!.message).toMatch(/долгосрочный токен или OAuth/);
  });

  it('reach amocrm.ru by default, or the baseUrl', () => {
    expect(apiBase({ subdomain: 'acme' })).toBe('https://acme.amocrm.ru');
    expect(apiBase({ subdomain: 'acme', baseUrl: 'https://acme.kommo.com/' })).toBe('https://acme.kommo.com');
    expect(apiBase({ subdomain: 'acme', baseUrl: '' })).toBe('https://acme.amocrm.ru');
  });

  it('share one rate limit per account, whichever connection (token or OAuth) reaches it', () => {
    const key = amocrm.connection!.rateLimit!.key!;
    expect(amocrm.connection!.rateLimit!.perSecond).toBe(7);
    const a = key({ authType: 'token', subdomain: 'acme', accessToken: 'one' });
    const b = key({ authType: 'oauth', subdomain: 'ACME', clientId: 'c', clientSecret: 's', accessToken: 'two' } as never);
    expect(a).toBe(b);
    expect(a).toBe(accountHost({ subdomain: 'acme' }));
    expect(key({ authType: 'token', subdomain: 'other', accessToken: 'one' })).not.toBe(a);
  });

  it('refresh OAuth tokens that expire within 5 minutes, never long-lived ones', () => {
    const now = Date.now();
    const oauth = { authType: 'oauth' as const, subdomain: 'a', clientId: 'c', clientSecret: 's', accessToken: 'x', refreshToken: 'r' };
    expect(refreshDue({ ...oauth, expiresAt: Math.floor(now / 1000) + 299 }, now)).toBe(true);
    expect(refreshDue({ ...oauth, expiresAt: Math.floor(now / 1000) + 600 }, now)).toBe(false);
    expect(refreshDue({ authType: 'token', subdomain: 'a', accessToken: 'x' }, now)).toBe(false);
  });
});
