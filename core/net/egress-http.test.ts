import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHttpClient } from '../plugins/http-client.ts';
import type { AppError } from '../sdk/errors.ts';
import { createEgressPolicy } from './egress-policy.ts';

/** Echoes method, path and headers; `/to?u=<url>&s=<status>` redirects to <url>. */
function startServer(): Promise<{ server: http.Server; port: number; connections: () => number }> {
  let connections = 0;
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/to') return void res.writeHead(Number(url.searchParams.get('s') ?? 302), { location: url.searchParams.get('u')! }).end();
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ path: url.pathname, headers: req.headers }));
  });
  server.on('connection', () => connections++);
  return new Promise((r) => server.listen(0, '127.0.0.1', () => r({ server, port: (server.address() as AddressInfo).port, connections: () => connections })));
}

let a: Awaited<ReturnType<typeof startServer>>;
let b: Awaited<ReturnType<typeof startServer>>;
let closedPort: number;
let connectionsBefore: number;
beforeAll(async () => {
  [a, b] = await Promise.all([startServer(), startServer()]);
  const gone = await startServer();
  closedPort = gone.port;
  await new Promise((r) => gone.server.close(r));
});
afterAll(() => Promise.all([a, b].map((s) => new Promise((r) => s.server.close(r)))));
beforeEach(() => {
  connectionsBefore = a.connections();
});

const strict = createHttpClient({ egress: createEgressPolicy('') });
const loopback = createHttpClient({ egress: createEgressPolicy('127.0.0.1/32') });

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  return promise.then(
    () => {
      throw new Error('expected a refusal');
    },
    (err: AppError) => err,
  );
}

function to(target: string, status = 302): string {
  return `http://127.0.0.1:${a.port}/to?s=${status}&u=${encodeURIComponent(target)}`;
}

describe('egress policy on outgoing HTTP', () => {
  it.each(['127.0.0.1', 'localhost', '127.1', '0x7f000001', '2130706433', '0177.0.0.1', '[::1]', '[::ffff:127.0.0.1]', '[::ffff:7f00:1]', '0.0.0.0', '[::]'])(
    'refuses http://%s:<port>/ without EGRESS_ALLOW, before connecting',
    async (host) => {
      const err = await refusal(strict.request({ url: `http://${host}:${a.port}/json` }));
      expect(err).toMatchObject({ code: 'EGRESS_FORBIDDEN', transient: false, message: expect.stringMatching(/запрещён политикой исходящих запросов.*EGRESS_ALLOW/) });
      expect(a.connections()).toBe(connectionsBefore);
    },
  );

  it('reaches the same server once EGRESS_ALLOW=127.0.0.1/32', async () => {
    for (const host of ['127.0.0.1', '127.1', '2130706433', '[::ffff:127.0.0.1]']) {
      const res = await loopback.request({ url: `http://${host}:${a.port}/json` });
      expect(res.body).toMatchObject({ path: '/json' });
    }
  });

  it('refuses a name resolving to loopback in the connect-time lookup, unless the name is allowed', async () => {
    const err = await refusal(strict.request({ url: `http://localhost:${a.port}/json` }));
    expect(err).toMatchObject({ code: 'EGRESS_FORBIDDEN', details: { host: 'localhost', address: expect.stringMatching(/^(127\.0\.0\.1|::1)$/) } });
    expect(a.connections()).toBe(connectionsBefore);
    const byName = createHttpClient({ egress: createEgressPolicy('localhost') });
    expect((await byName.request({ url: `http://localhost:${a.port}/json` })).status).toBe(200);
  });

  it('gives an open and a closed forbidden port the identical error', async () => {
    for (const host of ['127.0.0.1', 'localhost']) {
      const open = await refusal(strict.request({ url: `http://${host}:${a.port}/` }));
      const closed = await refusal(strict.request({ url: `http://${host}:${closedPort}/` }));
      expect(open.code).toBe('EGRESS_FORBIDDEN');
      expect({ code: closed.code, message: closed.message, details: closed.details }).toEqual({ code: open.code, message: open.message, details: open.details });
    }
  });

  it('checks every redirect hop', async () => {
    // Allowed by name only: the hop to the same server by IP literal is refused.
    const byName = createHttpClient({ egress: createEgressPolicy('localhost') });
    const viaName = `http://localhost:${a.port}/to?u=${encodeURIComponent(`http://127.0.0.1:${a.port}/json`)}`;
    expect(await refusal(byName.request({ url: viaName }))).toMatchObject({ code: 'EGRESS_FORBIDDEN', details: { host: '127.0.0.1' } });
    for (const target of [`http://[::1]:${a.port}/json`, `http://0.0.0.0:${a.port}/json`, `http://169.254.169.254/latest/meta-data/`, `http://[::ffff:a9fe:a9fe]/`]) {
      const before = a.connections();
      const err = await refusal(loopback.request({ url: to(target, 307) }));
      expect(err).toMatchObject({ code: 'EGRESS_FORBIDDEN' });
      expect(a.connections() - before).toBeLessThanOrEqual(1); // only the first, allowed hop
    }
  });

  it('refuses redirects to schemes other than http and https', async () => {
    for (const target of ['file:///etc/passwd', 'ftp://127.0.0.1/', 'gopher://127.0.0.1:6379/_INFO', 'data:text/plain,x']) {
      expect(await refusal(loopback.request({ url: to(target) }))).toMatchObject({ code: 'HTTP_BAD_REDIRECT', transient: false });
    }
  });

  it('never reuses a keep-alive socket opened under another policy', async () => {
    // By name, so only the connect-time lookup can refuse: a pooled socket would skip it.
    const byName = createHttpClient({ egress: createEgressPolicy('localhost') });
    expect((await byName.request({ url: `http://localhost:${a.port}/json` })).status).toBe(200);
    expect(await refusal(strict.request({ url: `http://localhost:${a.port}/json` }))).toMatchObject({ code: 'EGRESS_FORBIDDEN' });
    expect((await byName.request({ url: `http://localhost:${a.port}/json` })).status).toBe(200);
  });
});

describe('credentials on redirects', () => {
  const secrets = { Authorization: 'Bearer t', cookie: 'sid=1', 'Proxy-Authorization': 'Basic x', 'X-Api-Key': 'k', 'x-trace': 'keep' };
  const both = createHttpClient({ egress: createEgressPolicy('127.0.0.1/32') });

  it('keeps them on a same-origin redirect', async () => {
    const res = await both.request({ url: to('/json'), headers: secrets, secretHeaders: ['x-api-key'] });
    expect((res.body as { headers: Record<string, string> }).headers).toMatchObject({ authorization: 'Bearer t', cookie: 'sid=1', 'proxy-authorization': 'Basic x', 'x-api-key': 'k', 'x-trace': 'keep' });
  });

  it('drops Authorization, Cookie, Proxy-Authorization and declared secrets on a cross-origin redirect', async () => {
    const res = await both.request({ url: to(`http://127.0.0.1:${b.port}/json`, 307), headers: secrets, secretHeaders: ['x-api-key'] });
    const seen = (res.body as { headers: Record<string, string> }).headers;
    expect(seen['x-trace']).toBe('keep');
    for (const name of ['authorization', 'cookie', 'proxy-authorization', 'x-api-key']) expect(seen[name]).toBeUndefined();
  });

  it('does not restore them when a later hop returns to the first origin', async () => {
    const back = `http://127.0.0.1:${b.port}/to?u=${encodeURIComponent(`http://127.0.0.1:${a.port}/json`)}`;
    const res = await both.request({ url: to(back), headers: secrets });
    const seen = (res.body as { path: string; headers: Record<string, string> }).headers;
    expect(seen.authorization).toBeUndefined();
    expect(seen['x-trace']).toBe('keep');
  });
});
