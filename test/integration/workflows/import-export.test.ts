import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../support/test-app.ts';
import { testPlugin } from '../../support/test-plugin.ts';
import type { HttpTestClient } from '../../support/http-client.ts';
import { invalidGraph, validGraph } from './fixtures.ts';

let app: TestApp;
let alice: HttpTestClient;
let bob: HttpTestClient;
let source: { id: string; hookUrl: string };

beforeAll(async () => {
  app = await createTestApp({ plugins: [testPlugin] });
  alice = app.client();
  bob = app.client();
  await alice.register('alice@example.ru', 'Алиса');
  await bob.register('bob@example.ru', 'Боб');
  source = (await alice.post('/api/workflows', { name: 'Заявки/сделки', description: 'Из формы в CRM', graph: validGraph() })).body;
  await alice.post(`/api/workflows/${source.id}/publish`);
  await alice.post(`/api/workflows/${source.id}/activate`);
});
afterAll(() => app.close());

describe('export', () => {
  it('answers an attachment with the design only: no ids, tokens or tenant', async () => {
    const res = await alice.get(`/api/workflows/${source.id}/export`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename=/);
    expect(res.headers.get('content-disposition')).not.toContain('/');
    expect(res.body).toEqual({
      format: 'integration-constructor.workflow', formatVersion: 1, name: 'Заявки/сделки', description: 'Из формы в CRM', graph: validGraph(),
    });
    const token = source.hookUrl.split('/hooks/')[1]!;
    expect(res.text).not.toContain(token);
    expect(res.text).not.toContain(source.id);
  });
});

describe('import', () => {
  it('imports an export into another tenant as a draft with its own hook URL', async () => {
    const file = (await alice.get(`/api/workflows/${source.id}/export`)).body;
    const res = await bob.post('/api/workflows/import', file);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      name: 'Заявки/сделки', description: 'Из формы в CRM', status: 'draft', latestVersion: null, graph: validGraph(), triggerType: 'test_kit.ping',
    });
    expect(res.body.hookUrl).toMatch(`${app.url}/hooks/`);
    expect(res.body.hookUrl).not.toBe(source.hookUrl);
    expect((await bob.get('/api/workflows')).body.total).toBe(1);
    // Round trip: exporting the import gives the same file.
    expect((await bob.get(`/api/workflows/${res.body.id}/export`)).body).toEqual(file);
  });

  it('ignores unknown fields such as ids and tokens in the file', async () => {
    const file = { ...(await alice.get(`/api/workflows/${source.id}/export`)).body, id: source.id, status: 'active', hookUrl: source.hookUrl };
    const res = await alice.post('/api/workflows/import', file);
    expect(res.status).toBe(201);
    expect(res.body.id).not.toBe(source.id);
    expect(res.body.status).toBe('draft');
    expect(res.body.hookUrl).not.toBe(source.hookUrl);
  });

  it('imports a well-formed graph with issues, returning them', async () => {
    const res = await alice.post('/api/workflows/import', { format: 'integration-constructor.workflow', formatVersion: 1, name: 'С ошибками', graph: invalidGraph() });
    expect(res.status).toBe(201);
    expect(res.body.description).toBe('');
    expect(res.body.validation.errors.length).toBeGreaterThan(0);
  });

  it('refuses what is not an export, naming the problem in Russian', async () => {
    const wrongFormat = await alice.post('/api/workflows/import', { format: 'something-else', formatVersion: 1, name: 'x', graph: validGraph() });
    expect(wrongFormat.status).toBe(422);
    expect(wrongFormat.body.error).toMatchObject({ code: 'IMPORT_INVALID', message: 'Файл не подходит для импорта (format): Это не файл экспорта правила' });

    const newer = await alice.post('/api/workflows/import', { format: 'integration-constructor.workflow', formatVersion: 2, name: 'x', graph: validGraph() });
    expect(newer.body.error.message).toMatch(/версия формата/);

    const badGraph = await alice.post('/api/workflows/import', { format: 'integration-constructor.workflow', formatVersion: 1, name: 'x', graph: { nodes: 'нет' } });
    expect(badGraph.status).toBe(422);
    expect(Object.keys(badGraph.body.error.details.fields)).toEqual(expect.arrayContaining(['graph.schemaVersion', 'graph.nodes']));

    expect((await alice.post('/api/workflows/import', [1, 2])).body.error.code).toBe('IMPORT_INVALID');
    expect((await alice.get('/api/workflows?search=x')).body.total).toBe(0);
  });
});
