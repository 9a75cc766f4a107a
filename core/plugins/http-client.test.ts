import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEgressPolicy } from '../net/egress-policy.ts';
import { createHttpClient } from './http-client.ts';

let server: http.Server;
let base: string;
beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      if (req.url === '/slow') return void setTimeout(() => res.end('late'), 500);
      if (req.url === '/redirect') return void res.writeHead(302, { location: '/json' }).end();
      if (req.url === '/see-other') return void res.writeHead(303, { location: '/json' }).end();
      if (req.url === '/big') return void res.end('x'.repeat(11 * 1024 * 1024));
      res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ method: req.method, body, ct: req.headers['content-type'], q: req.url }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('plugin HTTP client', () => {
  // Egress refusals are covered in core/net/egress-http.test.ts; here loopback is simply allowed.
  const client = createHttpClient({ egress: createEgressPolicy('127.0.0.1/32,::1/128') });
  it('sends JSON, parses JSON responses and returns any status', async () => {
    const res = await client.request({ method: 'POST', url: `${base}/json`, body: { a: 'б' }, query: { x: 1 } });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ method: 'POST', body: '{"a":"б"}', ct: 'application/json', q: '/json?x=1' });
  });
  it('follows redirects', async () => {
    const res = await client.request({ url: `${base}/redirect` });
    expect((res.body as { q: string }).q).toBe('/json');
  });
  it('turns a POST into a bodiless GET on 303, without the body headers', async () => {
    const res = await client.request({ method: 'POST', url: `${base}/see-other`, body: { a: 1 } });
    expect(res.body).toEqual({ method: 'GET', body: '', q: '/json' });
  });
  it('turns timeouts and refused connections into transient errors with Russian messages', async () => {
    await expect(client.request({ url: `${base}/slow`, timeoutMs: 100 })).rejects.toMatchObject({ code: 'HTTP_TIMEOUT', transient: true });
    await expect(client.request({ url: 'http://127.0.0.1:1/' })).rejects.toMatchObject({ code: 'HTTP_NETWORK', transient: true, message: expect.stringMatching(/связаться/) });
  });
  it('refuses responses over 10 MB', async () => {
    await expect(client.request({ url: `${base}/big` })).rejects.toMatchObject({ code: 'HTTP_RESPONSE_TOO_LARGE' });
  });
});
