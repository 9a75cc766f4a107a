import qs from 'qs';
import { describe, expect, it } from 'vitest';
import { UserError, type NormalizedEvent } from '../../../core/sdk/index.ts';
import { LptWebhookError, parseChangedFields, parseLptWebhook, type LptCallEvent, type LptLeadEvent, type LptWebhookEvent } from './parse-webhook.ts';

/** The lead webhook payload of reference §8, verbatim. */
const REFERENCE_PAYLOAD = {
  id: 77972070,
  contact_id: 12345,
  detail_id: 10,
  project_id: 123,
  created_at: 1700000000,
  deal: 0,
  local_time: '14:05',
  capture_type: 'form',
  owner_id: 2011,
  stage_id: 1648195,
  name: 'Заявка с сайта',
  form: 'Форма обратного звонка',
  author: { id: 0, type: 1, name: '...', job: '...' },
  custom: [{ id: 1803704, name: 'ID в Битрикс24', type: 'text', value: '444' }],
  view: {
    id: 555, project_id: 123, source: 'yandex', campaign: 'sale-up', keyword: 'wood', address: '...', click_time: 1700000000,
    platform: '...', browser: '...', ip: '1.2.3.4', referrer: '...', lead_from: '...', ym_client_id: '...', ga_client_id: '...',
  },
  contact: {
    id: 12345, name: 'Алексей', profession: '', site: '', created_at: 1700000000, project_id: 123,
    contacts: [{ id: 10, type: 'phone', data: '+79991234567' }],
  },
  owner: { id: 2011, type: 1, last_project: 123, name: 'Иван Петров', job: 'Менеджер' },
  stage: { id: 1648195, name: 'В работе' },
  payments: [{ sum: '1000', purpose_id: 1, purpose_name: 'Предоплата', category_id: 2, category_name: 'Продажа' }],
  calls_records: [
    { time: 1700000100, linkedid: '1700000100.77', duration: 63, record: 'https://sound.lptracker.ru/...', type: 'incomming', owner_id: 2011 },
  ],
  action: 'update',
  action_timestamp: 1700000123456,
  action_update_fields: 'stage.id',
};

type Payload = Record<string, unknown>;
const payload = (patch: Payload = {}): Payload => ({ ...structuredClone(REFERENCE_PAYLOAD), ...patch });
const asJson = (p: unknown) => parseLptWebhook({ contentType: 'application/json', body: JSON.parse(JSON.stringify(p)), query: {} });
/** How LPTracker is seen to deliver: `data=<json>` in a form body, parsed by the ingest's qs. */
const asForm = (p: unknown) =>
  parseLptWebhook({
    contentType: 'application/x-www-form-urlencoded',
    body: qs.parse(`data=${encodeURIComponent(JSON.stringify(p))}`, { depth: 20, arrayLimit: 1000, parameterLimit: 20000, allowPrototypes: false }),
    query: {},
  });
const asQuery = (p: unknown) => parseLptWebhook({ contentType: '', body: {}, query: { data: JSON.stringify(p) } });
const types = (events: LptWebhookEvent[]) => events.map((e) => e.type);

describe('parseLptWebhook: the reference payload', () => {
  it('a stage move → lead_updated, lead_stage_changed and the call, with the full lead shape', () => {
    const events = asJson(REFERENCE_PAYLOAD);
    expect(types(events)).toEqual(['lptracker.lead_updated', 'lptracker.lead_stage_changed', 'lptracker.call_finished']);
    const [updated, stage, call] = events as [LptLeadEvent, LptLeadEvent, LptCallEvent];
    expect(updated.entity).toEqual({ type: 'lead', id: '77972070' });
    expect(updated.dedupeKey).toBe('lead:77972070:update:1700000123456');
    expect(stage.dedupeKey).toBe('lead:77972070:stage:1648195:1700000123456');
    expect(updated.data).toEqual({
      project_id: 123,
      action: 'update',
      changed: ['stage.id'],
      at: '2023-11-14T22:15:23.456Z',
      lead: {
        id: 77972070,
        name: 'Заявка с сайта',
        project_id: 123,
        stage_id: 1648195,
        stage: { id: 1648195, name: 'В работе' },
        owner_id: 2011,
        owner: { id: 2011, name: 'Иван Петров' },
        created_at: '2023-11-14T22:13:20.000Z',
        deal: false,
        form: 'Форма обратного звонка',
        capture_type: 'form',
        fields: { 'ID в Битрикс24': '444' },
        fields_by_id: { '1803704': '444' },
        view: {
          id: 555, project_id: 123, source: 'yandex', campaign: 'sale-up', keyword: 'wood', address: '...', click_time: 1700000000,
          platform: '...', browser: '...', ip: '1.2.3.4', referrer: '...', lead_from: '...', ym_client_id: '...', ga_client_id: '...',
        },
        contact: { id: 12345, name: 'Алексей', phone: '+79991234567', phones: ['+79991234567'], email: null, emails: [] },
        payments: [{ sum: 1000, purpose_id: 1, purpose_name: 'Предоплата', category_id: 2, category_name: 'Продажа' }],
        calls: [call.data.call],
      },
    });
    expect(call.entity).toEqual({ type: 'call', id: '1700000100.77' });
    expect(call.dedupeKey).toBe('lead:77972070:call:1700000100.77');
    expect(call.data.call).toEqual({
      id: '1700000100.77',
      linkedid: '1700000100.77',
      at: '2023-11-14T22:15:00.000Z',
      duration: 63,
      type: 'incoming',
      record_url: 'https://sound.lptracker.ru/...',
      owner_id: 2011,
    });
    expect(call.data.lead).toBe(updated.data.lead);
    const asSdk: NormalizedEvent[] = events;
    expect(asSdk).toHaveLength(3);
  });

  it('reads the same events from a form field data, a query parameter data and a raw JSON text', () => {
    const expected = asJson(REFERENCE_PAYLOAD);
    expect(asForm(REFERENCE_PAYLOAD)).toEqual(expected);
    expect(asQuery(REFERENCE_PAYLOAD)).toEqual(expected);
    expect(parseLptWebhook({ contentType: 'text/plain', body: JSON.stringify(REFERENCE_PAYLOAD), query: {} })).toEqual(expected);
    expect(parseLptWebhook({ contentType: 'application/json', body: { data: REFERENCE_PAYLOAD }, query: {} })).toEqual(expected);
    // Double-encoded JSON in the field.
    const twice = parseLptWebhook({ contentType: '', body: { data: JSON.stringify(JSON.stringify(REFERENCE_PAYLOAD)) }, query: {} });
    expect(twice).toEqual(expected);
  });
});

describe('parseLptWebhook: actions', () => {
  it('create → lead_created; without a changed-fields list only the latest call is emitted', () => {
    const calls = [
      { time: 1700000300, linkedid: 'c3', duration: '12', type: 'outgoing', disposition: 'ANSWERED', owner_id: '2011' },
      { time: 1700000100, linkedid: 'c1', duration: 63, type: 'incomming' },
      { time: 1700000200, linkedid: 'c2', duration: 0, type: 'outgoing', disposition: 'NO ANSWER' },
    ];
    const events = asJson(payload({ action: 'create', action_update_fields: undefined, calls_records: calls }));
    expect(types(events)).toEqual(['lptracker.lead_created', 'lptracker.call_finished']);
    expect(events[0]!.dedupeKey).toBe('lead:77972070:create:1700000123456');
    expect((events[1] as LptCallEvent).data.call).toEqual({
      id: 'c3', linkedid: 'c3', at: '2023-11-14T22:18:20.000Z', duration: 12, type: 'outgoing', disposition: 'ANSWERED', record_url: null, owner_id: 2011,
    });
    expect((events[0] as LptLeadEvent).data.lead.calls.map((c) => c.linkedid)).toEqual(['c3', 'c1', 'c2']);
    const noCalls = asJson(payload({ action: 'create', action_update_fields: undefined, calls_records: [] }));
    expect(types(noCalls)).toEqual(['lptracker.lead_created']);
  });

  it('an update naming calls_records → one call event per record, skipping records without linkedid', () => {
    const records = [
      { time: 1700000100, linkedid: 'a', duration: 5, type: 'incomming' },
      { time: 1700000200, duration: 7, type: 'outgoing' },
      { time: 1700000300, linkedid: 'b', duration: 9, type: 'outgoing' },
      { time: 1700000300, linkedid: 'b', duration: 9, type: 'outgoing' },
      'мусор',
    ];
    const events = asJson(payload({ action_update_fields: 'calls_records', calls_records: records }));
    expect(types(events)).toEqual(['lptracker.lead_updated', 'lptracker.call_finished', 'lptracker.call_finished']);
    expect(events.slice(1).map((e) => [e.entity.id, e.dedupeKey])).toEqual([
      ['a', 'lead:77972070:call:a'],
      ['b', 'lead:77972070:call:b'],
    ]);
    expect((events[1] as LptCallEvent).data.call.type).toBe('incoming');
  });

  it('delete → lead_deleted only, even from a bare payload', () => {
    const events = asJson({ id: '77972070', action: 'delete', action_timestamp: '1700000999000' });
    expect(types(events)).toEqual(['lptracker.lead_deleted']);
    expect(events[0]).toMatchObject({
      entity: { type: 'lead', id: '77972070' },
      dedupeKey: 'lead:77972070:delete:1700000999000',
      data: { action: 'delete', at: '2023-11-14T22:29:59.000Z', project_id: null, lead: { id: 77972070, contact: null, view: null, stage: null, calls: [] } },
    });
    expect(types(asJson(payload({ action: 'delete' })))).toEqual(['lptracker.lead_deleted']);
  });

  it('a stage change is recognized in every form of action_update_fields', () => {
    const forms: unknown[] = ['stage.id', 'name, stage.id', 'custom,stage_id', ['stage.id'], ['name', 'funnel'], '["stage.id"]', 'funnel', 'STAGE.ID'];
    for (const fields of forms) {
      const events = asJson(payload({ action_update_fields: fields, calls_records: [] }));
      expect(types(events), JSON.stringify(fields)).toEqual(['lptracker.lead_updated', 'lptracker.lead_stage_changed']);
    }
    for (const fields of ['name', 'custom', ['owner_id'], '', null, 42]) {
      const events = asJson(payload({ action_update_fields: fields, calls_records: [] }));
      expect(types(events), JSON.stringify(fields)).toEqual(['lptracker.lead_updated']);
    }
    expect(parseChangedFields('name, stage.id;custom')).toEqual(['name', 'stage.id', 'custom']);
    expect(parseChangedFields(['a,b', 5, 'c'])).toEqual(['a', 'b', 'c']);
  });

  it('the stage comes from stage_id, stage.id or funnel', () => {
    const fromStage = asJson(payload({ stage_id: undefined, calls_records: [] }))[0] as LptLeadEvent;
    expect(fromStage.data.lead.stage_id).toBe(1648195);
    const fromFunnel = asJson(payload({ stage_id: undefined, stage: undefined, funnel: '1648184', calls_records: [] }))[1] as LptLeadEvent;
    expect(fromFunnel.data.lead).toMatchObject({ stage_id: 1648184, stage: null });
    expect(fromFunnel.dedupeKey).toBe('lead:77972070:stage:1648184:1700000123456');
  });
});

describe('parseLptWebhook: bad and odd input', () => {
  it('invalid JSON in data throws LptWebhookError with a Russian message', () => {
    const bad = '{"id": 1, "action": "upd';
    const cases = [
      () => parseLptWebhook({ contentType: 'application/x-www-form-urlencoded', body: { data: bad }, query: {} }),
      () => parseLptWebhook({ contentType: '', body: {}, query: { data: bad } }),
      () => parseLptWebhook({ contentType: 'application/json', body: bad, query: {} }),
      () => parseLptWebhook({ contentType: '', body: { data: '' }, query: {} }),
      () => parseLptWebhook({ contentType: '', body: { data: 42 }, query: {} }),
    ];
    for (const run of cases) {
      expect(run).toThrow(LptWebhookError);
      expect(run).toThrow(/data содержит некорректный JSON|Тело запроса содержит некорректный JSON/);
    }
    try {
      cases[0]!();
    } catch (err) {
      expect(err).toBeInstanceOf(UserError);
      expect(err).toMatchObject({ code: 'LPTRACKER_WEBHOOK_BAD_PAYLOAD', message: 'Поле data содержит некорректный JSON', status: 400 });
    }
  });

  it('payloads without a lead id or a known action give no events', () => {
    expect(asJson(payload({ id: undefined }))).toEqual([]);
    expect(asJson(payload({ id: 'abc' }))).toEqual([]);
    expect(asJson(payload({ id: 0 }))).toEqual([]);
    expect(asJson(payload({ action: 'merge' }))).toEqual([]);
    expect(asJson(payload({ action: undefined }))).toEqual([]);
    expect(asQuery(42)).toEqual([]);
    expect(asQuery(null)).toEqual([]);
    expect(parseLptWebhook({ contentType: '', body: undefined, query: {} })).toEqual([]);
    expect(parseLptWebhook({ contentType: '', body: 'hello', query: {} })).toEqual([]);
    // The CRM-structure webhook is not a lead event.
    expect(asJson({ project_id: 123, type: 'funnel', action: 'update', action_timestamp: 1, data: [{ id: 1648195, name: 'В работе' }] })).toEqual([]);
  });

  it('unix seconds and milliseconds, and local d.m.Y H:i text as Moscow time', () => {
    const secondsStamp = asJson(payload({ action_timestamp: 1700000123, calls_records: [] }))[0]!;
    expect(secondsStamp.data.at).toBe('2023-11-14T22:15:23.000Z');
    const msCreated = asJson(payload({ created_at: 1700000000000, calls_records: [] }))[0] as LptLeadEvent;
    expect(msCreated.data.lead.created_at).toBe('2023-11-14T22:13:20.000Z');
    const local = asJson(payload({ created_at: '25.06.2020 14:05', calls_records: [] }))[0] as LptLeadEvent;
    expect(local.data.lead.created_at).toBe('2020-06-25T11:05:00.000Z');
    const none = asJson(payload({ created_at: 'вчера', action_timestamp: undefined, calls_records: [] }))[0] as LptLeadEvent;
    expect(none.data).toMatchObject({ at: null, lead: { created_at: null } });
  });

  it('dedupe keys are stable for redeliveries and differ for new changes; a repeated payload is one set of events', () => {
    const keys = (p: unknown) => asJson(p).map((e) => e.dedupeKey);
    expect(keys(REFERENCE_PAYLOAD)).toEqual(keys(structuredClone(REFERENCE_PAYLOAD)));
    expect(keys(payload({ action_timestamp: 1700000999999 }))[0]).not.toBe(keys(REFERENCE_PAYLOAD)[0]);
    const noStamp = (name: string) => keys(payload({ action_timestamp: undefined, name, calls_records: [] }))[0]!;
    expect(noStamp('А')).toMatch(/^lead:77972070:update:h[0-9a-z]+$/);
    expect(noStamp('А')).toBe(noStamp('А'));
    expect(noStamp('Б')).not.toBe(noStamp('А'));
    expect(types(asJson([REFERENCE_PAYLOAD, REFERENCE_PAYLOAD]))).toEqual(types(asJson(REFERENCE_PAYLOAD)));
  });

  it('custom values: categories stay string lists, write-style maps are read by id, __proto__ stays data', () => {
    const custom = JSON.parse(
      '[{"id":2105539,"name":"Заказ принят в работу?","type":"cats","value":["Да"]},' +
        '{"id":2105540,"name":"Интересы","type":"cats","value":["Окна",5]},' +
        '{"id":2105541,"name":"__proto__","type":"text","value":"x"},{"id":2105542,"name":"Пусто","type":"text"}]',
    );
    const lead = (asJson(payload({ custom, calls_records: [] }))[0] as LptLeadEvent).data.lead;
    expect(Object.keys(lead.fields)).toEqual(['Заказ принят в работу?', 'Интересы', '__proto__', 'Пусто']);
    expect(lead.fields['Заказ принят в работу?']).toEqual(['Да']);
    expect(lead.fields['Интересы']).toEqual(['Окна', '5']);
    expect(Object.getOwnPropertyDescriptor(lead.fields, '__proto__')?.value).toBe('x');
    expect(Object.getPrototypeOf(lead.fields)).toBe(Object.prototype);
    expect(lead.fields['Пусто']).toBeNull();
    const byMap = (asJson(payload({ custom: { '1803704': '444', '2105539': 'Да' }, calls_records: [] }))[0] as LptLeadEvent).data.lead;
    expect(byMap).toMatchObject({ fields: {}, fields_by_id: { '1803704': '444', '2105539': 'Да' } });
  });

  it('contact channels from contact.contacts[] or REST details[]; phones to E.164 when Russian', () => {
    const contact = {
      id: 5, name: 'Ольга',
      details: [
        { type: 'phone', data: '8 (918) 123-45-67' }, { type: 'phone', data: '+7 918 123 45 67' }, { type: 'phone', data: '+44 20 7946 0000' },
        { type: 'email', data: 'olga@example.com' }, { type: 'skype', data: 'olga' },
      ],
    };
    const lead = (asJson(payload({ contact, calls_records: [] }))[0] as LptLeadEvent).data.lead;
    expect(lead.contact).toEqual({
      id: 5, name: 'Ольга', phone: '+79181234567', phones: ['+79181234567', '+44 20 7946 0000'], email: 'olga@example.com', emails: ['olga@example.com'],
    });
    const onlyId = (asJson(payload({ contact: undefined, calls_records: [] }))[0] as LptLeadEvent).data.lead;
    expect(onlyId.contact).toEqual({ id: 12345, name: '', phone: null, phones: [], email: null, emails: [] });
  });

  it('handles large payloads in linear time', () => {
    const calls_records = Array.from({ length: 20_000 }, (_, i) => ({ time: 1700000000 + i, linkedid: `c${i}`, duration: 1, type: 'outgoing' }));
    const started = performance.now();
    const events = asForm(payload({ action_update_fields: 'calls_records', calls_records }));
    expect(events).toHaveLength(20_001);
    expect(performance.now() - started).toBeLessThan(4_000);
  });
});
