import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../../../core/graph/graph.schema.ts';
import { plugins } from '../../../plugins/index.ts';
import { createTestApp, type TestApp } from '../../support/test-app.ts';
import { testPlugin } from '../../support/test-plugin.ts';
import { activeWorkflow } from '../../support/workflow-graphs.ts';
import type { HttpTestClient } from '../../support/http-client.ts';

/** A tenant with two accounts of one service picks one per node; the engine hands exactly that one. */
let app: TestApp;
let client: HttpTestClient;

beforeAll(async () => {
  app = await createTestApp({ worker: true, plugins: [...plugins, testPlugin] });
  client = app.client();
  await client.register('per-node@example.ru');
});
afterAll(() => app.close());

const graph = (connections: [string, string]): Graph => ({
  schemaVersion: 1,
  nodes: [
    { id: 't', type: 'webhook.catch', version: 1, position: { x: 0, y: 0 }, props: {} },
    { id: 'a', type: 'test_kit.whoami', version: 1, position: { x: 250, y: 0 }, props: { connectionId: connections[0] } },
    { id: 'b', type: 'test_kit.whoami', version: 1, position: { x: 500, y: 0 }, props: { connectionId: connections[1] } },
  ],
  edges: [
    { id: 'e1', source: 't', sourceHandle: 'out', target: 'a', targetHandle: 'in' },
    { id: 'e2', source: 'a', sourceHandle: 'out', target: 'b', targetHandle: 'in' },
  ],
});

async function connection(c: HttpTestClient, name: string, region: string): Promise<string> {
  const res = await c.post('/api/connections', { plugin: 'test_kit', name, credentials: { apiKey: 'good-key', region } });
  expect(res.status).toBe(201);
  return res.body.id;
}

async function runOf(hookPath: string) {
  const { eventId } = await (await fetch(app.url + hookPath, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ r: Math.random() }) })).json();
  await expect.poll(async () => (await client.get(`/api/runs?eventId=${eventId}`)).body.items[0]?.status, { timeout: 10_000 }).toMatch(/succeeded|failed/);
  const id = (await client.get(`/api/runs?eventId=${eventId}`)).body.items[0].id;
  return (await client.get(`/api/runs/${id}`)).body;
}

describe('a connection per node', () => {
  it('gives each node the connection it names', async () => {
    const north = await connection(client, 'Север', 'север');
    const south = await connection(client, 'Юг', 'юг');
    const wf = await activeWorkflow(client, graph([south, north]), 'Два аккаунта');
    const run = await runOf(wf.hookPath);
    expect(run.status).toBe('succeeded');
    const out = Object.fromEntries(run.steps.map((s: { nodeId: string; output: unknown }) => [s.nodeId, s.output]));
    expect(out.a).toEqual({ region: 'юг' });
    expect(out.b).toEqual({ region: 'север' });
  });

  it('fails the run with a Russian reason when the chosen connection was deleted', async () => {
    const gone = await connection(client, 'Временное', 'временное');
    const kept = await connection(client, 'Постоянное', 'постоянное');
    const wf = await activeWorkflow(client, graph([kept, gone]), 'Удалённое подключение');
    expect((await client.del(`/api/connections/${gone}`)).status).toBe(204);
    const run = await runOf(wf.hookPath);
    expect(run.status).toBe('failed');
    expect(run.error).toMatchObject({ code: 'CONNECTION_MISSING' });
    expect(run.error.message).toMatch(/Подключение «Тестовый набор», выбранное в шаге «Кто я», удалено или недоступно/);
  });

  it("never hands another tenant's connection, even by its id: publishing refuses it, a test run fails on it", async () => {
    const other = app.client();
    await other.register('per-node-other@example.ru');
    const foreign = await connection(other, 'Чужое', 'чужое');
    const mine = await connection(client, 'Своё', 'своё');
    const created = await client.post('/api/workflows', { name: 'Чужое подключение', graph: graph([mine, foreign]) });
    const published = await client.post(`/api/workflows/${created.body.id}/publish`);
    expect(published.status).toBe(422);
    expect(published.body.error.details.errors).toEqual([expect.objectContaining({ code: 'CONNECTION_MISSING', nodeId: 'b', path: 'connectionId' })]);
    const tested = await client.post(`/api/workflows/${created.body.id}/test-run`, { event: { body: {} } });
    expect(tested.body.status).toBe('failed');
    expect(tested.body.error.code).toBe('CONNECTION_MISSING');
    expect(JSON.stringify(tested.body)).not.toContain('чужое');
  });

  it('refuses to publish a node without a chosen connection, saying so in Russian', async () => {
    const created = await client.post('/api/workflows', { name: 'Без подключения', graph: { ...graph(['', '']) } });
    const res = await client.post(`/api/workflows/${created.body.id}/publish`);
    expect(res.status).toBe(422);
    expect(JSON.stringify(res.body)).toContain('Выберите подключение');
  });
});
