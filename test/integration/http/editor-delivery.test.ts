import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../support/test-app.ts';

/**
 * How the built editor and the API travel: compressed, hashed files cached for a year, the app page
 * always revalidated. Needs `npm run build` first (dist/editor with its manifest).
 */
const DIST = fileURLToPath(new URL('../../../dist/editor', import.meta.url));
const manifest = JSON.parse(readFileSync(path.join(DIST, '.vite/manifest.json'), 'utf8')) as Record<string, { file: string; css?: string[]; isEntry?: boolean }>;
const entry = Object.values(manifest).find((c) => c.isEntry)!;

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp({ serveEditor: true });
  await app.client().register('delivery@example.ru');
});
afterAll(() => app?.close());

/** Raw fetch: Node's fetch would decode the body and hide what travelled. */
function get(pathname: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
    import('node:http').then(({ request }) => {
      const req = request(app.url + pathname, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      });
      req.on('error', reject);
      req.end();
    }, reject);
  });
}

describe('hashed assets', () => {
  it('come precompressed (brotli, else gzip) with a year of immutable caching', async () => {
    const file = `/${entry.file}`;
    const original = readFileSync(path.join(DIST, entry.file));
    expect(existsSync(path.join(DIST, `${entry.file}.br`))).toBe(true);

    const br = await get(file, { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(String(br.headers.vary)).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(br.body).equals(original)).toBe(true);
    expect(br.body.length).toBeLessThan(original.length / 2);

    const gz = await get(file, { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).equals(original)).toBe(true);

    const plain = await get(file);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.equals(original)).toBe(true);
  });

  it('applies to stylesheets too', async () => {
    const css = `/${entry.css![0]}`;
    const res = await get(css, { 'accept-encoding': 'br' });
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/css/);
    expect(res.headers['cache-control']).toContain('immutable');
  });

  it('answers a file of another release with a plain 404, never with the app page', async () => {
    const res = await get('/assets/index-Нет-такого.js');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/text\/plain/);
    expect(res.body.toString()).toContain('Файл не найден');
    expect(res.headers['cache-control']).toBe('no-store');
  });
});

describe('the app page', () => {
  it('is revalidated on every visit (so a release shows at once), compressed, on every client route', async () => {
    for (const route of ['/', '/index.html', '/rules/0b7c1b5e-1111-4222-8333-944455556666', '/logs/events']) {
      const res = await get(route, { 'accept-encoding': 'gzip, br' });
      expect(res.status, route).toBe(200);
      expect(res.headers['cache-control'], route).toBe('no-cache');
      expect(res.headers['content-type'], route).toMatch(/text\/html/);
      expect(res.headers['content-encoding'], route).toBe('br');
      expect(brotliDecompressSync(res.body).toString(), route).toContain(entry.file);
    }
  });
});

describe('API answers', () => {
  it('are compressed when large enough, left alone when tiny', async () => {
    const client = app.client();
    await client.post('/api/auth/login', { email: 'delivery@example.ru', password: 'пароль-надёжный' });
    const cookie = client.cookieHeader();
    const big = await get('/api/openapi.json', { 'accept-encoding': 'gzip, deflate, br', cookie });
    expect(big.status).toBe(200);
    expect(big.headers['content-encoding']).toBe('br');
    expect(JSON.parse(brotliDecompressSync(big.body).toString()).openapi).toBeDefined();

    const gz = await get('/api/node-types', { 'accept-encoding': 'gzip', cookie });
    expect(gz.status).toBe(200);
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(gz.body).toString()).nodes.length).toBeGreaterThan(0);

    const tiny = await get('/api/auth/me', { 'accept-encoding': 'gzip, br', cookie });
    expect(tiny.status).toBe(200);
    expect(tiny.headers['content-encoding']).toBeUndefined();
  });

  it('never compress webhook acknowledgements', async () => {
    const res = await get('/hooks/AAAAAAAAAAAAAAAAAAAAAAAA', { 'accept-encoding': 'gzip, br' });
    expect(res.headers['content-encoding']).toBeUndefined();
  });
});
