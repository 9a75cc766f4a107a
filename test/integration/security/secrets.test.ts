import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSecretBox, secretAad } from '../../../core/crypto/secret-box.ts';
import { rotateKeys } from '../../../core/crypto/rotate-keys.ts';
import type { Graph } from '../../../core/graph/graph.schema.ts';
import { runSecrets } from '../../../core/plugins/secret-props.ts';
import { SECRET_MASK } from '../../../core/graph/secret-mask.ts';
import { activeWorkflow } from '../../support/workflow-graphs.ts';
import type { HttpTestClient } from '../../support/http-client.ts';
import { startTargetServer } from '../../support/target-server.ts';
import { createTestApp, type TestApp } from '../../support/test-app.ts';

/**
 * Distinct secrets are planted on every path a secret travels (connections, node props, webhook
 * headers and query, the hook URL, a login), the paths are exercised (save, publish, export, runs,
 * test runs, a copy, a 5xx), and then the whole database, the server log and every response are
 * searched for each of them.
 */
const plant = (name: string) => `${name}-${randomBytes(9).toString('hex')}`;
const S = {
  bearer: plant('bearer-token'),
  connPassword: plant('conn-password'),
  nodeHeader: plant('node-secret-header'),
  plainAuthHeader: plant('typed-auth-header'),
  webhookSecret: plant('webhook-shared'),
  inboundAuth: plant('inbound-authorization'),
  inboundQuery: plant('inbound-access-token'),
  userPassword: plant('user-password'),
};
const basicB64 = () => Buffer.from(`robot:${S.connPassword}`).toString('base64');

const logLines: string[] = [];
const responses: { what: string; text: string }[] = [];
let app: TestApp;
let target: Awaited<ReturnType<typeof startTargetServer>>;
let client: HttpTestClient;

beforeAll(async () => {
  const sink = new Writable({ write(chunk, _e, cb) { logLines.push(String(chunk)); cb(); } });
  app = await createTestApp({ worker: true, env: { LOG_LEVEL: 'debug' }, logDestination: sink });
  target = await startTargetServer();
  client = app.client();
  // Every API response this test sees is kept for the final search.
  const send = client.request.bind(client);
  client.request = async (method, path, body, headers) => {
    const res = await send(method, path, body, headers);
    responses.push({ what: `${method} ${path}`, text: res.text });
    return res;
  };
  const reg = await client.post('/api/auth/register', { email: 'secrets-leak@example.ru', password: S.userPassword, name: 'Секреты' });
  expect(reg.status).toBe(201);
});
afterAll(async () => {
  await app?.close();
  await target?.close();
});

async function hook(path: string, init: { headers?: Record<string, string>; body?: unknown } = {}) {
  const res = await fetch(app.url + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...init.headers },
    body: JSON.stringify(init.body ?? {}),
  });
  const text = await res.text();
  responses.push({ what: `hook ${res.status}`, text });
  return { status: res.status, text };
}

async function dumpDatabase(): Promise<Map<string, string>> {
  const { rows } = await app.c.pool.query<{ s: string; t: string }>(
    `select table_schema as s, table_name as t from information_schema.tables
      where table_schema in ('public', 'graphile_worker') and table_type = 'BASE TABLE' order by 1, 2`,
  );
  const dump = new Map<string, string>();
  for (const { s, t } of rows) {
    const data = await app.c.pool.query<{ r: string }>(`select x::text as r from "${s}"."${t}" x`);
    dump.set(`${s}.${t}`, data.rows.map((r) => r.r).join('\n'));
  }
  return dump;
}

const graph = (bearerConn: string, basicConn: string): Graph => ({
  schemaVersion: 1,
  nodes: [
    {
      id: 'n1', type: 'webhook.catch', version: 1, position: { x: 0, y: 0 },
      props: { secretHeader: 'X-Hook-Secret', secretQueryParam: 'api_token', secretValue: S.webhookSecret, dedupeBy: '' },
    },
    {
      id: 'n2', type: 'http.request', version: 1, position: { x: 250, y: 0 },
      props: {
        method: 'POST', url: `${target.url}/bearer`, connectionId: bearerConn,
        headers: { 'x-test': '1', 'X-Auth-Token': S.plainAuthHeader },
        secretHeaders: { 'X-Api-Key': S.nodeHeader },
        // What the rule sees of the inbound secret: the masked value, not the secret.
        body: `{"lead": "{{trigger.body.lead}}", "seen": "{{trigger.query.api_token}}|{{trigger.headers['x-hook-secret']}}"}`,
        timeoutMs: 5000,
      },
    },
    { id: 'n3', type: 'http.request', version: 1, position: { x: 500, y: 0 }, props: { method: 'GET', url: `${target.url}/basic`, connectionId: basicConn, timeoutMs: 5000 } },
  ],
  edges: [
    { id: 'e1', source: 'n1', sourceHandle: 'out', target: 'n2', targetHandle: 'in' },
    { id: 'e2', source: 'n2', sourceHandle: 'out', target: 'n3', targetHandle: 'in' },
  ],
});

const nodeProps = (w: { graph: Graph }, id: string) => w.graph.nodes.find((n) => n.id === id)!.props as Record<string, any>;

async function finishedRuns(workflowId: string, n: number) {
  await expect.poll(async () => {
    const items = (await client.get(`/api/runs?workflowId=${workflowId}`)).body.items as { status: string }[];
    return items.filter((r) => r.status === 'succeeded' || r.status === 'failed').length;
  }, { timeout: 15_000 }).toBe(n);
  const items = (await client.get(`/api/runs?workflowId=${workflowId}`)).body.items as { id: string }[];
  return Promise.all(items.map(async (r) => (await client.get(`/api/runs/${r.id}`)).body));
}

describe('planted secrets', () => {
  it('appear nowhere in clear: not in the database, the log, any response or the export; the runs still authenticate', async () => {
    // Reusable credentials of the http plugin.
    const bearer = await client.post('/api/connections', { plugin: 'http', name: 'API токен', credentials: { type: 'bearer', token: S.bearer } });
    expect(bearer.status).toBe(201);
    expect(bearer.body).toMatchObject({ plugin: 'http', fields: ['type', 'token'] });
    const basic = await client.post('/api/connections', { plugin: 'http', name: 'API логин', credentials: { type: 'basic', username: 'robot', password: S.connPassword } });
    expect(basic.status).toBe(201);
    expect((await client.post(`/api/connections/${basic.body.id}/test`)).body).toMatchObject({ status: 'ok', lastError: null });

    // Save, save the masked graph back, publish, activate, export.
    const wf = await activeWorkflow(client, graph(bearer.body.id, basic.body.id), 'Секреты повсюду');
    const token = wf.hookPath.split('/').pop()!;
    const view = (await client.get(`/api/workflows/${wf.id}`)).body;
    expect(nodeProps(view, 'n2').secretHeaders).toEqual({ 'X-Api-Key': SECRET_MASK });
    expect(nodeProps(view, 'n2').headers).toEqual({ 'x-test': '1', 'X-Auth-Token': SECRET_MASK });
    expect(nodeProps(view, 'n1').secretValue).toMatch(/^sha256:/);
    const resaved = await client.put(`/api/workflows/${wf.id}`, { graph: view.graph });
    expect(resaved.status).toBe(200);
    expect(resaved.body.hasUnpublishedChanges).toBe(false);
    const file = await client.get(`/api/workflows/${wf.id}/export`);
    expect(nodeProps(file.body, 'n2')).toMatchObject({ secretHeaders: { 'X-Api-Key': '' }, headers: { 'X-Auth-Token': '' } });
    expect(nodeProps(file.body, 'n1').secretValue).toBe('');

    // Webhooks: the shared secret in its header (with other credentials), then in ?api_token= on
    // an upper-case path; a wrong secret is refused.
    const a = await hook(`${wf.hookPath}?access_token=${S.inboundQuery}`, {
      headers: { 'X-Hook-Secret': S.webhookSecret, Authorization: `Bearer ${S.inboundAuth}` },
      body: { lead: 'Иван' },
    });
    expect(a.status).toBe(200);
    const b = await hook(`/HOOKS/${token}?api_token=${S.webhookSecret}&page=2`, { body: { lead: 'Пётр' } });
    expect(b.status).toBe(200);
    expect((await hook(`/Hooks/${token}/`, { headers: { 'X-Hook-Secret': 'wrong-secret' } })).status).toBe(401);

    const runs = await finishedRuns(wf.id, 2);
    for (const run of runs) expect(run.status, JSON.stringify(run.error)).toBe('succeeded');
    const n2Input = runs[0].steps.find((s: { nodeId: string }) => s.nodeId === 'n2').input;
    expect(n2Input).toMatchObject({ secretHeaders: { 'X-Api-Key': SECRET_MASK }, headers: { 'X-Auth-Token': SECRET_MASK } });
    await client.get(`/api/events?workflowId=${wf.id}`);
    await client.get('/api/logs');

    // The remote side got the real credentials; the rule saw only masks of the inbound secret.
    const posts = target.received.filter((r) => r.url === '/bearer');
    const gets = target.received.filter((r) => r.url === '/basic');
    expect(posts).toHaveLength(2);
    expect(gets).toHaveLength(2);
    for (const r of posts) {
      expect(r.headers.authorization).toBe(`Bearer ${S.bearer}`);
      expect(r.headers['x-api-key']).toBe(S.nodeHeader);
      expect(r.headers['x-auth-token']).toBe(S.plainAuthHeader);
    }
    expect(posts.map((r) => JSON.parse(r.body).seen).sort()).toEqual(['[скрыто]|', '|[скрыто]']);
    for (const r of gets) expect(r.headers.authorization).toBe(`Basic ${basicB64()}`);

    // A test run of the editor's unsaved (masked) graph: the POST is only previewed, masked.
    const tested = await client.post(`/api/workflows/${wf.id}/test-run`, {
      graph: view.graph,
      event: { body: { lead: 'Тест' }, headers: { 'X-Hook-Secret': S.webhookSecret }, query: { api_token: S.webhookSecret } },
    });
    expect(tested.status).toBe(200);
    expect(tested.body.status).toBe('succeeded');
    const preview = tested.body.steps.find((s: { nodeId: string }) => s.nodeId === 'n2').output.request;
    expect(preview.headers).toMatchObject({ authorization: SECRET_MASK, 'X-Api-Key': SECRET_MASK, 'X-Auth-Token': SECRET_MASK, 'x-test': '1' });
    expect(gets.length + 1).toBe(target.received.filter((r) => r.url === '/basic').length);

    // A copy re-encrypts for itself: its test run (with the POST made a GET, so it is sent) authenticates.
    const copy = (await client.post(`/api/workflows/${wf.id}/duplicate`)).body;
    const copyGraph = structuredClone(copy.graph) as Graph;
    copyGraph.nodes.find((n) => n.id === 'n2')!.props.method = 'GET';
    const before = target.received.length;
    const copyRun = await client.post(`/api/workflows/${copy.id}/test-run`, { graph: copyGraph, event: { body: { lead: 'Копия' } } });
    expect(copyRun.body.status, copyRun.text).toBe('succeeded');
    const sentByCopy = target.received.slice(before).find((r) => r.url === '/bearer')!;
    expect(sentByCopy.headers['x-api-key']).toBe(S.nodeHeader);
    expect(sentByCopy.headers.authorization).toBe(`Bearer ${S.bearer}`);

    // A 5xx on an upper-case hook path, with the token in the error's message.
    const accept = app.c.ingest.accept;
    app.c.ingest.accept = async () => {
      throw new Error(`запись не удалась: POST /HOOKS/${token} (${token})`);
    };
    try {
      expect((await hook(`/HOOKS/${token}`, { body: { lead: 'Сбой' } })).status).toBe(500);
    } finally {
      app.c.ingest.accept = accept;
    }

    // The search.
    const dump = await dumpDatabase();
    const everything = [...dump.values()].join('\n');
    const log = logLines.join('');
    expect(log).toContain('/HOOKS/***'); // the failing request was logged, redacted
    expect(everything).toContain('enc:v1.'); // node secrets are stored, encrypted
    const planted = { ...S, basicAuth: basicB64() };
    for (const [name, secret] of Object.entries(planted)) {
      expect(everything.includes(secret), `${name} in the database`).toBe(false);
      expect(log.includes(secret), `${name} in the log`).toBe(false);
      for (const r of responses) expect(r.text.includes(secret), `${name} in the response to ${r.what}`).toBe(false);
      expect(file.text.includes(secret), `${name} in the export`).toBe(false);
    }
    // The hook token is the endpoint's lookup key: stored there only, shown only as the rule's
    // own hook URL, never logged.
    expect(log.includes(token), 'hook token in the log').toBe(false);
    for (const [table, rows] of dump) if (table !== 'public.hook_endpoint') expect(rows.includes(token), `hook token in ${table}`).toBe(false);
    for (const r of responses) expect(r.text.split(wf.hookUrl).join('').includes(token), `hook token in the response to ${r.what}`).toBe(false);
    // Ciphertexts never leave the server either.
    for (const r of responses) expect(r.text.includes('enc:v1.'), `ciphertext in the response to ${r.what}`).toBe(false);
  });

  it('credentials and secret headers never follow a redirect to another origin', async () => {
    const conn = await client.post('/api/connections', { plugin: 'http', name: 'Для перенаправления', credentials: { type: 'bearer', token: S.bearer } });
    // Another port is another origin.
    const redirector = http.createServer((_req, res) => {
      res.writeHead(302, { location: `${target.url}/landed` });
      res.end();
    });
    await new Promise<void>((r) => redirector.listen(0, '127.0.0.1', r));
    try {
      const url = `http://127.0.0.1:${(redirector.address() as AddressInfo).port}/start`;
      const created = await client.post('/api/workflows', {
        name: 'Перенаправление',
        graph: {
          schemaVersion: 1,
          nodes: [
            { id: 't', type: 'webhook.catch', version: 1, position: { x: 0, y: 0 }, props: {} },
            {
              id: 'r', type: 'http.request', version: 1, position: { x: 250, y: 0 },
              props: { method: 'GET', url, connectionId: conn.body.id, headers: { 'X-Auth-Token': S.plainAuthHeader, 'x-test': '1' }, secretHeaders: { 'X-Api-Key': S.nodeHeader } },
            },
          ],
          edges: [{ id: 'e', source: 't', sourceHandle: 'out', target: 'r', targetHandle: 'in' }],
        },
      });
      const before = target.received.length;
      const res = await client.post(`/api/workflows/${created.body.id}/test-run`, { event: { body: {} } });
      expect(res.body.status, res.text).toBe('succeeded');
      const landed = target.received.slice(before).find((r) => r.url === '/landed')!;
      expect(landed.headers['x-test']).toBe('1');
      expect(landed.headers.authorization).toBeUndefined();
      expect(landed.headers['x-api-key']).toBeUndefined();
      expect(landed.headers['x-auth-token']).toBeUndefined();
    } finally {
      await new Promise<void>((r) => redirector.close(() => r()));
    }
  });

  it('a mask with nothing stored behind it is refused in Russian, not stored', async () => {
    const created = await client.post('/api/workflows', { name: 'Без секрета', graph: { schemaVersion: 1, nodes: [], edges: [] } });
    const res = await client.put(`/api/workflows/${created.body.id}`, {
      graph: {
        schemaVersion: 1,
        nodes: [{ id: 'h', type: 'http.request', version: 1, position: { x: 0, y: 0 }, props: { method: 'GET', url: 'https://example.ru', secretHeaders: { 'X-Api-Key': SECRET_MASK } } }],
        edges: [],
      },
    });
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: 'SECRET_NOT_SET', message: expect.stringContaining('введите его заново') });
  });

  // Last: it moves every ciphertext of this database to a key the app does not have.
  it('rotate-keys re-encrypts the secret props of drafts and versions with the newest key', async () => {
    const created = await client.post('/api/workflows', {
      name: 'Ротация ключей',
      graph: {
        schemaVersion: 1,
        nodes: [
          { id: 't', type: 'webhook.catch', version: 1, position: { x: 0, y: 0 }, props: {} },
          { id: 'r', type: 'http.request', version: 1, position: { x: 250, y: 0 }, props: { method: 'GET', url: 'https://example.ru', secretHeaders: { 'X-Api-Key': S.nodeHeader } } },
        ],
        edges: [{ id: 'e', source: 't', sourceHandle: 'out', target: 'r', targetHandle: 'in' }],
      },
    });
    const id = created.body.id as string;
    expect((await client.post(`/api/workflows/${id}/publish`)).status).toBe(200);
    const next = createSecretBox([{ id: 'next', key: randomBytes(32) }, ...app.config.ENCRYPTION_KEYS]);
    expect((await rotateKeys(app.c.orm, next)).rotated).toBeGreaterThan(0);
    const { rows } = await app.c.pool.query<{ tenant_id: string; graph: Graph }>(
      'select tenant_id, graph from workflow where id = $1 union all select tenant_id, graph from workflow_version where workflow_id = $1',
      [id],
    );
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      const node = row.graph.nodes.find((n) => n.id === 'r')!;
      expect((node.props.secretHeaders as Record<string, string>)['X-Api-Key']).toMatch(/^enc:v1\.next\./);
      expect(runSecrets(app.c.registry.catalog, next, secretAad(row.tenant_id, id)).open(node).props.secretHeaders).toEqual({ 'X-Api-Key': S.nodeHeader });
    }
    expect((await rotateKeys(app.c.orm, next)).rotated).toBe(0);
  });
});
