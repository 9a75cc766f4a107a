import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { testPlugin } from '../support/test-plugin.ts';
import { createPluginRegistry } from '../../core/plugins/plugin-registry.ts';
import { defineAction, definePlugin } from '../../core/sdk/index.ts';
import { z } from 'zod';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp({ plugins: [testPlugin] });
});
afterAll(() => app.close());

describe('GET /api/node-types', () => {
  it('requires a session', async () => {
    expect((await app.client().get('/api/node-types')).status).toBe(401);
  });

  it('describes every plugin and node of the registry from its zod schema', async () => {
    const client = app.client();
    await client.register('types@example.ru');
    const res = await client.get('/api/node-types');
    expect(res.status).toBe(200);
    expect(res.body.plugins).toContainEqual(expect.objectContaining({ id: 'test_kit', title: 'Тестовый набор', description: 'Плагин только для тестов', version: '0.0.1' }));
    // A plugin with a connection serves its form: «Настройки» renders it without plugin code.
    const kit = res.body.plugins.find((p: { id: string }) => p.id === 'test_kit');
    expect(kit.connection).toMatchObject({ title: 'Тестовый сервис', oauth: false, adminBound: false, schema: { type: 'object', properties: { apiKey: { type: 'string' } } } });
    const byType = Object.fromEntries(res.body.nodes.map((n: { type: string }) => [n.type, n]));
    expect(byType['test_kit.ping']).toMatchObject({ kind: 'trigger', version: 1, title: 'Пинг', inputs: [], outputs: [{ id: 'out' }], sample: { body: { hello: 'мир' } } });
    expect(byType['test_kit.is_even']).toMatchObject({ kind: 'condition', inputs: [{ id: 'in' }], outputs: [{ id: 'true', title: 'Да' }, { id: 'false', title: 'Нет' }] });
    const echo = byType['test_kit.echo'];
    expect(echo.outputs.map((o: { id: string }) => o.id)).toEqual(['out', 'error']);
    expect(echo.propsSchema).toMatchObject({
      type: 'object',
      required: ['text'],
      properties: { text: { type: 'string', title: 'Текст', 'x-widget': 'template' }, times: { type: 'integer', default: 1, minimum: 1, maximum: 5 } },
    });
  });
});

describe('plugin registry', () => {
  it('validates props with the node schema, pointing at the field', () => {
    const reg = createPluginRegistry([testPlugin]);
    expect(reg.catalog.validateProps!('test_kit.echo', 1, { text: 'a', times: 9 })).toEqual([{ path: 'times', message: expect.any(String) }]);
    expect(reg.catalog.validateProps!('test_kit.echo', 1, { text: 'a' })).toEqual([]);
    expect(reg.catalog.versions('test_kit.echo')).toEqual([1]);
  });

  it('refuses duplicate plugins and node types at boot', () => {
    expect(() => createPluginRegistry([testPlugin, testPlugin])).toThrow(/duplicate plugin/);
    const a = defineAction({ id: 'x', title: 'X', description: '', props: z.object({}), run: async () => ({}) });
    expect(() => createPluginRegistry([definePlugin({ id: 'p', title: 'P', description: '', version: '1', nodes: [a, a] })])).toThrow(/duplicate node type p.x@1/);
    expect(() => createPluginRegistry([definePlugin({ id: 'Bad-Id', title: 'P', description: '', version: '1', nodes: [] })])).toThrow(/snake_case/);
  });
});
