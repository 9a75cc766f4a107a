import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../../../core/graph/graph.schema.ts';
import { createTestApp, type TestApp } from '../../support/test-app.ts';
import { startTargetServer } from '../../support/target-server.ts';
import { activeWorkflow } from '../../support/workflow-graphs.ts';
import type { HttpTestClient } from '../../support/http-client.ts';

/**
 * Blocking a tenant pauses it without losing anything: its webhooks get 423 (and are not stored),
 * the events it had already queued and a run waiting for its retry wait; unblocking lets every one
 * of them finish exactly once.
 *
 * The worker starts only after the block, so the queued events are certain to be still queued
 * when the block lands. The run waiting for a retry is made before that by one dispatch in this
 * process (what a worker would have done): its first attempt meets a 503, its retry is due.
 */
let app: TestApp;
let target: Awaited<ReturnType<typeof startTargetServer>>;
let admin: HttpTestClient;
let user: HttpTestClient;
let adminEmail: string;
let tenantId: string;
let wf: { id: string; hookPath: string };

const REASON = 'Неоплаченный счёт';

beforeAll(async () => {
  [app, target] = await Promise.all([
    createTestApp({ worker: false, env: { RETRY_BASE_MS: '200' } }),
    startTargetServer({ statuses: [503] }),
  ]);
  admin = app.client();
  user = app.client();
  adminEmail = (await admin.register('blocker@example.ru', 'Админ')).email;
  tenantId = (await user.register('blocked@example.ru', 'Пользователь', 'пароль-надёжный')).tenant.id;
  wf = await activeWorkflow(user, forward(`${target.url}/leads`), 'Пересылка');
});
afterAll(async () => {
  await app?.close();
  await target?.close();
});

function forward(url: string): Graph {
  return {
    schemaVersion: 1,
    nodes: [
      { id: 'n1', type: 'webhook.catch', version: 1, position: { x: 0, y: 0 }, props: {} },
      { id: 'n2', type: 'http.request', version: 1, position: { x: 250, y: 0 }, props: { method: 'POST', url, headers: {}, body: '{"n": "{{trigger.body.n}}"}', timeoutMs: 3000 } },
    ],
    edges: [{ id: 'e1', source: 'n1', sourceHandle: 'out', target: 'n2', targetHandle: 'in' }],
  };
}

const fire = (n: number) =>
  fetch(app.url + wf.hookPath, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ n }) });
const q = async <T = Record<string, any>>(sql: string, args: unknown[] = []) => (await app.c.pool.query(sql, args)).rows as T[];
const eventOf = async (n: number) => (await q(`select id, status, job_key from inbound_event where body->>'n' = $1`, [String(n)]))[0]!;
const eventCount = async () => (await q<{ n: number }>('select count(*)::int as n from inbound_event'))[0]!.n;

let retryingRun: string;
const acceptedMeanwhile: string[] = [];

describe('blocking a tenant', () => {
  it('before the block: a run waits for its retry after a 503, three events are queued', async () => {
    expect((await fire(0)).status).toBe(200);
    const first = await eventOf(0);
    await app.c.engine.lifecycle.dispatchEvents([first.id], new AbortController().signal);
    const [run] = await q(`select id, status, attempts from run where event_id = $1`, [first.id]);
    expect(run).toMatchObject({ status: 'queued', attempts: 1 });
    retryingRun = run!.id;
    expect(target.count).toBe(0);

    for (const n of [1, 2, 3]) expect((await fire(n)).status).toBe(200);
    for (const n of [1, 2, 3]) expect((await eventOf(n)).status).toBe('queued');
  });

  it('block: the tenant\'s users see why, its webhooks get 423 and are not stored', async () => {
    const res = await admin.post(`/api/admin/tenants/${tenantId}/block`, { reason: REASON });
    expect(res.status).toBe(200);
    expect(res.body.blocked.reason).toBe(REASON);

    // Users still sign in and are told.
    const again = app.client();
    expect((await again.post('/api/auth/login', { email: 'blocked@example.ru', password: 'пароль-надёжный' })).status).toBe(200);
    expect((await again.get('/api/auth/me')).body.blocked).toMatchObject({ reason: REASON });

    // The ingest caches a hook address for a second, so the block takes effect within it: what is
    // accepted meanwhile is stored and waits like the rest; what is refused is not stored.
    let n = 100;
    let last = n;
    await expect.poll(async () => {
      last = n++;
      const res = await fire(last);
      if (res.status === 200) acceptedMeanwhile.push(String(last));
      return res.status;
    }).toBe(423);
    const refused = await fire(1000);
    expect(refused.status).toBe(423);
    expect((await refused.json()).error).toMatchObject({ code: 'TENANT_BLOCKED' });
    expect(await q(`select id from inbound_event where body->>'n' = any($1)`, [[String(last), '1000']])).toEqual([]);
    expect(await eventCount()).toBe(4 + acceptedMeanwhile.length);
  });

  it('while blocked the worker looks at the waiting work and leaves it waiting', async () => {
    await app.c.startWorker();
    // The dispatcher has seen the events (and put them off), the executor the run (and put it off).
    await expect.poll(async () => (await Promise.all([1, 2, 3].map(eventOf))).every((e) => e.status === 'queued' && String(e.job_key).startsWith('dispatch:paused:'))).toBe(true);
    await expect.poll(async () => (await q(`select run_at > now() + interval '5 seconds' as later from graphile_worker.jobs where key = $1`, [`run:${retryingRun}`]))[0]?.later).toBe(true);
    expect(target.count).toBe(0);
    expect((await q(`select status, attempts from run where id = $1`, [retryingRun]))[0]).toEqual({ status: 'queued', attempts: 1 });
    expect(await q(`select id from run where id <> $1`, [retryingRun])).toEqual([]);
    for (const m of acceptedMeanwhile) expect((await eventOf(Number(m))).status).toBe('queued');
  });

  it('unblock: everything that waited completes at once, nothing lost, nothing twice', async () => {
    const res = await admin.post(`/api/admin/tenants/${tenantId}/unblock`);
    expect(res.status).toBe(200);
    expect(res.body.blocked).toBeNull();
    expect((await user.get('/api/auth/me')).body.blocked).toBeNull();

    // Well inside the 15 s a paused job waits by itself: unblocking resumes the work.
    const expected = ['0', '1', '2', '3', ...acceptedMeanwhile].sort();
    await expect.poll(async () => (await q(`select count(*)::int as n from run where status = 'succeeded'`))[0]!.n).toBe(expected.length);
    const bodies = target.received.map((r) => JSON.parse(r.body).n).sort();
    expect(bodies).toEqual(expected);
    expect((await q(`select attempts from run where id = $1`, [retryingRun]))[0]).toEqual({ attempts: 2 });
    expect(await q(`select status from inbound_event where status <> 'dispatched'`)).toEqual([]);

    // The hooks accept again.
    await expect.poll(async () => (await fire(4)).status).toBe(200);
    await expect.poll(() => target.count).toBe(expected.length + 1);
  });

  it('both actions are in the tenant\'s log and the platform log, naming the admin', async () => {
    const messages = ((await user.get('/api/logs?source=admin')).body.items as { message: string }[]).map((e) => e.message);
    expect(messages).toContain(`Администратор ${adminEmail} заблокировал пространство «Пользователь»: ${REASON}`);
    expect(messages).toContain(`Администратор ${adminEmail} разблокировал пространство «Пользователь»`);
    const platform = await q(`select message from log_entry where tenant_id is null and source = 'admin'`);
    expect(platform.map((r) => r.message)).toEqual(expect.arrayContaining(messages.filter((m) => m.includes('блокировал'))));
  });
});
