import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../support/test-app.ts';
import { testPlugin } from '../../support/test-plugin.ts';
import type { HttpTestClient } from '../../support/http-client.ts';
import { triggerlessGraph, validGraph } from './fixtures.ts';

let app: TestApp;
let alice: HttpTestClient;

beforeAll(async () => {
  app = await createTestApp({ plugins: [testPlugin] });
  alice = app.client();
  await alice.register('alice@example.ru', 'Алиса');
});
afterAll(() => app.close());

const tokenOf = async (workflowId: string) =>
  (await app.c.pool.query('select token from hook_endpoint where workflow_id = $1 and revoked_at is null', [workflowId])).rows.map((r) => r.token as string);

describe('create and read', () => {
  it('requires a name, with a Russian message on the field', async () => {
    const res = await alice.post('/api/workflows', { name: '   ' });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.details.fields.name).toBe('Укажите название');
    expect((await alice.post('/api/workflows', {})).body.error.details.fields.name).toMatch(/[а-я]/i);
  });

  it('creates a draft with an empty graph, an endpoint row and no hook URL until there is a trigger', async () => {
    const res = await alice.post('/api/workflows', { name: 'Пустое' });
    expect(res.status).toBe(201);
    const w = res.body;
    expect(w).toMatchObject({
      name: 'Пустое', description: '', status: 'draft', activeVersion: null, latestVersion: null,
      hasUnpublishedChanges: true, triggerType: null, hookUrl: null, maxAttempts: app.config.RUN_MAX_ATTEMPTS,
      lastRun: null, stats24h: { runs: 0, failed: 0 }, graph: { schemaVersion: 1, nodes: [], edges: [] },
    });
    expect(w.validation.errors.map((e: { code: string }) => e.code)).toContain('GRAPH_NO_TRIGGER');
    const tokens = await tokenOf(w.id);
    expect(tokens).toHaveLength(1);
    expect(tokens[0]).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('shows the hook URL and trigger type when the draft has a trigger', async () => {
    const w = (await alice.post('/api/workflows', { name: 'С триггером', description: 'описание', graph: validGraph() })).body;
    expect(w.triggerType).toBe('test_kit.ping');
    expect(w.hookUrl).toBe(`${app.url}/hooks/${(await tokenOf(w.id))[0]}`);
    expect(w.validation).toEqual({ errors: [], warnings: [] });
    const got = await alice.get(`/api/workflows/${w.id}`);
    expect(got.status).toBe(200);
    expect(got.body.graph).toEqual(validGraph());
    expect(got.body.description).toBe('описание');
  });

  it('answers 404 with a Russian message for an unknown id and 422 for a malformed one', async () => {
    const missing = await alice.get('/api/workflows/00000000-0000-4000-8000-000000000000');
    expect(missing.status).toBe(404);
    expect(missing.body.error).toMatchObject({ code: 'WORKFLOW_NOT_FOUND', message: 'Правило не найдено' });
    expect((await alice.get('/api/workflows/nope')).status).toBe(422);
  });
});

describe('save the draft', () => {
  it('refuses a malformed graph with the zod issues', async () => {
    const w = (await alice.post('/api/workflows', { name: 'Черновик' })).body;
    const res = await alice.put(`/api/workflows/${w.id}`, { graph: { schemaVersion: 1, nodes: [{ id: 'x' }], edges: [] } });
    expect(res.status).toBe(422);
    expect(Object.keys(res.body.error.details.fields)).toEqual(expect.arrayContaining(['graph.nodes.0.type', 'graph.nodes.0.position']));
  });

  it('saves a well-formed but invalid graph and returns its issues; trigger type follows the draft', async () => {
    const w = (await alice.post('/api/workflows', { name: 'Черновик 2', graph: validGraph() })).body;
    const res = await alice.put(`/api/workflows/${w.id}`, { name: 'Переименовано', description: 'новое', graph: triggerlessGraph(), maxAttempts: 3 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: 'Переименовано', description: 'новое', maxAttempts: 3, triggerType: null, hookUrl: null });
    expect(res.body.validation.errors.map((e: { code: string }) => e.code)).toContain('GRAPH_NO_TRIGGER');
    expect(res.body.graph).toEqual(triggerlessGraph());
  });

  it('bumps draft_changed_at only when the graph changes', async () => {
    const w = (await alice.post('/api/workflows', { name: 'Метки', graph: validGraph() })).body;
    const at = async () => (await app.c.pool.query('select draft_changed_at from workflow where id = $1', [w.id])).rows[0].draft_changed_at.getTime();
    const before = await at();
    await alice.put(`/api/workflows/${w.id}`, { name: 'Только имя', graph: validGraph() });
    expect(await at()).toBe(before);
    await alice.put(`/api/workflows/${w.id}`, { graph: validGraph('другое') });
    expect(await at()).toBeGreaterThan(before);
  });

  it('keeps maxAttempts within 1–25', async () => {
    const w = (await alice.post('/api/workflows', { name: 'Попытки' })).body;
    for (const bad of [0, 26, 2.5]) {
      const res = await alice.put(`/api/workflows/${w.id}`, { maxAttempts: bad });
      expect(res.status).toBe(422);
      expect(res.body.error.details.fields.maxAttempts).toMatch(/[а-я]/i);
    }
    expect((await alice.put(`/api/workflows/${w.id}`, { maxAttempts: 25 })).body.maxAttempts).toBe(25);
  });
});

describe('duplicate and delete', () => {
  it('duplicates as an inactive draft with its own token', async () => {
    const src = (await alice.post('/api/workflows', { name: 'Исходное', graph: validGraph() })).body;
    await alice.post(`/api/workflows/${src.id}/publish`);
    await alice.post(`/api/workflows/${src.id}/activate`);
    const res = await alice.post(`/api/workflows/${src.id}/duplicate`);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: 'Исходное (копия)', status: 'draft', latestVersion: null, activeVersion: null, graph: validGraph() });
    expect(res.body.id).not.toBe(src.id);
    expect(res.body.hookUrl).not.toBe(src.hookUrl);
    expect(await tokenOf(res.body.id)).toHaveLength(1);
  });

  it('deletes with 204 and cascades to versions and the endpoint', async () => {
    const w = (await alice.post('/api/workflows', { name: 'Удаляемое', graph: validGraph() })).body;
    await alice.post(`/api/workflows/${w.id}/publish`);
    const res = await alice.del(`/api/workflows/${w.id}`);
    expect(res.status).toBe(204);
    expect((await alice.get(`/api/workflows/${w.id}`)).status).toBe(404);
    expect((await alice.del(`/api/workflows/${w.id}`)).status).toBe(404);
    const left = await app.c.pool.query(
      `select (select count(*) from workflow_version where workflow_id = $1)::int + (select count(*) from hook_endpoint where workflow_id = $1)::int as n`,
      [w.id],
    );
    expect(left.rows[0].n).toBe(0);
  });

  it('writes the operation log in Russian with the workflow id', async () => {
    const w = (await alice.post('/api/workflows', { name: 'Журнал', graph: validGraph() })).body;
    await alice.put(`/api/workflows/${w.id}`, { description: 'x' });
    await alice.post(`/api/workflows/${w.id}/publish`);
    await alice.post(`/api/workflows/${w.id}/activate`);
    await alice.post(`/api/workflows/${w.id}/deactivate`);
    await alice.post(`/api/workflows/${w.id}/hook-token`);
    await alice.del(`/api/workflows/${w.id}`);
    const { rows } = await app.c.pool.query('select message from log_entry where workflow_id = $1 and source = $2 order by id', [w.id, 'workflow']);
    expect(rows.map((r) => r.message)).toEqual([
      'Создано правило «Журнал»',
      'Сохранено правило «Журнал»',
      'Опубликована версия 1 правила «Журнал»',
      'Правило «Журнал» включено (версия 1)',
      'Правило «Журнал» выключено',
      'Для правила «Журнал» выпущен новый адрес вебхука, старый отключён',
      'Удалено правило «Журнал»',
    ]);
  });
});

describe('test run', () => {
  it('dry-runs the draft, or the graph given, through the engine', async () => {
    const w = (await alice.post('/api/workflows', { name: 'Тест', graph: validGraph() })).body;
    const res = await alice.post(`/api/workflows/${w.id}/test-run`, { event: { body: { n: 2 } } });
    expect(res.status).toBe(200);
    expect(res.body.steps[0]).toMatchObject({ nodeId: 'trigger', nodeType: 'test_kit.ping' });
    // What the engine does with the event is its own test; here: the given graph replaces the draft.
    const other = validGraph();
    other.nodes[0]!.id = 'start';
    other.edges[0]!.source = 'start';
    const given = await alice.post(`/api/workflows/${w.id}/test-run`, { event: { body: {} }, graph: other });
    expect(given.status).toBe(200);
    expect(given.body.steps[0].nodeId).toBe('start');
    expect((await alice.post(`/api/workflows/${w.id}/test-run`, { graph: validGraph() })).status).toBe(422);
  });

  it('is documented in OpenAPI with the other workflow routes', async () => {
    const doc = (await alice.get('/api/openapi.json')).body;
    for (const p of ['/api/workflows', '/api/workflows/import', '/api/workflows/{id}', '/api/workflows/{id}/publish', '/api/workflows/{id}/hook-token']) {
      expect(doc.paths[p], p).toBeDefined();
    }
  });
});
