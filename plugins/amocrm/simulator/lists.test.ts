import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED, startAmoSimulator, type AmoSimulator } from './amo-simulator.ts';
import { apiClient, type ApiCall } from './sim-test-kit.ts';

let sim: AmoSimulator;
let api: ApiCall;
beforeAll(async () => {
  sim = await startAmoSimulator({ rateLimitPerSecond: 1000 });
  api = apiClient(sim, sim.issueLongLivedToken());
  for (let i = 1; i <= 5; i++) sim.admin.createLead({ name: `Сделка ${i}`, price: i * 100 });
  sim.admin.createLead({ name: 'Партнёрская', pipeline: 'Партнёры', status: 'Обсуждение условий' });
  const contact = sim.admin.createContact({ name: 'Иван Петров', phone: '+7 (918) 123-45-67', email: 'ivan@example.ru' });
  sim.admin.createLead({ name: 'С контактом', contactIds: [contact.id], fields: { Город: 'Краснодар' } });
});
afterAll(() => sim.close());

describe('lists', () => {
  it('pages leads with _links.next until a 204', async () => {
    const seen: number[] = [];
    let path: string | undefined = '/api/v4/leads?limit=3';
    let pages = 0;
    while (path) {
      const res = await api('GET', path);
      if (res.status === 204) {
        expect(res.text).toBe('');
        break;
      }
      expect(res.status).toBe(200);
      expect(res.json._page).toBe(++pages);
      for (const l of res.json._embedded.leads) seen.push(l.id);
      const next: string | undefined = res.json._links.next?.href;
      if (next) expect(next.startsWith(sim.url)).toBe(true);
      path = next?.slice(sim.url.length);
    }
    expect(seen).toEqual([...sim.state.leads.keys()]);
    // 7 leads at 3 per page: the third page is short, so it has no next link.
    expect(pages).toBe(3);
  });

  it('answers an empty search with 204 and no body', async () => {
    const res = await api('GET', '/api/v4/leads?query=nothing-like-this');
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
  });

  it('rejects limit over 250 with 422', async () => {
    const res = await api('GET', '/api/v4/leads?limit=251');
    expect(res.status).toBe(422);
    expect(res.json).toEqual({ title: 'Unprocessable Entity', type: 'https://httpstatus.es/422', status: 422, detail: 'Limit 250 per page' });
    expect((await api('GET', '/api/v4/leads?limit=250')).status).toBe(200);
  });

  it('filters by status pair, pipeline and ids', async () => {
    const q = `filter[statuses][0][pipeline_id]=${SEED.pipelines.partners}&filter[statuses][0][status_id]=${SEED.statuses.partnersTerms}`;
    const byStatus = await api('GET', `/api/v4/leads?${q}`);
    expect(byStatus.json._embedded.leads.map((l: { name: string }) => l.name)).toEqual(['Партнёрская']);
    const byPipeline = await api('GET', `/api/v4/leads?filter[pipeline_id][]=${SEED.pipelines.sales}`);
    expect(byPipeline.json._embedded.leads).toHaveLength(6);
    const ids = [...sim.state.leads.keys()].slice(0, 2);
    const byId = await api('GET', `/api/v4/leads?filter[id][]=${ids[0]}&filter[id][]=${ids[1]}&order[id]=desc`);
    expect(byId.json._embedded.leads.map((l: { id: number }) => l.id)).toEqual([ids[1], ids[0]]);
  });

  it('finds leads and contacts by phone digits and email', async () => {
    const leads = await api('GET', '/api/v4/leads?query=79181234567&with=contacts');
    expect(leads.status).toBe(200);
    const lead = leads.json._embedded.leads[0];
    expect(lead.name).toBe('С контактом');
    expect(lead._embedded.contacts).toEqual([expect.objectContaining({ is_main: true })]);
    const byEight = await api('GET', '/api/v4/contacts?query=89181234567&with=leads');
    expect(byEight.json._embedded.contacts[0]._embedded.leads).toHaveLength(1);
    const byEmail = await api('GET', '/api/v4/contacts?query=ivan@example.ru');
    expect(byEmail.json._embedded.contacts[0].name).toBe('Иван Петров');
    expect((await api('GET', '/api/v4/contacts?query=79990000000')).status).toBe(204);
  });

  it('returns one lead, and 204 for a missing one', async () => {
    const id = [...sim.state.leads.keys()].at(-1)!;
    const res = await api('GET', `/api/v4/leads/${id}`);
    expect(res.json).toMatchObject({ id, name: 'С контактом', _links: { self: { href: `${sim.url}/api/v4/leads/${id}` } } });
    expect(res.json._embedded.contacts).toBeUndefined();
    expect(res.json.custom_fields_values[0]).toMatchObject({ field_name: 'Город', field_type: 'select', values: [{ value: 'Краснодар' }] });
    expect((await api('GET', '/api/v4/leads/1')).status).toBe(204);
  });

  it('lists pipelines with 142 and 143 in every pipeline', async () => {
    const res = await api('GET', '/api/v4/leads/pipelines');
    expect(res.json._total_items).toBe(2);
    for (const p of res.json._embedded.pipelines) {
      const ids = p._embedded.statuses.map((s: { id: number }) => s.id);
      expect(ids).toEqual(expect.arrayContaining([142, 143]));
    }
    const sales = res.json._embedded.pipelines.find((p: { name: string }) => p.name === 'Продажи');
    expect(sales.is_main).toBe(true);
    expect(sales._embedded.statuses.map((s: { name: string }) => s.name)).toEqual(
      expect.arrayContaining(['Новая заявка', 'Переговоры', 'Принимают решение', 'Успешно реализовано', 'Закрыто и не реализовано']),
    );
    const statuses = await api('GET', `/api/v4/leads/pipelines/${SEED.pipelines.partners}/statuses`);
    expect(statuses.json._embedded.statuses.find((s: { id: number }) => s.id === 142).pipeline_id).toBe(SEED.pipelines.partners);
  });

  it('pages custom fields with totals and next links', async () => {
    const first = await api('GET', '/api/v4/contacts/custom_fields?limit=2');
    expect(first.json).toMatchObject({ _total_items: 5, _page: 1, _page_count: 3 });
    expect(first.json._links.next.href).toContain('page=2');
    const phone = first.json._embedded.custom_fields.find((f: { code: string }) => f.code === 'PHONE');
    expect(phone).toMatchObject({ type: 'multitext', entity_type: 'contacts', is_predefined: true });
    expect(phone.enums.map((e: { value: string }) => e.value)).toContain('MOB');
    const last = await api('GET', '/api/v4/contacts/custom_fields?limit=2&page=3');
    expect(last.json._links.next).toBeUndefined();
    expect((await api('GET', '/api/v4/contacts/custom_fields?limit=2&page=4')).status).toBe(204);
    const leadFields = await api('GET', '/api/v4/leads/custom_fields');
    const city = leadFields.json._embedded.custom_fields.find((f: { name: string }) => f.name === 'Город');
    expect(city.enums.map((e: { value: string }) => e.value)).toEqual(expect.arrayContaining(['Краснодар', 'Москва']));
    expect(leadFields.json._embedded.custom_fields.map((f: { type: string }) => f.type)).toEqual(expect.arrayContaining(['text', 'numeric', 'date', 'select']));
  });

  it('pages users', async () => {
    const res = await api('GET', '/api/v4/users?limit=2');
    expect(res.json._total_items).toBe(3);
    expect(res.json._embedded.users).toHaveLength(2);
    expect(res.json._embedded.users[0].rights.leads.view).toBe('A');
    expect((await api('GET', `/api/v4/users/${SEED.users.anna}`)).json.name).toBe('Анна Смирнова');
  });
});
