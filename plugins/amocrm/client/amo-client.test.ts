import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { OperationalError, UserError } from '../../../core/sdk/index.ts';
import type { AmoSimulator } from '../simulator/amo-simulator.ts';
import { SEED } from '../simulator/amo-simulator.ts';
import { amoGet, amoList, amoRequest } from './amo-client.ts';
import { requestsTo, sharedLimiter, startSim, tokenRemote, type TestAmoRemote } from './amo-test-kit.ts';

let sim: AmoSimulator;
let remote: TestAmoRemote;
const limiter = sharedLimiter();

beforeAll(async () => {
  sim = await startSim();
  remote = tokenRemote(sim, undefined, { limiter });
});
afterAll(() => sim.close());
afterEach(() => sim.faults.reset());

async function failure(p: Promise<unknown>): Promise<any> {
  try {
    await p;
  } catch (err) {
    return err;
  }
  throw new Error('expected a failure');
}

describe('reading', () => {
  it('follows _links.next through every page and stops at the 204 after a full last page', async () => {
    for (let i = 0; i < 251; i++) sim.admin.createLead({ name: `Сделка ${i}` });
    sim.stats.reset();
    const leads = await amoList(remote, '/api/v4/leads', 'leads', { 'filter[name]': 'Сделка' });
    expect(new Set(leads.map((l) => l.id)).size).toBe(251);
    // 250 + 1: the second page is short and has no next link, so there is no third request.
    expect(requestsTo(sim, 'GET', '/api/v4/leads')).toBe(2);

    sim.stats.reset();
    const exact = await amoList(remote, '/api/v4/leads', 'leads', { 'filter[name]': 'Сделка 1' }, { limit: 37 });
    // «Сделка 1», «Сделка 10»…«Сделка 19», «Сделка 100»…«Сделка 199»: 111 leads, three full pages of 37
    // (each with a next link), then the 204 that ends the list.
    expect(exact).toHaveLength(111);
    expect(requestsTo(sim, 'GET', '/api/v4/leads')).toBe(4);
    expect(sim.stats.requests.at(-1)!.status).toBe(204);
  });

  it('reads a 204 as empty: an empty list and a missing entity', async () => {
    expect(await amoList(remote, '/api/v4/leads', 'leads', { query: 'нет такой сделки нигде' })).toEqual([]);
    expect(await amoGet(remote, '/api/v4/leads/1')).toBeNull();
    const lead = sim.admin.createLead({ name: 'Есть', pipeline: 'Продажи', status: 'Переговоры' });
    expect(await amoGet(remote, `/api/v4/leads/${lead.id}`)).toMatchObject({ id: lead.id, status_id: SEED.statuses.negotiation });
  });

  it('sends list filters the way PHP reads them (filter[id][]=…)', async () => {
    const a = sim.admin.createLead({ name: 'A' });
    const b = sim.admin.createLead({ name: 'B' });
    sim.admin.createLead({ name: 'C' });
    const found = await amoList(remote, '/api/v4/leads', 'leads', { 'filter[id]': [a.id, b.id] });
    expect(found.map((l) => l.id).sort()).toEqual([a.id, b.id].sort());
  });
});

describe('errors', () => {
  it('401 with a long-lived token: AMOCRM_UNAUTHORIZED at once, no refresh', async () => {
    const bad = tokenRemote(sim, 'not-a-token', { limiter });
    const err = await failure(amoGet(bad, '/api/v4/account'));
    expect(err).toBeInstanceOf(UserError);
    expect(err.code).toBe('AMOCRM_UNAUTHORIZED');
    expect(err.message).toMatch(/долгосрочный токен/);
    expect(bad.refreshes).toBe(0);
  });

  it('402: the account is unpaid', async () => {
    sim.faults.set({ status402: true });
    const err = await failure(amoGet(remote, '/api/v4/account'));
    expect(err).toBeInstanceOf(UserError);
    expect(err.code).toBe('AMOCRM_PAYMENT_REQUIRED');
    expect(err.message).toMatch(/не оплачен/);
  });

  it('403 with the HTML block page', async () => {
    sim.faults.set({ blocked: true });
    const err = await failure(amoGet(remote, '/api/v4/account'));
    expect(err).toBeInstanceOf(UserError);
    expect(err.code).toBe('AMOCRM_FORBIDDEN');
    expect(err.message).toMatch(/заблокировал доступ/);
    expect(err.details.body).toMatch(/<html/i);
  });

  it('400 with validation errors: paths in Russian, field names when known, details kept', async () => {
    const lead = sim.admin.createLead({ name: 'Проверка' });
    const err = await failure(
      amoRequest(remote, {
        method: 'PATCH',
        path: '/api/v4/leads',
        body: [{ id: lead.id, status_id: 999, custom_fields_values: [{ field_id: 512001, values: [{ enum_id: 1 }] }] }],
        labels: (_rid, i) => (i === 0 ? 'Город' : undefined),
      }),
    );
    expect(err).toBeInstanceOf(UserError);
    expect(err.code).toBe('AMOCRM_VALIDATION');
    expect(err.message).toMatch(/статус — значение не из списка допустимых/);
    expect(err.message).toMatch(/поле «Город» — значение не из списка допустимых/);
    expect(err.details.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ request_id: '0', code: 'NotSupportedChoice', path: 'status_id' })]),
    );
  });

  it('400 without validation errors (empty body) and 422 (limit over 250)', async () => {
    const empty = await failure(amoRequest(remote, { method: 'POST', path: '/api/v4/leads', body: [] }));
    expect(empty.code).toBe('AMOCRM_BAD_REQUEST');
    expect(empty.message).toMatch(/Request data can not be empty/);
    const tooMany = await failure(amoRequest(remote, { path: '/api/v4/leads', query: { limit: 300 } }));
    expect(tooMany).toBeInstanceOf(UserError);
    expect(tooMany.code).toBe('AMOCRM_UNPROCESSABLE');
    expect(tooMany.message).toMatch(/Limit 250 per page/);
  });

  it('429: one more try after the pause AmoCRM asks for; a second 429 is transient, with retry_after in milliseconds', async () => {
    sim.faults.set({ burst429: 1 });
    sim.stats.reset();
    expect(await amoGet(remote, '/api/v4/account')).toMatchObject({ id: sim.accountId });
    const [refused, passed] = sim.stats.requests;
    expect([refused!.status, passed!.status]).toEqual([429, 200]);
    expect(passed!.at - refused!.at).toBeGreaterThanOrEqual(990);

    sim.faults.set({ burst429: 2 });
    const err = await failure(amoGet(remote, '/api/v4/account'));
    expect(err).toBeInstanceOf(OperationalError);
    expect(err.code).toBe('AMOCRM_RATE_LIMITED');
    expect(err.retryAfterMs).toBe(1000);
    expect(err.transient).toBe(true);
  });

  it('5xx and timeouts: transient', async () => {
    sim.faults.set({ errorRate: 1 });
    const err = await failure(amoGet(remote, '/api/v4/account'));
    expect(err).toBeInstanceOf(OperationalError);
    expect(err.code).toBe('AMOCRM_SERVER_ERROR');
    sim.faults.reset();
    sim.faults.set({ timeoutRate: 1 });
    const slow = await failure(amoRequest(remote, { path: '/api/v4/account', timeoutMs: 300 }));
    expect(slow).toBeInstanceOf(OperationalError);
    expect(slow.code).toBe('HTTP_TIMEOUT');
  });
});
