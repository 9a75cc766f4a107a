import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { createLogger } from '../../core/logger.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSecretBox } from '../../core/crypto/secret-box.ts';
import { rotateKeys } from '../../core/crypto/rotate-keys.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { testPlugin } from '../support/test-plugin.ts';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp({ plugins: [testPlugin] });
});
afterAll(() => app.close());

describe('connection credentials', () => {
  it('are stored as AES-GCM ciphertext and never returned by the API', async () => {
    const client = app.client();
    await client.register('secrets@example.ru');
    const created = await client.post('/api/connections', { plugin: 'test_kit', name: 'Основное', credentials: { apiKey: 'super-secret-key-123' } });
    expect(created.status).toBe(201);
    expect(created.text).not.toContain('super-secret-key-123');
    // Created connections are tested at once: this key is wrong, and the view says so in Russian.
    expect(created.body).toMatchObject({ plugin: 'test_kit', name: 'Основное', status: 'error', lastError: 'Неверный ключ API', fields: ['apiKey', 'region'], settings: { region: 'ru' } });
    expect(created.body.credentials).toBeUndefined();

    const list = await client.get('/api/connections');
    expect(list.text).not.toContain('super-secret-key-123');
    const { rows } = await app.c.pool.query('select credentials from connection where id = $1', [created.body.id]);
    expect(rows[0].credentials).toMatch(/^v1\.test\./);
    expect(rows[0].credentials).not.toContain('super-secret');
  });

  it('validates credentials with the plugin schema, in Russian, per field', async () => {
    const client = app.client();
    await client.register('secrets2@example.ru');
    const res = await client.post('/api/connections', { plugin: 'test_kit', name: 'Плохое', credentials: { apiKey: 'x' } });
    expect(res.status).toBe(422);
    expect(res.body.error.details.fields['credentials.apiKey']).toBe('Ключ слишком короткий');
  });

  it('tests credentials against the plugin on create, update and on demand, recording a Russian error and the account', async () => {
    const client = app.client();
    await client.register('secrets3@example.ru');
    const bad = await client.post('/api/connections', { plugin: 'test_kit', name: 'Тест', credentials: { apiKey: 'wrong-key' } });
    expect(bad.body).toMatchObject({ status: 'error', lastError: 'Неверный ключ API', account: null });
    const tested = await client.post(`/api/connections/${bad.body.id}/test`);
    expect(tested.body).toMatchObject({ status: 'error', lastError: 'Неверный ключ API' });
    const fixed = await client.put(`/api/connections/${bad.body.id}`, { credentials: { apiKey: 'good-key' } });
    expect(fixed.body).toMatchObject({ status: 'ok', lastError: null, account: 'тестовый аккаунт' });
    expect((await client.post(`/api/connections/${bad.body.id}/test`)).body.status).toBe('ok');
  });

  it('a ciphertext copied into another tenant\'s row does not decrypt', async () => {
    const a = app.client();
    await a.register('copy-a@example.ru');
    const b = app.client();
    await b.register('copy-b@example.ru');
    const ca = await a.post('/api/connections', { plugin: 'test_kit', name: 'A', credentials: { apiKey: 'good-key' } });
    const cb = await b.post('/api/connections', { plugin: 'test_kit', name: 'B', credentials: { apiKey: 'other-key' } });
    await app.c.pool.query('update connection set credentials = (select credentials from connection where id = $1) where id = $2', [ca.body.id, cb.body.id]);
    const res = await b.get('/api/connections');
    expect(res.status).toBe(200);
    expect(res.text).not.toContain('good-key');
    expect(res.body.items[0]).toMatchObject({ name: 'B', status: 'error', fields: [], lastError: expect.stringMatching(/не читаются/) });
  });

  it('rotate-keys re-encrypts everything with the newest key; old keys still decrypt until then', async () => {
    const newKey = { id: 'next', key: randomBytes(32) };
    const box = createSecretBox([newKey, ...app.config.ENCRYPTION_KEYS]);
    await app.c.pool.query("delete from connection where name = 'B'");
    const result = await rotateKeys(app.c.orm, box);
    expect(result.rotated).toBeGreaterThan(0);
    const { rows } = await app.c.pool.query('select id, tenant_id, credentials from connection');
    for (const row of rows) {
      expect(row.credentials).toMatch(/^v1\.next\./);
      expect(() => box.decrypt(row.credentials, `${row.tenant_id}:${row.id}`)).not.toThrow();
    }
    expect((await rotateKeys(app.c.orm, box)).rotated).toBe(0);
  });

  it('the logger redacts secrets', () => {
    const lines: string[] = [];
    const sink = new Writable({ write(chunk, _e, cb) { lines.push(String(chunk)); cb(); } });
    createLogger('info', sink).info({ credentials: { apiKey: 'k1' }, conn: { apiKey: 'k2', token: 'k3' }, password: 'p4', headers: { cookie: 'sid=k5' } }, 'x');
    expect(lines.join('')).toContain('[скрыто]');
    expect(lines.join('')).not.toMatch(/k1|k2|k3|p4|k5/);
  });
});
