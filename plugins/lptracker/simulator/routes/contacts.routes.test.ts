import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLptSimulator, type LptSimulator } from '../lpt-simulator.ts';
import { LptTestClient } from '../sim-test-client.ts';

let sim: LptSimulator;
let api: LptTestClient;
const PID = 94698;

beforeAll(async () => {
  sim = await startLptSimulator({ rateLimitPerSecond: 0 });
  api = new LptTestClient(sim.url, sim.login, sim.password);
  await api.signIn();
});
afterAll(() => sim.close());

describe('POST /contact', () => {
  it('needs a project and at least one phone or email', async () => {
    const noDetail = await api.post('/contact', { project_id: PID, name: 'Без телефона', details: [{ type: 'vk', data: 'id1' }] });
    expect(noDetail.json.errors[0].code).toBe(400);
    const noProject = await api.post('/contact', { name: 'X', details: [{ type: 'phone', data: '+79990000000' }] });
    expect(noProject.json.errors[0].code).toBe(400);
  });

  it('turns the `fields` map into a list, with detail and field ids as strings', async () => {
    const fields = (await api.get(`/project/${PID}/fields`)).json.result;
    const fieldId = fields[0].id;
    expect(typeof fieldId).toBe('string');
    const r = await api.post('/contact', {
      project_id: PID, name: 'Алексей', profession: 'Менеджер',
      details: [{ type: 'phone', data: '+7 (999) 123-45-67' }, { type: 'email', data: 'Alex@Example.com' }],
      fields: { [fieldId]: 'Директор' },
    });
    expect(r.json.status).toBe('success');
    const c = r.json.result;
    expect(c).toMatchObject({ project_id: PID, name: 'Алексей', profession: 'Менеджер' });
    expect(typeof c.id).toBe('number');
    expect(c.details).toEqual([
      { id: expect.any(String), type: 'phone', data: '+7 (999) 123-45-67' },
      { id: expect.any(String), type: 'email', data: 'Alex@Example.com' },
    ]);
    expect(c.fields).toEqual([{ id: fieldId, name: fields[0].name, type: fields[0].type, value: 'Директор' }]);
    expect((await api.get(`/contact/${c.id}`)).json.result).toEqual(c);
  });

  it('rejects a contact field of another project', async () => {
    const other = (await api.get('/project/94699/fields')).json.result[0].id;
    const r = await api.post('/contact', { project_id: PID, details: [{ type: 'phone', data: '+79990000001' }], fields: { [other]: 'x' } });
    expect(r.json.errors[0].code).toBe(400);
  });
});

describe('GET /contact/search', () => {
  it('refuses a search without a filter with code 400', async () => {
    const r = await api.get(`/contact/search?project_id=${PID}`);
    expect(r.status).toBe(200);
    expect(r.json.errors[0].code).toBe(400);
  });

  it('matches phones by digits only and emails case-insensitively, within the project', async () => {
    await api.post('/contact', { project_id: PID, name: 'Борис', details: [{ type: 'phone', data: '8 (912) 555-44-33' }] });
    const byDigits = await api.get(`/contact/search?project_id=${PID}&phone=89125554433`);
    expect(byDigits.json.result.map((c: { name: string }) => c.name)).toEqual(['Борис']);
    const byPlus = await api.get(`/contact/search?project_id=${PID}&phone=${encodeURIComponent('+7 999 123 45 67')}`);
    expect(byPlus.json.result.map((c: { name: string }) => c.name)).toEqual(['Алексей']);
    const byEmail = await api.get(`/contact/search?project_id=${PID}&email=alex@example.COM`);
    expect(byEmail.json.result).toHaveLength(1);
    const otherProject = await api.get('/contact/search?project_id=94699&phone=89125554433');
    expect(otherProject.json).toEqual({ status: 'success', result: [] });
  });
});

describe('PUT /contact/{id} and contact leads', () => {
  it('edits details by id, appends new ones and lists the contact’s leads', async () => {
    const c = (await api.post('/contact', { project_id: PID, name: 'Вера', details: [{ type: 'phone', data: '+79990001122' }] })).json.result;
    const r = await api.put(`/contact/${c.id}`, {
      name: 'Вера Павловна',
      details: [{ id: c.details[0].id, type: 'phone', data: '+79990001123' }, { type: 'email', data: 'vera@example.ru' }],
    });
    expect(r.json.result.name).toBe('Вера Павловна');
    expect(r.json.result.details.map((d: { data: string }) => d.data)).toEqual(['+79990001123', 'vera@example.ru']);
    await api.post('/lead', { contact_id: c.id, name: 'Заявка Веры' });
    const leads = await api.get(`/contact/${c.id}/leads`);
    expect(leads.json.result.map((l: { name: string }) => l.name)).toEqual(['Заявка Веры']);
    expect((await api.get('/contact/999999')).json.errors[0].code).toBe(404);
  });
});
