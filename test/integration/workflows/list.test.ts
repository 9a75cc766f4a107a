import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../support/test-app.ts';
import { testPlugin } from '../../support/test-plugin.ts';
import type { HttpTestClient } from '../../support/http-client.ts';
import { validGraph } from './fixtures.ts';

let app: TestApp;
let alice: HttpTestClient;
let tenantId: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  app = await createTestApp({ plugins: [testPlugin] });
  alice = app.client();
  tenantId = (await alice.register('alice@example.ru', 'Алиса')).tenant.id;
  for (const name of ['Сделки AmoCRM', 'Лиды 100%', 'Лиды_звонки', 'Рассылка']) {
    ids[name] = (await alice.post('/api/workflows', { name, graph: validGraph() })).body.id;
  }
  await alice.post(`/api/workflows/${ids['Рассылка']}/publish`);
  await alice.post(`/api/workflows/${ids['Рассылка']}/activate`);
});
afterAll(() => app.close());

const names = (body: { items: { name: string }[] }) => body.items.map((i) => i.name).sort();

/** Runs are written by the engine; here they are inserted directly with chosen ages. */
async function addRun(workflowId: string, status: string, ageMinutes: number, retryInSeconds?: number): Promise<string> {
  const { rows } = await app.c.pool.query(
    `insert into run (tenant_id, workflow_id, version_id, status, created_at, next_attempt_at, verdict)
     select $1, $2, v.id, $3, now() - make_interval(mins => $4), now() + make_interval(secs => $5), case when $5::int is not null then 'retrying' end
       from workflow_version v where v.workflow_id = $2 order by v.version desc limit 1
     returning id`,
    [tenantId, workflowId, status, ageMinutes, retryInSeconds ?? null],
  );
  return rows[0].id;
}

describe('list', () => {
  it('returns every rule of the tenant, newest change first, with total', async () => {
    const res = await alice.get('/api/workflows');
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(4);
    expect(res.body.items[0].name).toBe('Рассылка');
    expect(res.body.items[0]).not.toHaveProperty('graph');
    expect(res.body.items[0]).toMatchObject({ status: 'active', activeVersion: 1, latestVersion: 1, triggerType: 'test_kit.ping' });
    expect(res.body.items[0].hookUrl).toMatch(`${app.url}/hooks/`);
  });

  it('searches by name case-insensitively, taking % and _ literally', async () => {
    expect(names((await alice.get(`/api/workflows?search=${encodeURIComponent('лиды')}`)).body)).toEqual(['Лиды 100%', 'Лиды_звонки']);
    expect(names((await alice.get(`/api/workflows?search=${encodeURIComponent('%')}`)).body)).toEqual(['Лиды 100%']);
    expect(names((await alice.get(`/api/workflows?search=${encodeURIComponent('_')}`)).body)).toEqual(['Лиды_звонки']);
    expect((await alice.get('/api/workflows?search=amocrm')).body.total).toBe(1);
  });

  it('filters by status and validates it', async () => {
    expect(names((await alice.get('/api/workflows?status=active')).body)).toEqual(['Рассылка']);
    expect((await alice.get('/api/workflows?status=draft')).body.total).toBe(3);
    const bad = await alice.get('/api/workflows?status=broken');
    expect(bad.status).toBe(422);
    expect(bad.body.error.details.fields.status).toBe('Недопустимый статус');
  });

  it('pages with limit and offset, the total staying the full count', async () => {
    const first = (await alice.get('/api/workflows?limit=3')).body;
    const rest = (await alice.get('/api/workflows?limit=3&offset=3')).body;
    expect(first.items).toHaveLength(3);
    expect(rest.items).toHaveLength(1);
    expect(first.total).toBe(4);
    expect(rest.total).toBe(4);
    expect(new Set([...first.items, ...rest.items].map((i: { id: string }) => i.id)).size).toBe(4);
    expect((await alice.get('/api/workflows?limit=500')).status).toBe(422);
  });

  it('shows the last run and 24 h stats per rule (older runs count for lastRun only), failing runs waiting for a retry apart', async () => {
    const id = ids['Рассылка']!;
    await addRun(id, 'succeeded', 60 * 30); // 30 hours ago
    await addRun(id, 'failed', 120);
    await addRun(id, 'failed', 60);
    await addRun(id, 'queued', 30, 40); // a transient error: the next attempt in 40 s
    await addRun(id, 'queued', 20); // merely waiting for a worker
    const last = await addRun(id, 'succeeded', 5);
    const items = (await alice.get('/api/workflows')).body.items as { id: string; lastRun: unknown; stats24h: unknown }[];
    const item = items.find((i) => i.id === id)!;
    expect(item.lastRun).toMatchObject({ id: last, status: 'succeeded' });
    expect(item.stats24h).toEqual({ runs: 5, failed: 2, retrying: 1 });
    expect(items.find((i) => i.id === ids['Рассылка'] && i !== item)).toBeUndefined();
    expect(items.filter((i) => i.id !== id).every((i) => i.lastRun === null)).toBe(true);
    expect((await alice.get(`/api/workflows/${id}`)).body).toMatchObject({ lastRun: { id: last }, stats24h: { runs: 5, failed: 2, retrying: 1 } });
  });
});
