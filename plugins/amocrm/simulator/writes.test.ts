import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED, startAmoSimulator, type AmoSimulator } from './amo-simulator.ts';
import { apiClient, type ApiCall } from './sim-test-kit.ts';

let sim: AmoSimulator;
let api: ApiCall;
beforeAll(async () => {
  sim = await startAmoSimulator({ rateLimitPerSecond: 1000 });
  api = apiClient(sim, sim.issueLongLivedToken());
});
afterAll(() => sim.close());

const CITY = 512001;
const DATE = 512004;
const NUMERIC = 512003;

describe('lead writes', () => {
  it('creates a batch and answers ids with request_id', async () => {
    const res = await api('POST', '/api/v4/leads', [
      { name: 'Первая', price: 5000, custom_fields_values: [{ field_id: CITY, values: [{ value: 'Москва' }] }] },
      { name: 'Вторая', request_id: 'mine', _embedded: { tags: [{ name: 'site' }] } },
    ]);
    expect(res.status).toBe(200);
    const items = res.json._embedded.leads;
    expect(items.map((i: { request_id: string }) => i.request_id)).toEqual(['0', 'mine']);
    expect(items[0]._links.self.href).toBe(`${sim.url}/api/v4/leads/${items[0].id}`);
    const lead = sim.state.leads.get(items[0].id)!;
    expect(lead).toMatchObject({ name: 'Первая', price: 5000, pipeline_id: SEED.pipelines.sales, status_id: SEED.statuses.newRequest, closed_at: null });
    expect(lead.custom_fields_values).toEqual([
      { field_id: CITY, field_name: 'Город', field_code: null, field_type: 'select', values: [{ value: 'Москва', enum_id: expect.any(Number) }] },
    ]);
    expect(sim.state.leads.get(items[1].id)!.tags.map((t) => t.name)).toEqual(['site']);
  });

  it('rejects unknown fields with the exact validation-errors shape and creates nothing', async () => {
    const before = sim.state.leads.size;
    const res = await api('POST', '/api/v4/leads', [
      { name: 'ok' },
      { name: 'bad', custom_fields_values: [{ field_id: CITY, values: [{ value: 'Москва' }] }, { field_id: 999, values: [{ value: 'x' }] }] },
    ]);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.json).toEqual({
      'validation-errors': [
        {
          request_id: '1',
          errors: [{ code: 'NotSupportedChoice', path: 'custom_fields_values.1.field_id', detail: 'The value you selected is not a valid choice.' }],
        },
      ],
      title: 'Bad Request',
      type: 'https://httpstatus.es/400',
      status: 400,
      detail: 'Request validation failed',
    });
    expect(sim.state.leads.size).toBe(before);
  });

  it('validates enums, types and the status/pipeline pair', async () => {
    const res = await api('POST', '/api/v4/leads', [
      { name: 42 },
      { custom_fields_values: [{ field_id: CITY, values: [{ enum_id: 1 }] }] },
      { pipeline_id: SEED.pipelines.partners, status_id: SEED.statuses.newRequest },
      { custom_fields_values: [{ field_id: NUMERIC, values: [{ value: 'много' }] }] },
    ]);
    expect(res.status).toBe(400);
    const errs = res.json['validation-errors'].map((e: { request_id: string; errors: { code: string; path: string }[] }) => [e.request_id, e.errors[0]!.code, e.errors[0]!.path]);
    expect(errs).toEqual([
      ['0', 'InvalidType', 'name'],
      ['1', 'NotSupportedChoice', 'custom_fields_values.0.values.0.enum_id'],
      ['2', 'NotSupportedChoice', 'status_id'],
      ['3', 'InvalidType', 'custom_fields_values.0.values.0.value'],
    ]);
  });

  it('accepts 142/143 in every pipeline and sets closed_at', async () => {
    const res = await api('POST', '/api/v4/leads', [
      { name: 'Выиграна', pipeline_id: SEED.pipelines.partners, status_id: 142 },
      { name: 'Проиграна', pipeline_id: SEED.pipelines.sales, status_id: 143 },
    ]);
    expect(res.status).toBe(200);
    const [won, lost] = res.json._embedded.leads.map((l: { id: number }) => sim.state.leads.get(l.id)!);
    expect(won).toMatchObject({ pipeline_id: SEED.pipelines.partners, status_id: 142, closed_at: expect.any(Number) });
    expect(lost).toMatchObject({ pipeline_id: SEED.pipelines.sales, status_id: 143, closed_at: expect.any(Number) });
  });

  it('rejects more than 250 items with 422 and an empty body with 400', async () => {
    const many = Array.from({ length: 251 }, (_, i) => ({ name: `L${i}` }));
    expect((await api('POST', '/api/v4/leads', many)).status).toBe(422);
    const empty = await api('POST', '/api/v4/leads', []);
    expect(empty.status).toBe(400);
    expect(empty.json.detail).toBe('Request data can not be empty');
  });

  it('patches one lead and a batch, moving between pipelines', async () => {
    const lead = sim.admin.createLead({ name: 'Двигаем' });
    const single = await api('PATCH', `/api/v4/leads/${lead.id}`, {
      status_id: 142,
      custom_fields_values: [{ field_id: DATE, values: [{ value: '2026-03-01T10:00:00+03:00' }] }],
    });
    expect(single.status).toBe(200);
    expect(single.json).toMatchObject({ id: lead.id, updated_at: expect.any(Number) });
    expect(lead.status_id).toBe(142);
    expect(lead.closed_at).not.toBeNull();
    expect(lead.custom_fields_values![0]!.values[0]!.value).toBe(Date.parse('2026-03-01T10:00:00+03:00') / 1000);
    const batch = await api('PATCH', '/api/v4/leads', [{ id: lead.id, pipeline_id: SEED.pipelines.partners, status_id: SEED.statuses.partnersFirstContact, price: 10 }]);
    expect(batch.json._embedded.leads[0]).toMatchObject({ id: lead.id, request_id: '0' });
    expect(lead).toMatchObject({ pipeline_id: SEED.pipelines.partners, status_id: SEED.statuses.partnersFirstContact, price: 10, closed_at: null });
    const missing = await api('PATCH', '/api/v4/leads', [{ id: 1, name: 'x' }]);
    expect(missing.status).toBe(400);
  });

  it('creates a lead with a new contact and company in one complex call', async () => {
    const res = await api('POST', '/api/v4/leads/complex', [
      {
        name: 'Комплексная',
        _embedded: {
          contacts: [{ first_name: 'Мария', last_name: 'Иванова', custom_fields_values: [{ field_code: 'PHONE', values: [{ value: '+79991234567', enum_code: 'MOB' }] }] }],
          companies: [{ name: 'ООО Ромашка' }],
        },
      },
    ]);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    const [item] = res.json;
    expect(item).toEqual({ id: expect.any(Number), contact_id: expect.any(Number), company_id: expect.any(Number), request_id: ['0'], merged: false });
    const contact = sim.state.contacts.get(item.contact_id)!;
    expect(contact.name).toBe('Мария Иванова');
    expect(contact.custom_fields_values![0]!.values[0]).toMatchObject({ value: '+79991234567', enum_code: 'MOB' });
    const lead = await api('GET', `/api/v4/leads/${item.id}?with=contacts`);
    expect(lead.json._embedded.contacts[0]).toMatchObject({ id: item.contact_id, is_main: true });
    expect(lead.json._embedded.companies[0].id).toBe(item.company_id);
  });
});

describe('contacts, notes, tasks and links', () => {
  it('creates and updates contacts', async () => {
    const res = await api('POST', '/api/v4/contacts', [{ name: 'Пётр', custom_fields_values: [{ field_code: 'EMAIL', values: [{ value: 'p@example.ru' }] }] }]);
    const id = res.json._embedded.contacts[0].id;
    const upd = await api('PATCH', `/api/v4/contacts/${id}`, { first_name: 'Пётр', last_name: 'Сидоров', name: 'Пётр Сидоров' });
    expect(upd.json).toMatchObject({ id, name: 'Пётр Сидоров' });
    const bad = await api('POST', '/api/v4/contacts', [{ custom_fields_values: [{ field_code: 'PHONE', values: [{ value: '1', enum_code: 'NOPE' }] }] }]);
    expect(bad.json['validation-errors'][0].errors[0].path).toBe('custom_fields_values.0.values.0.enum_code');
  });

  it('adds common and call notes', async () => {
    const lead = sim.admin.createLead({ name: 'С примечаниями' });
    const res = await api('POST', `/api/v4/leads/${lead.id}/notes`, [
      { note_type: 'common', params: { text: 'Текст' } },
      { note_type: 'call_in', params: { uniq: 'u-1', duration: 130, source: 'pbx', link: 'https://example.test/rec.mp3', phone: '+7912312321' } },
    ]);
    expect(res.status).toBe(200);
    expect(res.json._embedded.notes[1]).toMatchObject({ entity_id: lead.id, request_id: '1' });
    const list = await api('GET', `/api/v4/leads/${lead.id}/notes?filter[note_type][]=call_in`);
    expect(list.json._embedded.notes).toEqual([expect.objectContaining({ note_type: 'call_in', params: expect.objectContaining({ duration: 130 }) })]);
    const bad = await api('POST', '/api/v4/leads/notes', [{ entity_id: lead.id, note_type: 'call_out', params: { uniq: 'x', duration: '1', source: 's', phone: '1' } }]);
    expect(bad.json['validation-errors'][0].errors[0]).toMatchObject({ code: 'InvalidType', path: 'params.duration' });
  });

  it('creates tasks and completes them', async () => {
    const lead = sim.admin.createLead({ name: 'С задачей' });
    const res = await api('POST', '/api/v4/tasks', [{ text: 'Перезвонить', complete_till: 1_900_000_000, entity_id: lead.id, entity_type: 'leads', task_type_id: 1 }]);
    const id = res.json._embedded.tasks[0].id;
    expect(lead.closest_task_at).toBe(1_900_000_000);
    await api('PATCH', `/api/v4/tasks/${id}`, { is_completed: true, result: { text: 'Готово' } });
    const task = await api('GET', `/api/v4/tasks/${id}`);
    expect(task.json).toMatchObject({ is_completed: true, result: { text: 'Готово' }, entity_type: 'leads' });
    expect(lead.closest_task_at).toBeNull();
  });

  it('links a contact to a lead and lists the links', async () => {
    const lead = sim.admin.createLead({ name: 'Связи' });
    const contact = sim.admin.createContact({ name: 'Связанный' });
    const res = await api('POST', `/api/v4/leads/${lead.id}/link`, [{ to_entity_id: contact.id, to_entity_type: 'contacts', metadata: { is_main: true } }]);
    expect(res.json._embedded.links[0]).toMatchObject({ entity_id: lead.id, entity_type: 'leads', to_entity_id: contact.id, to_entity_type: 'contacts' });
    const links = await api('GET', `/api/v4/leads/${lead.id}/links`);
    expect(links.json._embedded.links).toEqual([expect.objectContaining({ to_entity_id: contact.id, to_entity_type: 'contacts' })]);
    const fromContact = await api('GET', `/api/v4/contacts/${contact.id}/links`);
    expect(fromContact.json._embedded.links[0]).toMatchObject({ to_entity_id: lead.id, to_entity_type: 'leads' });
    expect((await api('POST', `/api/v4/leads/${lead.id}/link`, [{ to_entity_id: 1, to_entity_type: 'contacts' }])).status).toBe(400);
  });
});
