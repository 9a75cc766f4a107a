import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { testPlugin } from '../support/test-plugin.ts';
import type { HttpTestClient } from '../support/http-client.ts';

let app: TestApp;
let alice: HttpTestClient;
let bob: HttpTestClient;
let aliceConn: string;

beforeAll(async () => {
  app = await createTestApp({ plugins: [testPlugin] });
  alice = app.client();
  bob = app.client();
  await alice.register('alice@example.ru', 'Алиса');
  await bob.register('bob@example.ru', 'Боб');
  aliceConn = (await alice.post('/api/connections', { plugin: 'test_kit', name: 'Алисино', credentials: { apiKey: 'good-key' } })).body.id;
});
afterAll(() => app.close());

describe('tenant isolation: connections', () => {
  it('lists only the own tenant\'s connections', async () => {
    expect((await bob.get('/api/connections')).body).toEqual({ items: [], total: 0 });
    expect((await alice.get('/api/connections')).body.total).toBe(1);
  });

  it('answers 404 for another tenant\'s connection on every route', async () => {
    expect((await bob.put(`/api/connections/${aliceConn}`, { name: 'захват' })).status).toBe(404);
    expect((await bob.post(`/api/connections/${aliceConn}/test`)).status).toBe(404);
    expect((await bob.del(`/api/connections/${aliceConn}`)).status).toBe(404);
    const still = await alice.get('/api/connections');
    expect(still.body.items[0].name).toBe('Алисино');
  });

  it('keeps operation logs apart', async () => {
    const { rows } = await app.c.pool.query('select distinct tenant_id from log_entry where message like $1', ['%Алисино%']);
    expect(rows).toHaveLength(1);
  });
});
