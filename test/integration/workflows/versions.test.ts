import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../support/test-app.ts';
import { testPlugin } from '../../support/test-plugin.ts';
import type { HttpTestClient } from '../../support/http-client.ts';
import { invalidGraph, validGraph } from './fixtures.ts';

let app: TestApp;
let alice: HttpTestClient;
let bob: HttpTestClient;

beforeAll(async () => {
  app = await createTestApp({ plugins: [testPlugin] });
  alice = app.client();
  bob = app.client();
  await alice.register('alice-versions@example.ru', 'Алиса Версиева');
  await bob.register('bob-versions@example.ru', 'Борис');
});
afterAll(() => app.close());

const create = async (graph = validGraph()) => (await alice.post('/api/workflows', { name: 'Заявки с сайта', graph })).body;
const draft = async (id: string) => (await alice.get(`/api/workflows/${id}`)).body;
const journal = async (id: string) =>
  (await app.c.pool.query<{ message: string }>('select message from log_entry where workflow_id = $1 order by id', [id])).rows.map((r) => r.message);

/** Version 1: the valid graph; version 2: one more echo node; version 3: its text changed. */
async function threeVersions() {
  const w = await create();
  await alice.post(`/api/workflows/${w.id}/publish`);
  const g2 = validGraph();
  g2.nodes.push({ id: 'say2', type: 'test_kit.echo', version: 1, position: { x: 600, y: 0 }, props: { text: 'ещё' } });
  g2.edges.push({ id: 'e3', source: 'check', sourceHandle: 'false', target: 'say2', targetHandle: 'in' });
  await alice.put(`/api/workflows/${w.id}`, { graph: g2 });
  await alice.post(`/api/workflows/${w.id}/publish`);
  const g3 = structuredClone(g2);
  g3.nodes[2]!.props = { text: 'изменено' };
  g3.nodes[3]!.position = { x: 900, y: 40 };
  await alice.put(`/api/workflows/${w.id}`, { graph: g3 });
  await alice.post(`/api/workflows/${w.id}/publish`);
  return w;
}

describe('version history', () => {
  it('lists who published each version and what changed against the previous one', async () => {
    const w = await threeVersions();
    const res = await alice.get(`/api/workflows/${w.id}/versions`);
    expect(res.status).toBe(200);
    const items = res.body.items as { version: number; author: unknown; changes: { summary: string; first: boolean } }[];
    expect(items.map((v) => v.version)).toEqual([3, 2, 1]);
    expect(items[0]!.author).toEqual({ name: 'Алиса Версиева', email: 'alice-versions@example.ru' });
    // Moving a node is not a change of the rule.
    expect(items.map((v) => v.changes.summary)).toEqual(['изменены настройки 1 узла', '+1 узел, связи: +1', 'Первая версия: 3 узла, 2 связи']);
    expect(items[2]!.changes.first).toBe(true);
  });

  it('returns one version with its graph; 404 in Russian for a missing version or another tenant', async () => {
    const w = await threeVersions();
    const one = await alice.get(`/api/workflows/${w.id}/versions/1`);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ version: 1, graph: validGraph(), changes: { first: true } });
    const missing = await alice.get(`/api/workflows/${w.id}/versions/9`);
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toBe('Версия 9 не найдена');
    expect((await alice.get(`/api/workflows/${w.id}/versions/abc`)).status).toBe(422);
    expect((await bob.get(`/api/workflows/${w.id}/versions/1`)).status).toBe(404);
    expect((await bob.post(`/api/workflows/${w.id}/versions/1/restore`)).status).toBe(404);
  });
});

describe('«Вернуть эту версию»', () => {
  it('publishes the old graph as a new version, switches an active rule to it and says so in the journal', async () => {
    const w = await threeVersions();
    expect((await alice.post(`/api/workflows/${w.id}/activate`)).body).toMatchObject({ activeVersion: 3 });
    // Unsaved-to-version edits in the draft are replaced by the restored graph.
    await alice.put(`/api/workflows/${w.id}`, { graph: validGraph('черновик') });

    const res = await alice.post(`/api/workflows/${w.id}/versions/1/restore`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ restoredFrom: 1, version: { version: 4 }, workflow: { status: 'active', activeVersion: 4, latestVersion: 4, hasUnpublishedChanges: false } });
    expect((await draft(w.id)).graph).toEqual(validGraph());
    const history = (await alice.get(`/api/workflows/${w.id}/versions`)).body.items;
    expect(history[0]).toMatchObject({ version: 4, changes: { summary: '−1 узел, изменены настройки 1 узла, связи: −1' } });
    const log = await journal(w.id);
    expect(log).toContain('Восстановлена версия 1 правила «Заявки с сайта» как версия 4');
    expect(log).not.toContain('Опубликована версия 4 правила «Заявки с сайта»');
  });

  it('restoring the latest version only drops the draft changes', async () => {
    const w = await create();
    await alice.post(`/api/workflows/${w.id}/publish`);
    await alice.put(`/api/workflows/${w.id}`, { graph: validGraph('черновик') });
    const res = await alice.post(`/api/workflows/${w.id}/versions/1/restore`);
    expect(res.body).toMatchObject({ version: { version: 1 }, workflow: { latestVersion: 1, hasUnpublishedChanges: false, status: 'draft' } });
    expect((await draft(w.id)).graph).toEqual(validGraph());
    expect(await journal(w.id)).toContain('Черновик правила «Заявки с сайта» возвращён к версии 1');
  });
});

describe('«Опубликовать и включить»', () => {
  it('publishes and turns the rule on in one call', async () => {
    const w = await create();
    const res = await alice.post(`/api/workflows/${w.id}/publish-and-activate`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ version: { version: 1 }, workflow: { status: 'active', activeVersion: 1, latestVersion: 1, hasUnpublishedChanges: false } });
    // Already on: a second call publishes the new draft and stays on.
    await alice.put(`/api/workflows/${w.id}`, { graph: validGraph('v2') });
    expect((await alice.post(`/api/workflows/${w.id}/publish-and-activate`)).body.workflow).toMatchObject({ status: 'active', activeVersion: 2 });
  });

  it('refuses an invalid draft in Russian and neither publishes nor turns it on', async () => {
    const w = await create(invalidGraph());
    const res = await alice.post(`/api/workflows/${w.id}/publish-and-activate`);
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('GRAPH_INVALID');
    expect(res.body.error.message).toMatch(/^Правило нельзя опубликовать/);
    expect(await draft(w.id)).toMatchObject({ status: 'draft', latestVersion: null });
  });
});
