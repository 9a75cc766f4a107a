import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startLptSimulator, type LptSimulator } from './lpt-simulator.ts';
import { LptTestClient } from './sim-test-client.ts';

interface Received { contentType: string; body: string }

/** A real receiver on a free port; `status` lets a test make it fail. */
async function startReceiver() {
  const received: Received[] = [];
  let status = 200;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ contentType: req.headers['content-type'] ?? '', body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(status).end('ok');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook?secret=s1`,
    received,
    fail: (s: number) => void (status = s),
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/** The form field `data` holds the JSON payload. */
const formPayload = (r: Received) => JSON.parse(new URLSearchParams(r.body).get('data')!);

const PID = 94698;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let sim: LptSimulator;
let api: LptTestClient;

beforeAll(async () => {
  receiver = await startReceiver();
});
afterAll(() => receiver.close());
afterEach(async () => {
  await sim.close();
  receiver.received.length = 0;
  receiver.fail(200);
});

async function boot(opts: { webhookJsonBody?: boolean } = {}) {
  sim = await startLptSimulator({ rateLimitPerSecond: 0, ...opts });
  api = new LptTestClient(sim.url, sim.login, sim.password);
  await api.signIn();
  expect((await api.put(`/project/${PID}/callback-url`, { url: receiver.url, name: 'Интеграция' })).json).toEqual({ status: 'success' });
}

describe('callback-url', () => {
  it('registers, lists per project and removes with an empty url', async () => {
    await boot();
    await api.put(`/project/${PID}/callback-url`, { url: receiver.url, name: 'Переименована' });
    await api.put(`/project/${PID}/callback-url`, { url: 'http://127.0.0.1:9/second' });
    const list = (await api.get(`/project/${PID}/callback-url`)).json.result;
    expect(list).toEqual([
      { id: expect.any(Number), name: 'Переименована', url: receiver.url },
      { id: expect.any(Number), name: '', url: 'http://127.0.0.1:9/second' },
    ]);
    expect((await api.get('/project/94699/callback-url')).json.result).toEqual([]);
    expect((await api.put(`/project/${PID}/callback-url`, { url: 'ftp://x' })).json.errors[0].code).toBe(400);
    await api.put(`/project/${PID}/callback-url`, { url: '' });
    expect((await api.get(`/project/${PID}/callback-url`)).json.result).toEqual([]);
  });
});

describe('lead webhooks', () => {
  it('POSTs form field `data` with the full lead on create and on a stage move', async () => {
    await boot();
    const lead = (await api.post('/lead', {
      name: 'Заявка', custom: { [sim.admin.fieldByName(PID, 'Город')!.id]: 'Тверь' }, view: { source: 'yandex' },
      contact: { project_id: PID, name: 'Ольга', details: [{ type: 'phone', data: '+79990000001' }] },
    })).json.result;
    const before = sim.clock.now();
    const refusal = sim.admin.stageByName(PID, 'Отказ')!;
    await api.put(`/lead/${lead.id}/funnel`, { funnel: refusal.id });
    await sim.flushWebhooks();

    expect(receiver.received).toHaveLength(2);
    expect(receiver.received.every((r) => r.contentType === 'application/x-www-form-urlencoded')).toBe(true);
    const [created, moved] = receiver.received.map(formPayload);
    expect(created).toMatchObject({ id: lead.id, action: 'create', project_id: PID, deal: 0, name: 'Заявка' });
    expect(created).not.toHaveProperty('action_update_fields');
    expect(moved).toMatchObject({
      id: lead.id, contact_id: lead.contact_id, project_id: PID, action: 'update', action_update_fields: 'stage.id',
      stage_id: refusal.id, stage: { id: refusal.id, name: 'Отказ' }, owner_id: 0, deal: 0,
      custom: [{ name: 'Город', value: 'Тверь' }], view: { source: 'yandex' },
      contact: { id: lead.contact_id, name: 'Ольга', contacts: [{ id: expect.any(Number), type: 'phone', data: '+79990000001' }] },
      calls_records: [],
    });
    expect(typeof moved.created_at).toBe('number');
    expect(moved.created_at).toBeLessThan(1e11); // unix seconds
    expect(moved.action_timestamp).toBeGreaterThanOrEqual(before); // unix milliseconds
    expect(moved.action_timestamp).toBeLessThan(before + 60_000);
    expect(sim.deliveries.map((d) => [d.url, d.status, d.ok])).toEqual([[receiver.url, 200, true], [receiver.url, 200, true]]);
  });

  it('names every changed part, stays silent on no-op updates and sends delete', async () => {
    await boot();
    const lead = sim.admin.createLead({ name: 'A' });
    await api.put(`/lead/${lead.id}`, { name: 'B', owner: 2011, custom: { [sim.admin.fieldByName(PID, 'Город')!.id]: 'Псков' } });
    await api.put(`/lead/${lead.id}`, { name: 'B' });
    sim.admin.deleteLead(lead.id);
    await sim.flushWebhooks();
    const payloads = receiver.received.map(formPayload);
    expect(payloads.map((p) => [p.action, p.action_update_fields])).toEqual([
      ['create', undefined], ['update', 'name,owner.id,custom'], ['delete', undefined],
    ]);
    expect(payloads[2]).toMatchObject({ id: lead.id, name: 'B' });
  });

  it('can deliver a raw JSON body instead', async () => {
    await boot({ webhookJsonBody: true });
    const lead = sim.admin.createLead({ name: 'JSON' });
    sim.admin.moveLead(lead.id, 'В работе');
    await sim.flushWebhooks();
    expect(receiver.received.map((r) => r.contentType)).toEqual(['application/json', 'application/json']);
    expect(JSON.parse(receiver.received[1]!.body)).toMatchObject({ id: lead.id, action: 'update', action_update_fields: 'stage.id' });
  });

  it('announces a finished call with a new calls_records entry', async () => {
    await boot();
    const lead = sim.admin.createLead({ name: 'Звонок', owner: 2011 });
    const call = sim.admin.finishCall(lead.id, { disposition: 'ANSWERED', duration: 42 });
    await sim.flushWebhooks();
    const update = formPayload(receiver.received[1]!);
    expect(update).toMatchObject({ action: 'update', action_update_fields: 'calls_records' });
    expect(update.calls_records).toEqual([{
      time: call.time, linkedid: call.linkedid, duration: 42, record: `${sim.url}/records/${call.id}.mp3`, type: 'outgoing', owner_id: 2011,
    }]);
    expect(call.linkedid).toMatch(/^\d{10}\.\d+$/);
    const mp3 = await fetch(update.calls_records[0].record, { headers: { range: 'bytes=0-9' } });
    expect(mp3.status).toBe(206);
    expect(Buffer.from(await mp3.arrayBuffer()).subarray(0, 3).toString()).toBe('ID3');
  });

  it('places scripted calls through POST /lead/{id}/call and lists them', async () => {
    await boot();
    const lead = sim.admin.createLead({ name: 'Прозвон' });
    sim.admin.scriptCallOutcomes([{ disposition: 'NO ANSWER' }]);
    expect((await api.post(`/lead/${lead.id}/call`)).json).toEqual({ status: 'success' });
    expect((await api.post(`/lead/${lead.id}/call`)).json).toEqual({ status: 'success' });
    const calls = (await api.get(`/lead/${lead.id}/calls`)).json.result;
    expect(calls.map((c: { disposition: string }) => c.disposition)).toEqual(['NO ANSWER', 'ANSWERED']);
    expect(calls[0]).toMatchObject({ type: 'outgoing', duration: 0, record: null, owner_id: 0 });
    expect(calls[1].record).toMatch(/\/records\/\d+\.mp3$/);
  });

  it('records a failing receiver without retrying', async () => {
    await boot();
    receiver.fail(500);
    sim.admin.createLead({ name: 'Сбой' });
    await sim.flushWebhooks();
    expect(sim.deliveries.map((d) => [d.status, d.ok])).toEqual([[500, false]]);
    expect(receiver.received).toHaveLength(1);
  });
});
