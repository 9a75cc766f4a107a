import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Graph, GraphNode } from '../../../core/graph/graph.schema.ts';
import { plugins } from '../../../plugins/index.ts';
import { HttpTestClient } from '../../support/http-client.ts';
import { processTestEnv, type ProcessTestEnv } from '../../support/process-env.ts';
import { sharedSecrets, startServerProcess, type ServerProcess } from '../../support/server-process.ts';
import { createTestApp, type TestApp } from '../../support/test-app.ts';
import { testPlugin } from '../../support/test-plugin.ts';
import { activeWorkflow } from '../../support/workflow-graphs.ts';

/** A rule is written by a tenant and fired by anyone with its URL: its run must stay within budgets. */
const node = (id: string, type: string, props: Record<string, unknown>, x = 0): GraphNode => ({ id, type, version: 1, position: { x, y: 0 }, props });
const chain = (...nodes: GraphNode[]): Graph => ({
  schemaVersion: 1,
  nodes,
  edges: nodes.slice(1).map((n, i) => ({ id: `e${i}`, source: nodes[i]!.id, sourceHandle: nodes[i]!.type === 'logic.condition' ? 'true' : 'out', target: n.id, targetHandle: 'in' })),
});

/** `{{trigger.body.big}}` 12,000 times: 4.8 GB if a 400 KB field were expanded in full. */
const amplification = (url: string) => chain(
  node('t', 'webhook.catch', {}),
  node('h', 'http.request', { method: 'POST', url, body: '{{trigger.body.big}}'.repeat(12_000), timeoutMs: 5000 }, 250),
);
const bigBody = () => JSON.stringify({ big: 'я'.repeat(400_000) });

/** Conditions full of a pattern that takes ~15 ms on 1,400 characters: within the per-test limit, but they add up. */
const regexStorm = () => chain(
  node('t', 'webhook.catch', {}),
  ...Array.from({ length: 10 }, (_, i) => node(`c${i}`, 'logic.condition', {
    group: { match: 'any', rules: Array.from({ length: 50 }, () => ({ left: '{{trigger.body.text}}', op: 'regex', right: '(a|b|c)*d' })) },
  }, 250 * (i + 1))),
);

describe('run budgets, in process', () => {
  let app: TestApp;
  let client: HttpTestClient;
  beforeAll(async () => {
    app = await createTestApp({ plugins: [...plugins, testPlugin], env: { RUN_MAX_OUTPUT_BYTES: '4096' } });
    client = app.client();
    await client.register('budgets@example.ru');
  });
  afterAll(() => app.close());

  const testRun = async (graph: Graph, body: unknown) => {
    const created = await client.post('/api/workflows', { name: `Бюджет ${Math.random()}`, graph });
    return (await client.post(`/api/workflows/${created.body.id}/test-run`, { event: { body } })).body;
  };

  it('fails an amplifying template with a Russian reason naming the step and the field', async () => {
    const result = await testRun(amplification('http://127.0.0.1:9/x'), JSON.parse(bigBody()));
    expect(result.status).toBe('failed');
    expect(result.error.code).toBe('TEMPLATE_OUTPUT_TOO_LARGE');
    expect(result.error.message).toMatch(/^Шаг «HTTP-запрос»: поле «body» после подстановки шаблонов больше 1 МБ/);
  });

  it('fails a run whose outputs outgrow the budget, naming the step', async () => {
    const graph = chain(node('t', 'webhook.catch', {}), node('a', 'test_kit.echo', { text: '{{trigger.body.s}}', times: 3 }, 250));
    const result = await testRun(graph, { s: 'x'.repeat(2000) });
    expect(result.error).toMatchObject({ code: 'RUN_OUTPUT_TOO_LARGE' });
    expect(result.error.message).toMatch(/Шаг «Эхо»: данные запуска превысили/);
  });

  it('refuses a condition with more rules than allowed', async () => {
    const rules = Array.from({ length: 3 }, () => ({ op: 'group', match: 'all', rules: Array.from({ length: 50 }, () => ({ left: 'a', op: 'eq', right: 'a' })) }));
    const result = await testRun(chain(node('t', 'webhook.catch', {}), node('c', 'logic.condition', { group: { match: 'all', rules } }, 250)), {});
    expect(result.error.message).toMatch(/Условие «Условие»: проверок 150, а можно не больше 100/);
  });
});

describe('run budgets, in a server process', () => {
  let env: ProcessTestEnv;
  let server: ServerProcess;
  const serverEnv: Record<string, string> = {};
  beforeAll(async () => {
    env = await processTestEnv();
    Object.assign(serverEnv, { DATABASE_URL: env.db.url, ...sharedSecrets() });
    server = await startServerProcess({ role: 'all', env: serverEnv });
    env.procs.push(server);
  });
  afterAll(() => env.close('SIGKILL'));

  it('an amplifying rule fired by one webhook fails its run; the process lives and restarts clean', async () => {
    const client = new HttpTestClient(server.url);
    await client.register('amplify@example.ru');
    const wf = await activeWorkflow(client, amplification(`${env.target.url}/x`), 'Усилитель');
    const res = await fetch(server.url + wf.hookPath, { method: 'POST', headers: { 'content-type': 'application/json' }, body: bigBody() });
    expect(res.status).toBe(200);
    await expect.poll(async () => (await client.get(`/api/runs?workflowId=${wf.id}`)).body.items[0]?.status, { timeout: 20_000 }).toBe('failed');
    const run = (await client.get(`/api/runs?workflowId=${wf.id}`)).body.items[0];
    expect(run.error.code).toBe('TEMPLATE_OUTPUT_TOO_LARGE');
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expect(server.child.exitCode).toBeNull();
    expect(env.target.count).toBe(0);

    await server.kill('SIGTERM');
    server = await startServerProcess({ role: 'all', env: serverEnv });
    env.procs.push(server);
    await new Promise((r) => setTimeout(r, 1500));
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const after = new HttpTestClient(server.url);
    await after.post('/api/auth/login', { email: 'amplify@example.ru', password: 'пароль-надёжный' });
    expect((await after.get(`/api/runs?workflowId=${wf.id}`)).body.items.map((r: { status: string }) => r.status)).toEqual(['failed']);
  });

  it('a storm of slow regexes is cut by the run budget; /healthz answers within 200 ms throughout', async () => {
    const client = new HttpTestClient(server.url);
    await client.register('regex@example.ru');
    const wf = await activeWorkflow(client, regexStorm(), 'Регулярки');
    const latencies: number[] = [];
    let probing = true;
    const probe = (async () => {
      while (probing) {
        const t = performance.now();
        await fetch(`${server.url}/healthz`);
        latencies.push(performance.now() - t);
        await new Promise((r) => setTimeout(r, 10));
      }
    })();
    for (let i = 0; i < 3; i++) {
      await fetch(server.url + wf.hookPath, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'a'.repeat(1400), i }) });
    }
    await expect.poll(async () => (await client.get(`/api/runs?workflowId=${wf.id}&status=failed`)).body.total, { timeout: 20_000 }).toBe(3);
    probing = false;
    await probe;
    const run = (await client.get(`/api/runs?workflowId=${wf.id}`)).body.items[0];
    // Cut by the run's budget, or (on a loaded machine, where one call alone outlasts its own
    // 50 ms) by the per-call limit first: either way no regex storm runs on.
    expect(['CONDITION_REGEX_BUDGET', 'CONDITION_REGEX_TIMEOUT']).toContain(run.error.code);
    expect(latencies.length).toBeGreaterThan(5);
    expect(Math.max(...latencies)).toBeLessThan(200);
  });
});
