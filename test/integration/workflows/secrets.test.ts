import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../support/test-app.ts';
import type { HttpTestClient } from '../../support/http-client.ts';
import { webhookConditionHttp } from '../../support/workflow-graphs.ts';

let app: TestApp;
let alice: HttpTestClient;
let bob: HttpTestClient;

// The installed plugins: webhook.catch has a `secret-hash` prop (secretValue).
beforeAll(async () => {
  app = await createTestApp();
  alice = app.client();
  bob = app.client();
  await alice.register('alice@example.ru', 'Алиса');
  await bob.register('bob@example.ru', 'Боб');
});
afterAll(() => app.close());

const SECRET = 'тссс-секрет';
const hashed = `sha256:${createHash('sha256').update(SECRET).digest('hex')}`;
const graph = (secretValue: string) => webhookConditionHttp('http://127.0.0.1:9/x', { secretHeader: 'X-Secret', secretValue });
const secretOf = (w: { graph: { nodes: { id: string; props: Record<string, unknown> }[] } }) => w.graph.nodes.find((n) => n.id === 'n1')!.props.secretValue;

describe('secret props in workflow graphs', () => {
  it('are stored and returned only as hashes, on create and on save', async () => {
    const created = (await alice.post('/api/workflows', { name: 'Секрет', graph: graph(SECRET) })).body;
    expect(JSON.stringify(created)).not.toContain(SECRET);
    expect(secretOf(created)).toBe(hashed);
    const { rows } = await app.c.pool.query('select graph::text as g from workflow where id = $1', [created.id]);
    expect(rows[0].g).not.toContain(SECRET);

    // The editor sends the hash back unchanged: it must not be hashed twice.
    const resaved = (await alice.put(`/api/workflows/${created.id}`, { graph: created.graph })).body;
    expect(secretOf(resaved)).toBe(hashed);
    const changed = (await alice.put(`/api/workflows/${created.id}`, { graph: graph('новый') })).body;
    expect(secretOf(changed)).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(secretOf(changed)).not.toBe(hashed);
  });

  it('stay behind on export and are blank after import into another tenant', async () => {
    const w = (await alice.post('/api/workflows', { name: 'Экспорт с секретом', graph: graph(SECRET) })).body;
    const file = await alice.get(`/api/workflows/${w.id}/export`);
    expect(file.text).not.toContain(SECRET);
    expect(file.text).not.toContain(hashed);
    expect(secretOf(file.body)).toBe('');
    const imported = await bob.post('/api/workflows/import', file.body);
    expect(imported.status).toBe(201);
    expect(secretOf(imported.body)).toBe('');
  });

  it('are hashed when an import carries them in clear', async () => {
    const res = await bob.post('/api/workflows/import', { format: 'integration-constructor.workflow', formatVersion: 1, name: 'Вручную', graph: graph(SECRET) });
    expect(res.status).toBe(201);
    expect(secretOf(res.body)).toBe(hashed);
  });
});
