import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../support/test-app.ts';
import { activeWorkflow, webhookConditionHttp } from '../../support/workflow-graphs.ts';
import { startTargetServer } from '../../support/target-server.ts';

/**
 * One tenant's hostile webhook never fails another's: each request is made storable on its own
 * before it joins a micro-batch, and a batch that still fails is retried row by row.
 */
let app: TestApp;
let target: Awaited<ReturnType<typeof startTargetServer>>;
let hookA: string;
let hookB: string;

beforeAll(async () => {
  // A wide batch window: the hostile requests share statements with the neighbours' requests.
  app = await createTestApp({ env: { INGEST_BATCH_MS: '30' } });
  target = await startTargetServer();
  const a = app.client();
  await a.register('isolation-a@example.ru');
  const b = app.client();
  await b.register('isolation-b@example.ru');
  hookA = (await activeWorkflow(a, webhookConditionHttp(`${target.url}/a`), 'Атакующий')).hookPath;
  hookB = (await activeWorkflow(b, webhookConditionHttp(`${target.url}/b`), 'Сосед')).hookPath;
});
afterAll(async () => {
  await target.close();
  await app.close();
});

const send = (path: string, body: string, contentType = 'application/json') =>
  fetch(app.url + path, { method: 'POST', headers: { 'content-type': contentType }, body });

const deepJson = '['.repeat(6001) + ']'.repeat(6001);

describe('ingest isolation', () => {
  it('hostile bodies of one tenant cause zero 5xx among the neighbours that share their batches', async () => {
    const hostile = [
      send(hookA, '{"a":"\\ud800","b":"x\\u0000y"}'),
      send(`${hookA}?q=%00&k=%ED%A0%80`, '{"ok":1}'),
      send(hookA, deepJson),
      send(hookA, '{"\\u0000key":"v"}'),
    ];
    const neighbours = Array.from({ length: 50 }, (_, i) => send(hookB, JSON.stringify({ lead: { city: 'Москва', n: i } })));
    const [bad, good] = await Promise.all([Promise.all(hostile), Promise.all(neighbours)]);
    expect(good.map((r) => r.status)).toEqual(Array(50).fill(200));
    // The hostile ones are answered by their own merits: stored, or refused as malformed — never a 500.
    expect(bad.map((r) => r.status)).toEqual([200, 200, 400, 200]);
    const deep = await bad[2]!.json();
    expect(deep.error.message).toMatch(/Слишком глубокая вложенность JSON/);
    expect(deep.error.details.eventId).toBeTruthy();
    const { rows } = await app.c.pool.query(`select status, reason, body from inbound_event where id = $1`, [deep.error.details.eventId]);
    expect(rows[0]).toMatchObject({ status: 'failed' });
    expect(rows[0].body.raw.length).toBeGreaterThan(1000);
  });

  it('a batch statement that still fails is retried row by row: only the request at fault fails', async () => {
    await app.c.pool.query(`create function reject_marked() returns trigger language plpgsql as $$
      begin if new.body->>'marker' = 'reject-me' then raise exception 'отказ, внесённый тестом'; end if; return new; end $$`);
    await app.c.pool.query(`create trigger reject_marked before insert on inbound_event for each row execute function reject_marked()`);
    try {
      const neighbours = Array.from({ length: 20 }, (_, i) => send(hookB, JSON.stringify({ lead: { n: i } })));
      const [faulty, ...good] = await Promise.all([send(hookA, '{"marker":"reject-me"}'), ...neighbours]);
      expect(faulty!.status).toBe(500);
      expect(good.map((r) => r.status)).toEqual(Array(20).fill(200));
    } finally {
      await app.c.pool.query(`drop trigger reject_marked on inbound_event; drop function reject_marked()`);
    }
  });

  it('refuses a form with too many fields with 413 and a Russian reason, instead of cutting it', async () => {
    const form = Array.from({ length: 100_000 }, (_, i) => `f${i}=1`).join('&');
    const res = await send(hookA, form, 'application/x-www-form-urlencoded');
    expect(res.status).toBe(413);
    expect((await res.json()).error.message).toMatch(/В форме больше 20[\s\u00a0]000 полей/);
  });

  it('answers an unknown or malformed token with 404 before reading anything', async () => {
    for (const path of ['/hooks/short', '/hooks/%00%00%00%00%00%00%00%00%00%00%00%00%00%00%00%00', `/hooks/${'x'.repeat(43)}`]) {
      const res = await send(path, '{}');
      expect(res.status).toBe(404);
      expect((await res.json()).error.message).toBe('Адрес вебхука не найден или отозван');
    }
  });
});
