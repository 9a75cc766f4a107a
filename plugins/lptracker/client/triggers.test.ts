import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { triggerOutputs } from '../../../core/sdk/testing.ts';
import lptracker from '../index.ts';
import type { LptMetadata } from '../metadata/lpt-metadata.types.ts';
import type { LptDelivery, LptSimulator } from '../simulator/lpt-simulator.ts';
import { noLimit, simRemote, startHookReceiver, startSim, type HookReceiver, type TestLptRemote } from './lpt-test-kit.ts';

let sim: LptSimulator;
let hook: HookReceiver;
let remote: TestLptRemote;
let meta: LptMetadata;
let stage: (name: string) => number;

beforeAll(async () => {
  sim = await startSim({ rateLimitPerSecond: 0 });
  hook = await startHookReceiver();
  remote = simRemote(sim, { limiter: noLimit, hookUrl: hook.url });
  meta = await remote.metadata<LptMetadata>();
  stage = (name) => sim.admin.stageByName(94698, name)!.id;
  // What activating a rule on project «Мой сайт» does.
  await lptracker.connection!.webhooks!.sync(remote, { hookUrl: hook.url, triggers: [{ workflowId: 'w', type: 'lptracker.lead_created', props: { projectId: 94698 } }] });
});
afterAll(async () => {
  await sim.close();
  await hook.close();
});

/** The body the simulator delivered for the change `fn` makes, as the core's ingest stores it (a form folded into fields). */
async function delivered(fn: () => void): Promise<{ body: unknown; rawBody: string; contentType: string }> {
  const before = sim.deliveries.length;
  fn();
  await sim.flushWebhooks();
  expect(sim.deliveries.length).toBe(before + 1);
  const d: LptDelivery = sim.deliveries.at(-1)!;
  expect(d).toMatchObject({ url: hook.url, ok: true });
  const body = /urlencoded/.test(d.contentType) ? Object.fromEntries(new URLSearchParams(d.body)) : JSON.parse(d.body);
  return { body, rawBody: d.body, contentType: d.contentType };
}

const outputs = (request: { body: unknown; rawBody: string; contentType: string }, trigger: string, props: Record<string, unknown> = {}) =>
  triggerOutputs(lptracker, trigger, request, { connectionId: remote.id, ...props }, meta) as any[];

describe('triggers on the bodies LPTracker delivers', () => {
  let leadId: number;

  it('lead_created: the lead with fields by name, the contact with an E.164 phone, the visit', async () => {
    const req = await delivered(() => {
      leadId = sim.admin.createLead({
        project: 94698, name: 'Заявка из AmoCRM', contact: { name: 'Пётр', phone: '8 (918) 123-45-67', email: 'petr@example.ru' },
        custom: { Город: 'Краснодар', Интерес: ['Купить'] }, view: { source: 'amocrm', campaign: 'юг' }, owner: 2011,
      }).id;
    });
    expect(req.contentType).toBe('application/x-www-form-urlencoded');
    const [out] = outputs(req, 'lead_created', { projectId: 94698 });
    expect(out).toMatchObject({
      action: 'create',
      project_id: 94698,
      project_name: 'Мой сайт',
      lead: {
        id: leadId, name: 'Заявка из AmoCRM', project_id: 94698, stage_id: stage('Новый лид'), stage: { name: 'Новый лид' },
        owner_id: 2011, owner: { name: 'Иван Петров' },
        fields: { Город: 'Краснодар', Интерес: ['Купить'] },
        contact: { name: 'Пётр', phone: '+79181234567', email: 'petr@example.ru' },
        view: { source: 'amocrm', campaign: 'юг' },
      },
    });
    expect(out.at).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(outputs(req, 'lead_created', { projectId: 94699 })).toEqual([]);
    expect(outputs(req, 'lead_created', { stageId: stage('Отказ') })).toEqual([]);
    expect(outputs(req, 'lead_created', { stageId: String(stage('Новый лид')) })).toHaveLength(1);
    // A create is not an update.
    expect(outputs(req, 'lead_updated')).toEqual([]);
  });

  it('lead_stage_changed: the new stage filters, a stage move is also an update', async () => {
    const req = await delivered(() => sim.admin.moveLead(leadId, 'Отказ'));
    const [out] = outputs(req, 'lead_stage_changed', { projectId: 94698, stageId: stage('Отказ') });
    expect(out).toMatchObject({ action: 'update', changed: ['stage.id'], lead: { id: leadId, stage_id: stage('Отказ'), stage: { name: 'Отказ' } } });
    expect(outputs(req, 'lead_stage_changed', { stageId: stage('В работе') })).toEqual([]);
    expect(outputs(req, 'lead_stage_changed', { stageId: '{{broken}}' })).toEqual([]);
    // LPTracker does not say where the lead came from, so the optional filter cannot narrow it.
    expect(outputs(req, 'lead_stage_changed', { stageId: stage('Отказ'), fromStageId: stage('В работе') })).toHaveLength(1);
    expect(outputs(req, 'lead_updated', { projectId: 94698 })).toHaveLength(1);
  });

  it('lead_updated on a field change, without a stage move', async () => {
    const req = await delivered(() => sim.admin.updateLead(leadId, { custom: { Бюджет: 150000 } }));
    const [out] = outputs(req, 'lead_updated', { stageId: stage('Отказ') });
    expect(out).toMatchObject({ changed: ['custom'], lead: { fields: { Бюджет: 150000, Город: 'Краснодар' } } });
    expect(outputs(req, 'lead_stage_changed')).toEqual([]);
  });

  it('call_finished: the call with its recording; direction and «только состоявшиеся» filter', async () => {
    const answered = await delivered(() => sim.admin.finishCall(leadId, { disposition: 'ANSWERED', duration: 95, type: 'incomming', ownerId: 2012 }));
    const [out] = outputs(answered, 'call_finished', { projectId: 94698, answeredOnly: true });
    expect(out.call).toMatchObject({ duration: 95, type: 'incoming', owner_id: 2012, record_url: expect.stringMatching(/\/records\/\d+\.mp3$/) });
    expect(out.lead.contact.phone).toBe('+79181234567');
    expect(outputs(answered, 'call_finished', { direction: 'outgoing' })).toEqual([]);
    expect(outputs(answered, 'call_finished', { direction: 'incoming' })).toHaveLength(1);

    const missed = await delivered(() => sim.admin.finishCall(leadId, { disposition: 'NO ANSWER' }));
    const calls = outputs(missed, 'call_finished');
    // Every record of the payload is an event (the earlier one dedupes downstream by its linkedid).
    expect(calls.map((c) => c.call.duration)).toEqual([95, 0]);
    expect(outputs(missed, 'call_finished', { answeredOnly: true }).map((c) => c.call.duration)).toEqual([95]);
  });

  it('lead_deleted carries the lead as it was', async () => {
    const req = await delivered(() => sim.admin.deleteLead(leadId));
    expect(outputs(req, 'lead_deleted', { projectId: 94698 })).toMatchObject([{ action: 'delete', lead: { id: leadId, name: 'Заявка из AmoCRM' } }]);
    expect(outputs(req, 'lead_deleted', { projectId: 94699 })).toEqual([]);
  });

  it('reads a raw JSON body and an unfolded form body too', async () => {
    const jsonSim = await startSim({ rateLimitPerSecond: 0, webhookJsonBody: true });
    try {
      jsonSim.state.callbacks.set(1, { id: 1, projectId: 94698, name: 'x', url: hook.url });
      jsonSim.admin.createLead({ project: 94698, name: 'JSON', contact: { phone: '+79990001122' } });
      await jsonSim.flushWebhooks();
      const d = jsonSim.deliveries.at(-1)!;
      expect(d.contentType).toBe('application/json');
      const [out] = outputs({ body: JSON.parse(d.body), rawBody: d.body, contentType: d.contentType }, 'lead_created');
      expect(out.lead).toMatchObject({ name: 'JSON', contact: { phone: '+79990001122' } });
    } finally {
      await jsonSim.close();
    }
    const form = await delivered(() => sim.admin.createLead({ project: 94698, name: 'Форма', contact: { phone: '+79990001133' } }));
    expect(outputs({ ...form, body: form.rawBody }, 'lead_created')[0].lead.name).toBe('Форма');
  });

  it('malformed JSON in the data field is a Russian UserError', () => {
    expect(() => outputs({ body: { data: '{"id": 1,' }, rawBody: 'data=%7B', contentType: 'application/x-www-form-urlencoded' }, 'lead_created'))
      .toThrow(/Поле data содержит некорректный JSON/);
  });
});
