import { describe, expect, it } from 'vitest';
import type { InboundRequest } from '../../../core/sdk/index.ts';
import type { AmoMetadata } from '../metadata/amo-metadata.types.ts';
import { formBody, LEAD_STATUS, rawForm } from './amo-webhook.fixtures.ts';
import { parseAmoRequest } from './parse-request.ts';

const META: AmoMetadata = {
  account: { id: 17769199, name: 'Фитнес', subdomain: 'apfitness' },
  pipelines: [{ id: 9217056, name: 'Семинары', isMain: true, statuses: [{ id: 20067736, name: 'Запись', type: 0, sort: 10 }, { id: 142, name: 'Успешно реализовано', type: 0, sort: 10000 }] }],
  leadFields: [{ id: 72333, name: 'Дата проведения', type: 'date', code: null, enums: null }],
  contactFields: [],
  users: [],
  taskTypes: [],
};

const request = (body: unknown, rawBody: string, contentType = 'application/x-www-form-urlencoded'): InboundRequest => ({ method: 'POST', headers: {}, query: {}, body, rawBody, contentType });

describe('parseAmoRequest', () => {
  it('reads the folded form body, with field types and stage names from the metadata', () => {
    const [event] = parseAmoRequest(request(formBody(LEAD_STATUS), rawForm(LEAD_STATUS)), { metadata: META });
    expect(event!.type).toBe('amocrm.lead_status_changed');
    expect((event!.data as any).lead).toMatchObject({
      status_id: 142,
      status_name: 'Успешно реализовано',
      old_status_name: 'Запись',
      pipeline_name: 'Семинары',
      fields: { Источник: 'Сайт', 'Дата проведения': '2018-11-13' },
    });
  });

  it('without metadata a bare date is an ISO date-time, and no names are added', () => {
    const [event] = parseAmoRequest(request(formBody(LEAD_STATUS), rawForm(LEAD_STATUS)));
    const lead = (event!.data as any).lead;
    expect(lead.fields['Дата проведения']).toBe('2018-11-13T00:00:00.000Z');
    expect(lead.status_name).toBeUndefined();
  });

  it('parses the raw body itself when the core did not: a form or JSON', () => {
    const raw = rawForm(LEAD_STATUS);
    expect(parseAmoRequest(request(raw, raw))).toHaveLength(1);
    const json = JSON.stringify(formBody(LEAD_STATUS));
    expect(parseAmoRequest(request(undefined, json, 'application/json'))).toHaveLength(1);
    expect(() => parseAmoRequest(request(undefined, '{oops', 'application/json'))).toThrow(/не JSON и не форма/);
  });
});
