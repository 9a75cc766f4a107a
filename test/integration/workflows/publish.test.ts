import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../support/test-app.ts';
import { testPlugin } from '../../support/test-plugin.ts';
import type { HttpTestClient } from '../../support/http-client.ts';
import { invalidGraph, triggerlessGraph, validGraph } from './fixtures.ts';

let app: TestApp;
let alice: HttpTestClient;
let aliceId: string;

beforeAll(async () => {
  app = await createTestApp({ plugins: [testPlugin] });
  alice = app.client();
  aliceId = (await alice.register('alice@example.ru', 'Алиса')).id;
});
afterAll(() => app.close());

const create = async (graph = validGraph()) => (await alice.post('/api/workflows', { name: 'Правило', graph })).body;
const row = async (id: string) => (await app.c.pool.query('select * from workflow where id = $1', [id])).rows[0];
const versionGraph = async (id: string, version: number) =>
  (await app.c.pool.query('select graph from workflow_version where workflow_id = $1 and version = $2', [id, version])).rows[0]?.graph;

describe('publish', () => {
  it('refuses an invalid graph with 422 GRAPH_INVALID and issues pointing at nodes and edges', async () => {
    const w = await create(invalidGraph());
    const res = await alice.post(`/api/workflows/${w.id}/publish`);
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('GRAPH_INVALID');
    expect(res.body.error.message).toMatch(/нельзя опубликовать/);
    const errors = res.body.error.details.errors as { code: string; nodeId?: string; edgeId?: string; severity: string }[];
    expect(errors).toEqual(expect.arrayContaining([
      expect.objectContaining({ code: 'NODE_PROPS_INVALID', nodeId: 'say', severity: 'error' }),
      expect.objectContaining({ code: 'EDGE_BAD_SOURCE_PORT', edgeId: 'e2' }),
    ]));
    expect((await row(w.id)).latest_version).toBeNull();
    expect((await alice.get(`/api/workflows/${w.id}/versions`)).body).toEqual({ items: [], total: 0 });
  });

  it('publishes version 1, then keeps it immutable while the draft changes', async () => {
    const w = await create();
    const res = await alice.post(`/api/workflows/${w.id}/publish`);
    expect(res.status).toBe(200);
    expect(res.body.version).toMatchObject({ version: 1 });
    expect(res.body.workflow).toMatchObject({ latestVersion: 1, activeVersion: null, hasUnpublishedChanges: false, status: 'draft' });

    const edited = await alice.put(`/api/workflows/${w.id}`, { graph: validGraph('изменено') });
    expect(edited.body.hasUnpublishedChanges).toBe(true);
    expect(await versionGraph(w.id, 1)).toEqual(validGraph());

    const second = await alice.post(`/api/workflows/${w.id}/publish`);
    expect(second.body.version.version).toBe(2);
    expect(await versionGraph(w.id, 1)).toEqual(validGraph());
    expect(await versionGraph(w.id, 2)).toEqual(validGraph('изменено'));
  });

  it('does not create a version for a draft identical to the latest one', async () => {
    const w = await create();
    const first = (await alice.post(`/api/workflows/${w.id}/publish`)).body.version;
    // A save of the same graph is not a change; a change and its undo is, until publish sees it is the same.
    await alice.put(`/api/workflows/${w.id}`, { graph: validGraph('временно') });
    await alice.put(`/api/workflows/${w.id}`, { graph: validGraph() });
    const again = await alice.post(`/api/workflows/${w.id}/publish`);
    expect(again.body.version).toEqual(first);
    expect(again.body.workflow).toMatchObject({ latestVersion: 1, hasUnpublishedChanges: false });
  });

  it('serialises concurrent publishes of one draft into a single version', async () => {
    const w = await create();
    const results = await Promise.all([1, 2, 3, 4].map(() => alice.post(`/api/workflows/${w.id}/publish`)));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(new Set(results.map((r) => r.body.version.id)).size).toBe(1);
    expect((await alice.get(`/api/workflows/${w.id}/versions`)).body.total).toBe(1);
  });

  it('keeps the published trigger type and hook URL when the draft loses its trigger', async () => {
    const w = await create();
    await alice.post(`/api/workflows/${w.id}/publish`);
    const res = await alice.put(`/api/workflows/${w.id}`, { graph: triggerlessGraph() });
    expect(res.body).toMatchObject({ triggerType: 'test_kit.ping', hookUrl: w.hookUrl });
  });
});

describe('activate and deactivate', () => {
  it('refuses to activate an unpublished rule', async () => {
    const w = await create();
    const res = await alice.post(`/api/workflows/${w.id}/activate`);
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: 'NOT_PUBLISHED', message: 'Сначала опубликуйте правило' });
    expect((await row(w.id)).status).toBe('draft');
  });

  it('activates the latest version, follows new publishes, and deactivates keeping the version id', async () => {
    const w = await create();
    const v1 = (await alice.post(`/api/workflows/${w.id}/publish`)).body.version;
    const on = await alice.post(`/api/workflows/${w.id}/activate`);
    expect(on.status).toBe(200);
    expect(on.body).toMatchObject({ status: 'active', activeVersion: 1, latestVersion: 1 });
    expect((await row(w.id)).active_version_id).toBe(v1.id);

    await alice.put(`/api/workflows/${w.id}`, { graph: validGraph('v2') });
    const v2 = (await alice.post(`/api/workflows/${w.id}/publish`)).body;
    expect(v2.workflow).toMatchObject({ status: 'active', activeVersion: 2 });
    expect((await row(w.id)).active_version_id).toBe(v2.version.id);

    const off = await alice.post(`/api/workflows/${w.id}/deactivate`);
    expect(off.body).toMatchObject({ status: 'inactive', activeVersion: null, latestVersion: 2 });
    expect((await row(w.id)).active_version_id).toBe(v2.version.id);

    // Published while off: the pointer stays; activating again picks the newest version.
    await alice.put(`/api/workflows/${w.id}`, { graph: validGraph('v3') });
    await alice.post(`/api/workflows/${w.id}/publish`);
    expect((await row(w.id)).active_version_id).toBe(v2.version.id);
    expect((await alice.post(`/api/workflows/${w.id}/activate`)).body).toMatchObject({ status: 'active', activeVersion: 3 });
  });

  it('leaves a draft a draft on deactivate', async () => {
    const w = await create();
    expect((await alice.post(`/api/workflows/${w.id}/deactivate`)).body.status).toBe('draft');
  });
});

describe('versions', () => {
  it('lists versions newest first with the author, paginated', async () => {
    const w = await create();
    for (const text of ['a', 'b', 'c']) {
      await alice.put(`/api/workflows/${w.id}`, { graph: validGraph(text) });
      await alice.post(`/api/workflows/${w.id}/publish`);
    }
    const all = (await alice.get(`/api/workflows/${w.id}/versions`)).body;
    expect(all.total).toBe(3);
    expect(all.items.map((v: { version: number }) => v.version)).toEqual([3, 2, 1]);
    expect(all.items[0]).toMatchObject({ createdBy: aliceId });
    expect(Object.keys(all.items[0]).sort()).toEqual(['author', 'changes', 'createdAt', 'createdBy', 'id', 'version']);
    const page = (await alice.get(`/api/workflows/${w.id}/versions?limit=1&offset=1`)).body;
    expect(page).toMatchObject({ total: 3, items: [{ version: 2 }] });
    expect((await alice.get(`/api/workflows/${w.id}/versions?offset=10`)).body).toEqual({ items: [], total: 3 });
  });
});

describe('hook token', () => {
  it('regenerates the URL and revokes the old endpoint row', async () => {
    const w = await create();
    const oldToken = w.hookUrl.split('/hooks/')[1];
    const res = await alice.post(`/api/workflows/${w.id}/hook-token`);
    expect(res.status).toBe(200);
    expect(res.body.hookUrl).toMatch(new RegExp(`^${app.url}/hooks/[A-Za-z0-9_-]{43}$`));
    expect(res.body.hookUrl).not.toBe(w.hookUrl);
    const { rows } = await app.c.pool.query('select token, revoked_at from hook_endpoint where workflow_id = $1 order by created_at', [w.id]);
    expect(rows).toHaveLength(2);
    expect(rows.find((r) => r.token === oldToken)?.revoked_at).toBeInstanceOf(Date);
    expect(rows.filter((r) => r.revoked_at === null).map((r) => r.token)).toEqual([res.body.hookUrl.split('/hooks/')[1]]);
    expect((await alice.get(`/api/workflows/${w.id}`)).body.hookUrl).toBe(res.body.hookUrl);
  });
});
