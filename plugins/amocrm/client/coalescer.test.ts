import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../../core/sdk/index.ts';
import { runAction } from '../../../core/sdk/testing.ts';
import amocrm from '../index.ts';
import { SEED, type AmoSimulator } from '../simulator/amo-simulator.ts';
import { requestsTo, startSim, tokenRemote, type TestAmoRemote } from './amo-test-kit.ts';

const CONN = '5b0e6c2a-1f0e-4c1e-9a43-2d7c5e1f0a01';
let sim: AmoSimulator;
let remote: TestAmoRemote;

beforeAll(async () => {
  sim = await startSim();
  remote = tokenRemote(sim);
  await remote.metadata();
});
afterAll(() => sim.close());

const note = (leadId: number, text: string, key: string) =>
  runAction(amocrm, 'add_note', { props: { connectionId: CONN, leadId, text }, remote, idempotencyKey: key }) as Promise<{ id: number; lead_id: number }>;

const notesOf = (leadId: number) => [...sim.state.notes.values()].filter((n) => n.entity_id === leadId).map((n) => n.params.text);

describe('write coalescer', () => {
  it('50 concurrent add_note runs share one request; each note is created once and each run gets its own id', async () => {
    const leads = [sim.admin.createLead({ name: 'Первая' }), sim.admin.createLead({ name: 'Вторая' })];
    sim.stats.reset();
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => note(leads[i % 2]!.id, `Примечание ${i}`, `run-${i}:n2`)));
    expect(requestsTo(sim, 'POST', '/api/v4/leads/notes')).toBe(1);
    expect(new Set(results.map((r) => r.id)).size).toBe(50);
    results.forEach((r, i) => {
      const stored = sim.state.notes.get(r.id)!;
      expect(stored).toMatchObject({ entity_id: leads[i % 2]!.id, note_type: 'common', params: { text: `Примечание ${i}` } });
    });
    expect(notesOf(leads[0]!.id)).toHaveLength(25);
    expect(notesOf(leads[1]!.id)).toHaveLength(25);
  });

  it('routes per-item errors to their own runs; the valid items of the batch are written', async () => {
    const lead = sim.admin.createLead({ name: 'Третья' });
    sim.stats.reset();
    const settled = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => note(i % 5 === 0 ? 999 : lead.id, `Заметка ${i}`, `run-err-${i}:n2`)));
    const failed = settled.flatMap((s, i) => (s.status === 'rejected' ? [[i, s.reason] as const] : []));
    expect(failed.map(([i]) => i)).toEqual([0, 5, 10, 15]);
    for (const [, err] of failed) {
      expect(err).toBeInstanceOf(UserError);
      expect(err.code).toBe('AMOCRM_VALIDATION');
      expect(err.message).toMatch(/сущность — значение не из списка допустимых/);
    }
    expect(notesOf(lead.id)).toHaveLength(16);
    // The rejected request and its valid remainder.
    expect(requestsTo(sim, 'POST', '/api/v4/leads/notes')).toBe(2);
  });

  it('never puts more than 250 items in one request', async () => {
    const lead = sim.admin.createLead({ name: 'Много заметок' });
    sim.stats.reset();
    const results = await Promise.all(Array.from({ length: 300 }, (_, i) => note(lead.id, `№${i}`, `bulk-${i}:n2`)));
    expect(new Set(results.map((r) => r.id)).size).toBe(300);
    expect(requestsTo(sim, 'POST', '/api/v4/leads/notes')).toBe(2);
    expect(notesOf(lead.id)).toHaveLength(300);
  });

  it('field updates and status changes of many runs share PATCH /api/v4/leads; two changes of one lead keep their order', async () => {
    const leads = Array.from({ length: 10 }, (_, i) => sim.admin.createLead({ name: `Пакет ${i}`, pipeline: 'Продажи', status: 'Новая заявка' }));
    const [first] = leads;
    sim.stats.reset();
    await Promise.all([
      ...leads.map((l, i) => runAction(amocrm, 'update_lead', { props: { connectionId: CONN, leadId: l.id, fields: { Город: 'Краснодар', Количество: i } }, remote })),
      ...leads.map((l) => runAction(amocrm, 'change_status', { props: { connectionId: CONN, leadId: l.id, pipelineId: SEED.pipelines.sales, statusId: SEED.statuses.negotiation }, remote })),
      runAction(amocrm, 'change_status', { props: { connectionId: CONN, leadId: first!.id, pipelineId: SEED.pipelines.sales, statusId: SEED.statuses.decision }, remote }),
    ]);
    // Each lead appears once per request: its three changes take three requests, in order.
    expect(requestsTo(sim, 'PATCH', '/api/v4/leads')).toBe(3);
    for (const [i, l] of leads.entries()) {
      const stored = sim.state.leads.get(l.id)!;
      expect(stored.status_id).toBe(i === 0 ? SEED.statuses.decision : SEED.statuses.negotiation);
      expect(stored.custom_fields_values?.find((f) => f.field_name === 'Количество')?.values[0]?.value).toBe(String(i));
    }
  });
});
