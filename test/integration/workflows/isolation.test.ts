import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../support/test-app.ts';
import { testPlugin } from '../../support/test-plugin.ts';
import type { HttpTestClient } from '../../support/http-client.ts';
import { validGraph } from './fixtures.ts';

let app: TestApp;
let alice: HttpTestClient;
let bob: HttpTestClient;
let target: { id: string; hookUrl: string; updatedAt: string };

beforeAll(async () => {
  app = await createTestApp({ plugins: [testPlugin] });
  alice = app.client();
  bob = app.client();
  await alice.register('alice@example.ru', 'Алиса');
  await bob.register('bob@example.ru', 'Боб');
  const created = (await alice.post('/api/workflows', { name: 'Алисино правило', graph: validGraph() })).body;
  await alice.post(`/api/workflows/${created.id}/publish`);
  target = (await alice.post(`/api/workflows/${created.id}/activate`)).body;
  await bob.post('/api/workflows', { name: 'Бобово правило' });
});
afterAll(() => app.close());

describe('tenant isolation: workflows', () => {
  it('answers 404 to another tenant on every :id route and changes nothing', async () => {
    const id = target.id;
    const calls = [
      () => bob.get(`/api/workflows/${id}`),
      () => bob.put(`/api/workflows/${id}`, { name: 'захват', graph: validGraph('захват') }),
      () => bob.post(`/api/workflows/${id}/publish`),
      () => bob.post(`/api/workflows/${id}/activate`),
      () => bob.post(`/api/workflows/${id}/deactivate`),
      () => bob.get(`/api/workflows/${id}/versions`),
      () => bob.post(`/api/workflows/${id}/test-run`, { event: { body: {} } }),
      () => bob.post(`/api/workflows/${id}/duplicate`),
      () => bob.get(`/api/workflows/${id}/export`),
      () => bob.post(`/api/workflows/${id}/hook-token`),
      () => bob.del(`/api/workflows/${id}`),
    ];
    for (const call of calls) {
      const res = await call();
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('WORKFLOW_NOT_FOUND');
    }
    const mine = (await alice.get(`/api/workflows/${id}`)).body;
    expect(mine).toMatchObject({ name: 'Алисино правило', status: 'active', latestVersion: 1, hookUrl: target.hookUrl, updatedAt: target.updatedAt, graph: validGraph() });
    expect((await bob.get('/api/workflows')).body.total).toBe(1);
  });

  it('never lists another tenant\'s rules, whatever the filter', async () => {
    for (const q of ['', '?search=' + encodeURIComponent('Алис'), '?status=active']) {
      const { items } = (await bob.get(`/api/workflows${q}`)).body as { items: { id: string }[] };
      expect(items.some((i) => i.id === target.id)).toBe(false);
    }
    expect((await alice.get('/api/workflows')).body.items.map((i: { name: string }) => i.name)).toEqual(['Алисино правило']);
  });

  it('keeps operation logs apart', async () => {
    const { rows } = await app.c.pool.query('select distinct tenant_id from log_entry where workflow_id = $1', [target.id]);
    expect(rows).toHaveLength(1);
  });

  it('requires a session', async () => {
    const anon = app.client();
    expect((await anon.get('/api/workflows')).status).toBe(401);
    expect((await anon.get(`/api/workflows/${target.id}`)).status).toBe(401);
    expect((await anon.post('/api/workflows/import', {})).status).toBe(401);
  });
});
