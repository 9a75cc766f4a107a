import { describe, expect, it } from 'vitest';
import { dropSecretHeaders, sameOrigin } from './redirect-headers.ts';

describe('redirect headers', () => {
  it('compares scheme, host and port', () => {
    expect(sameOrigin(new URL('http://a.ru/x'), new URL('http://a.ru:80/y?z'))).toBe(true);
    expect(sameOrigin(new URL('https://a.ru/'), new URL('https://A.RU:443/'))).toBe(true);
    expect(sameOrigin(new URL('http://a.ru/'), new URL('https://a.ru/'))).toBe(false);
    expect(sameOrigin(new URL('http://a.ru/'), new URL('http://a.ru:8080/'))).toBe(false);
    expect(sameOrigin(new URL('http://a.ru/'), new URL('http://b.a.ru/'))).toBe(false);
    // URL.origin is "null" for both of these; they are still different origins.
    expect(sameOrigin(new URL('foo://a/'), new URL('foo://b/'))).toBe(false);
  });

  it('drops credentials and declared secrets whatever their case, and keeps the rest', () => {
    const headers = { AUTHORIZATION: 'a', Cookie: 'c', 'proxy-authorization': 'p', 'X-Api-Key': 'k', 'X-Token': 't', accept: 'x' };
    expect(dropSecretHeaders(headers, ['x-api-key', 'X-TOKEN']).sort()).toEqual(['AUTHORIZATION', 'Cookie', 'X-Api-Key', 'X-Token', 'proxy-authorization']);
    expect(headers).toEqual({ accept: 'x' });
  });
});
