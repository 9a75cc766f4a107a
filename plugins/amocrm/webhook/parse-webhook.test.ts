import { describe, expect, it } from 'vitest';
import type { NormalizedEvent } from '../../../core/sdk/index.ts';
import { formBody, LEAD_ADDED, LEAD_DELETED, LEAD_RESPONSIBLE, LEAD_STATUS, LEAD_UPDATED } from './amo-webhook.fixtures.ts';
import { parseAmoWebhook, type AmoLeadEvent } from './parse-webhook.ts';

const leadEvents = (lines: string, opts?: Parameters<typeof parseAmoWebhook>[1]) =>
  parseAmoWebhook(formBody(lines), opts) as AmoLeadEvent[];

describe('parseAmoWebhook: leads', () => {
  it('A: a lead added becomes lead_added with numbers, ISO dates and the account', () => {
    const events = leadEvents(LEAD_ADDED);
    expect(events).toEqual([
      {
        type: 'amocrm.lead_added',
        entity: { type: 'lead', id: '1190401' },
        dedupeKey: 'lead:1190401:added',
        data: {
          lead: {
            id: 1190401,
            name: 'AASDASD',
            status_id: 53861254,
            pipeline_id: 6254262,
            responsible_user_id: 9040358,
            price: 34343,
            created_at: '2022-12-28T01:00:47.000Z',
            updated_at: '2022-12-28T01:00:47.000Z',
            created_by: 9040358,
            updated_by: 9040358,
            tags: [],
            fields: {},
            fields_by_id: {},
            custom_fields: [],
          },
          account: { id: 30739638, subdomain: '121273hvv', url: 'https://121273hvv.amocrm.ru' },
        },
      },
    ]);
    // The SDK's event type accepts it as is.
    const asSdk: NormalizedEvent[] = events;
    expect(asSdk).toHaveLength(1);
  });

  it('B: a status change keeps tags, select text (not the enum id) and turns a bare date into ISO', () => {
    const [event, ...rest] = leadEvents(LEAD_STATUS);
    expect(rest).toEqual([]);
    expect(event!.type).toBe('amocrm.lead_status_changed');
    const lead = event!.data.lead;
    expect(lead).toMatchObject({
      id: 10701093,
      name: 'Семинар: Пропитание в фитнесе на результат',
      status_id: 142,
      old_status_id: 20067736,
      pipeline_id: 9217056,
      price: 22500,
      created_at: '2018-10-17T13:16:49.000Z', // from date_create: no created_at in 2018
      updated_at: '2018-10-17T13:24:24.000Z', // from last_modified
      created_by: 2076025,
      updated_by: 2079718,
      tags: ['повторное обращение'],
    });
    expect(lead.fields).toEqual({ Источник: 'Сайт', 'Дата проведения': '2018-11-13T00:00:00.000Z' });
    expect(lead.fields_by_id).toEqual({ '66339': 'Сайт', '72333': '2018-11-13T00:00:00.000Z' });
    expect(lead.custom_fields).toEqual([
      { id: 66339, name: 'Источник', code: null, values: [{ value: 'Сайт', enum: 139517 }] },
      { id: 72333, name: 'Дата проведения', code: null, values: [{ value: '1542067200', enum: null }] },
    ]);
    // 2018 payloads had only the subdomain; the id comes from the item's account_id.
    expect(event!.data.account).toEqual({ id: 17769199, subdomain: 'apfitness', url: null });
    expect(event!.dedupeKey).toBe('lead:10701093:status:142:1539782664');
    expect(lead).not.toHaveProperty('old_pipeline_id');
  });

  it('B with field types from metadata: a date field becomes YYYY-MM-DD', () => {
    const [event] = leadEvents(LEAD_STATUS, { fieldTypes: new Map([['72333', 'date']]) });
    expect(event!.data.lead.fields['Дата проведения']).toBe('2018-11-13');
  });

  it('C: an update that moved the status yields lead_updated and lead_status_changed', () => {
    const events = leadEvents(LEAD_UPDATED);
    expect(events.map((e) => e.type)).toEqual(['amocrm.lead_updated', 'amocrm.lead_status_changed']);
    const lead = events[0]!.data.lead;
    expect(lead).toMatchObject({ id: 5685933, status_id: 43315792, old_status_id: 43315795, price: 450 });
    expect(lead.created_at).toBe('2021-10-23T21:00:00.000Z');
    expect(lead.updated_at).toBe('2021-10-25T05:16:56.000Z');
    // A numeric-looking text value stays text unless the field is numeric.
    expect(lead.fields).toEqual({ Услуги: '1234' });
    expect(events.map((e) => e.dedupeKey)).toEqual(['lead:5685933:updated:1635139016', 'lead:5685933:status:43315792:1635139016']);
    const typed = leadEvents(LEAD_UPDATED, { fieldTypes: new Map([['629233', 'numeric']]) });
    expect(typed[0]!.data.lead.fields).toEqual({ Услуги: 1234 });
  });

  it('an update without a status move is only lead_updated', () => {
    const same = LEAD_UPDATED.replace('[old_status_id]=43315795', '[old_status_id]=43315792');
    expect(leadEvents(same).map((e) => e.type)).toEqual(['amocrm.lead_updated']);
    const noOld = LEAD_UPDATED.replace(/^.*old_status_id.*$/m, '');
    expect(leadEvents(noOld).map((e) => e.type)).toEqual(['amocrm.lead_updated']);
  });

  it('leads[update] and leads[status] for the same lead give one status event and one update, in either order', () => {
    const status = LEAD_STATUS.replace('account[subdomain]=apfitness', '').replaceAll('10701093', '5685933');
    for (const lines of [LEAD_UPDATED + status, status + LEAD_UPDATED]) {
      const events = leadEvents(lines);
      expect(events.filter((e) => e.type === 'amocrm.lead_status_changed')).toHaveLength(1);
      expect(events.filter((e) => e.type === 'amocrm.lead_updated')).toHaveLength(1);
      expect(events).toHaveLength(2);
    }
    const other = LEAD_STATUS.replace('account[subdomain]=apfitness', '');
    expect(leadEvents(LEAD_UPDATED + other).map((e) => [e.type, e.entity.id])).toEqual([
      ['amocrm.lead_updated', '5685933'],
      ['amocrm.lead_status_changed', '5685933'],
      ['amocrm.lead_status_changed', '10701093'],
    ]);
  });

  it('leads[responsible] → lead_responsible_changed with the old responsible', () => {
    const [event, ...rest] = leadEvents(LEAD_RESPONSIBLE);
    expect(rest).toEqual([]);
    expect(event!.type).toBe('amocrm.lead_responsible_changed');
    expect(event!.data.lead).toMatchObject({ responsible_user_id: 7349651, old_responsible_user_id: 7349650 });
    expect(event!.dedupeKey).toBe('lead:5685933:responsible:7349651:1635139100');
  });

  it('E: a deleted lead carries what AmoCRM sent and nulls for the rest', () => {
    const [event] = leadEvents(LEAD_DELETED);
    expect(event).toEqual({
      type: 'amocrm.lead_deleted',
      entity: { type: 'lead', id: '12345678' },
      dedupeKey: 'lead:12345678:deleted',
      data: {
        lead: {
          id: 12345678, name: '', status_id: 67548607, pipeline_id: 8572511, responsible_user_id: null, price: null,
          created_at: null, updated_at: null, tags: [], fields: {}, fields_by_id: {}, custom_fields: [],
        },
        account: { id: 32720107, subdomain: 'kommodemo', url: null },
      },
    });
  });

  it('leads[restore] → lead_restored', () => {
    const events = leadEvents(LEAD_ADDED.replaceAll('[add]', '[restore]'));
    expect(events.map((e) => [e.type, e.dedupeKey])).toEqual([['amocrm.lead_restored', 'lead:1190401:restored:1672189247']]);
  });
});

describe('parseAmoWebhook: dedupe keys', () => {
  it('are equal for a redelivery and differ for a later change of the same lead', () => {
    const first = leadEvents(LEAD_UPDATED).map((e) => e.dedupeKey);
    expect(leadEvents(LEAD_UPDATED).map((e) => e.dedupeKey)).toEqual(first);
    const later = leadEvents(LEAD_UPDATED.replaceAll('1635139016', '1635139999')).map((e) => e.dedupeKey);
    expect(later[0]).not.toBe(first[0]);
    expect(later[1]).not.toBe(first[1]);
    const otherStatus = leadEvents(LEAD_STATUS.replace('[status_id]=142', '[status_id]=143'));
    expect(otherStatus[0]!.dedupeKey).not.toBe(leadEvents(LEAD_STATUS)[0]!.dedupeKey);
  });

  it('fall back to a content hash when the item has no timestamp', () => {
    const bare = (price: string) => `leads[update][0][id]=7\nleads[update][0][price]=${price}`;
    const [a] = leadEvents(bare('100'));
    const [b] = leadEvents(bare('100'));
    const [c] = leadEvents(bare('200'));
    expect(a!.dedupeKey).toMatch(/^lead:7:updated:h[0-9a-z]+$/);
    expect(b!.dedupeKey).toBe(a!.dedupeKey);
    expect(c!.dedupeKey).not.toBe(a!.dedupeKey);
  });

  it('a lead repeated within one body is one event', () => {
    const twice = LEAD_UPDATED + LEAD_UPDATED.replaceAll('[update][0]', '[update][1]');
    expect(leadEvents(twice).map((e) => e.type)).toEqual(['amocrm.lead_updated', 'amocrm.lead_status_changed']);
  });
});

describe('parseAmoWebhook: body shapes', () => {
  it('lists as objects with numeric keys and JSON bodies give the same events as qs arrays', () => {
    const fromForm = parseAmoWebhook(formBody(LEAD_STATUS));
    const item = (formBody(LEAD_STATUS) as { leads: { status: Array<Record<string, unknown>> } }).leads.status[0]!;
    const numericKeys = {
      leads: {
        status: {
          '0': {
            ...item,
            tags: { '0': { id: '80147', name: 'повторное обращение' } },
            custom_fields: {
              '0': { id: '66339', name: 'Источник', values: { '0': { value: 'Сайт', enum: '139517' } } },
              '1': { id: '72333', name: 'Дата проведения', values: { '0': '1542067200' } },
            },
          },
        },
      },
      account: { subdomain: 'apfitness' },
    };
    expect(parseAmoWebhook(numericKeys)).toEqual(fromForm);
    expect(parseAmoWebhook(JSON.parse(JSON.stringify(numericKeys)))).toEqual(fromForm);
    const json = JSON.parse(JSON.stringify({ ...numericKeys, leads: { status: [{ ...item, id: 10701093, price: 22500 }] } }));
    expect(parseAmoWebhook(json)).toEqual(fromForm);
  });

  it('indexes beyond qs arrayLimit stay objects and still parse, in index order', () => {
    const body = formBody('leads[add][1500][id]=2\nleads[add][1200][id]=1');
    expect(parseAmoWebhook(body).map((e) => e.entity.id)).toEqual(['1', '2']);
  });

  it('an item sent without an index is still one item', () => {
    const events = parseAmoWebhook(formBody('leads[status][id]=5\nleads[status][status_id]=142'));
    expect(events.map((e) => [e.type, e.entity.id])).toEqual([['amocrm.lead_status_changed', '5']]);
  });
});

describe('parseAmoWebhook: malformed and hostile input', () => {
  it('returns [] for anything that is not a webhook body', () => {
    for (const body of [null, undefined, 'leads', 42, [], [{ leads: {} }], {}, { account: { subdomain: 'x' } }, { foo: { add: [{ id: 1 }] } }]) {
      expect(parseAmoWebhook(body)).toEqual([]);
    }
    expect(parseAmoWebhook({ leads: 'add' })).toEqual([]);
    expect(parseAmoWebhook({ leads: [{ id: 1 }] })).toEqual([]);
    expect(parseAmoWebhook({ leads: { add: 'x', frobnicate: [{ id: '1' }] } })).toEqual([]);
  });

  it('skips items without a usable id and keeps the rest', () => {
    const body = formBody(`
      leads[add][0][name]=без id
      leads[add][1][id]=abc
      leads[add][2][id]=-5
      leads[add][3][id]=0
      leads[add][4][id]=77
      leads[add][5]=строка
    `);
    expect(parseAmoWebhook(body).map((e) => e.entity.id)).toEqual(['77']);
    expect(parseAmoWebhook({ leads: { add: [null, 5, [1], { id: { nested: 1 } }, { id: 1e300 }] } })).toEqual([]);
  });

  it('keeps __proto__ as data and never touches prototypes', () => {
    const body = JSON.parse(
      '{"__proto__":{"polluted":1},"leads":{"__proto__":{"x":1},"add":[{"id":"9","__proto__":{"y":1},' +
        '"custom_fields":[{"id":"1","name":"__proto__","values":[{"value":"v"}]},{"id":"2","name":"constructor","values":[{"value":"c"}]}]}]}}',
    );
    const [event] = parseAmoWebhook(body) as AmoLeadEvent[];
    expect(Object.getPrototypeOf(event!.data.lead.fields)).toBe(Object.prototype);
    expect(Object.keys(event!.data.lead.fields)).toEqual(['__proto__', 'constructor']);
    expect(Object.getOwnPropertyDescriptor(event!.data.lead.fields, '__proto__')?.value).toBe('v');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const fromForm = parseAmoWebhook(formBody('__proto__[leads][add][0][id]=1\nleads[__proto__][0][id]=2\nleads[add][0][id]=3'));
    expect(fromForm.map((e) => e.entity.id)).toEqual(['3']);
  });

  it('stays linear on large bodies and ignores deep nesting', () => {
    const items = Array.from({ length: 10_000 }, (_, i) => ({
      id: String(i + 1),
      status_id: '142',
      old_status_id: '1',
      updated_at: '1700000000',
    }));
    let deep: unknown = { id: '1' };
    for (let i = 0; i < 5000; i++) deep = { tags: deep, custom_fields: deep, values: [deep] };
    const started = performance.now();
    const events = parseAmoWebhook({ leads: { update: items, status: items, add: [deep] } });
    const elapsed = performance.now() - started;
    expect(events).toHaveLength(20_000);
    // A generous budget for a loaded 2-core machine; linear work takes a fraction of it.
    expect(elapsed).toBeLessThan(4_000);
  });
});
