import { describe, expect, it } from 'vitest';
import { parseWebhookBody, storedHeaders } from './parse-body.ts';

describe('parseWebhookBody', () => {
  it('parses AmoCRM-style PHP nested form keys', () => {
    const raw = 'leads%5Bstatus%5D%5B0%5D%5Bid%5D=5&leads%5Bstatus%5D%5B0%5D%5Bstatus_id%5D=142&account%5Bsubdomain%5D=test';
    expect(parseWebhookBody('application/x-www-form-urlencoded', raw).body).toEqual({
      leads: { status: [{ id: '5', status_id: '142' }] },
      account: { subdomain: 'test' },
    });
    expect(parseWebhookBody('application/x-www-form-urlencoded; charset=UTF-8', 'leads[status][0][id]=5').body).toEqual({ leads: { status: [{ id: '5' }] } });
  });

  it('parses JSON and reports malformed JSON without losing it', () => {
    expect(parseWebhookBody('application/json', '{"a":1}')).toEqual({ body: { a: 1 } });
    const bad = parseWebhookBody('application/json', '{"a":');
    expect(bad.error).toMatch(/JSON/);
    expect(bad.body).toEqual({ raw: '{"a":' });
  });

  it('keeps other bodies as text and empty ones as null', () => {
    expect(parseWebhookBody('text/plain', 'привет').body).toBe('привет');
    expect(parseWebhookBody('application/json', '  ').body).toBeNull();
  });

  it('refuses prototype pollution keys', () => {
    const parsed = parseWebhookBody('application/x-www-form-urlencoded', '__proto__[x]=1&a=2').body as Record<string, unknown>;
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    expect(parsed.a).toBe('2');
  });
});

describe('storedHeaders', () => {
  it('masks secrets and drops hop-by-hop headers', () => {
    expect(storedHeaders({ authorization: 'Bearer x', 'x-webhook-secret': 's', 'content-type': 'application/json', connection: 'close' })).toEqual({
      authorization: '[скрыто]',
      'x-webhook-secret': '[скрыто]',
      'content-type': 'application/json',
    });
  });
});
