import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../support/test-app.ts';
import { activeWorkflow, webhookConditionHttp } from '../../support/workflow-graphs.ts';

/** Every answer of /hooks/* and /api/* is JSON in Russian, whatever its status. */
let app: TestApp;
let hookPath: string;
let blockedHookPath: string;
let blockedTenantId: string;
let admin: ReturnType<TestApp['client']>;

beforeAll(async () => {
  app = await createTestApp({ env: { WEBHOOK_MAX_BYTES: '2048', INGEST_RATE_PER_TOKEN: '1', INGEST_BURST_PER_TOKEN: '3' } });
  // The first user of an installation is the platform administrator.
  admin = app.client();
  await admin.register('answers-admin@example.ru');
  ({ hookPath } = await activeWorkflow(admin, webhookConditionHttp('http://127.0.0.1:9/never')));
  const member = app.client();
  blockedTenantId = (await member.register('answers-member@example.ru')).tenant.id;
  ({ hookPath: blockedHookPath } = await activeWorkflow(member, webhookConditionHttp('http://127.0.0.1:9/never')));
});
afterAll(() => app?.close());

const CYRILLIC = /[А-Яа-яЁё]/;

async function expectRussianJson(res: Response, status: number, code?: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/application\/json/);
  const body = (await res.json()) as { error: { code: string; message: string } };
  expect(body.error.message).toMatch(CYRILLIC);
  expect(body.error.message).not.toMatch(/Method Not Allowed|Not Found|Payload Too Large|Too Many Requests/i);
  if (code) expect(body.error.code).toBe(code);
  return body.error;
}

describe('/hooks/*', () => {
  it('answers GET, PUT, PATCH and DELETE with 405 in Russian JSON and the Allow header', async () => {
    for (const method of ['GET', 'PUT', 'PATCH', 'DELETE']) {
      const res = await fetch(app.url + hookPath, { method });
      expect(res.headers.get('allow'), method).toBe('POST');
      const error = await expectRussianJson(res, 405, 'METHOD_NOT_ALLOWED');
      expect(error.message).toContain('POST');
    }
  });

  it('answers an unknown, a malformed and a missing token with 404 in Russian JSON', async () => {
    await expectRussianJson(await fetch(`${app.url}/hooks/AAAAAAAAAAAAAAAAAAAAAAAA`, { method: 'POST', body: '{}' }), 404, 'HOOK_NOT_FOUND');
    await expectRussianJson(await fetch(`${app.url}/hooks/short`, { method: 'POST', body: '{}' }), 404, 'HOOK_NOT_FOUND');
    await expectRussianJson(await fetch(`${app.url}/hooks/a/b`, { method: 'POST', body: '{}' }), 404);
    await expectRussianJson(await fetch(`${app.url}/hooks/short`), 405);
  });

  it('answers an oversized body with 413 and a flood with 429 (Retry-After), in Russian JSON', async () => {
    const big = await fetch(app.url + hookPath, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ x: 'я'.repeat(4000) }) });
    await expectRussianJson(big, 413, 'PAYLOAD_TOO_LARGE');
    let limited: Response | undefined;
    for (let i = 0; i < 10 && !limited; i++) {
      const res = await fetch(app.url + hookPath, { method: 'POST', headers: { 'content-type': 'application/json' }, body: `{"n": ${i}}` });
      if (res.status === 429) limited = res;
      else await res.arrayBuffer();
    }
    expect(limited, 'a 429 after the burst').toBeDefined();
    expect(Number(limited!.headers.get('retry-after'))).toBeGreaterThan(0);
    await expectRussianJson(limited!, 429, 'WEBHOOK_RATE_LIMITED');
  });

  it('answers a blocked workspace with 423 in Russian JSON', async () => {
    expect((await admin.post(`/api/admin/tenants/${blockedTenantId}/block`, { reason: 'Проверка оплаты' })).status).toBe(200);
    // The ingest remembers a hook address for about a second: the block lands within it.
    let res: Response | undefined;
    for (let i = 0; i < 3; i++) {
      res = await fetch(app.url + blockedHookPath, { method: 'POST', headers: { 'content-type': 'application/json' }, body: `{"n": ${i}}` });
      if (res.status === 423) break;
      await res.arrayBuffer();
      await new Promise((r) => setTimeout(r, 700));
    }
    await expectRussianJson(res!, 423, 'TENANT_BLOCKED');
  });
});

describe('/api/*', () => {
  it('answers an unknown route with 404 and a wrong method with 405, in Russian JSON', async () => {
    await expectRussianJson(await fetch(`${app.url}/api/no-such-thing`), 404, 'NOT_FOUND');
    const res = await fetch(`${app.url}/api/auth/login`);
    expect(res.headers.get('allow')).toContain('POST');
    const error = await expectRussianJson(res, 405, 'METHOD_NOT_ALLOWED');
    expect(error.message).toContain('GET');
  });
});
