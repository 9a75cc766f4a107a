import qs from 'qs';
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import { SEED, startAmoSimulator, type AmoSimulator } from './amo-simulator.ts';
import { apiClient, startHookReceiver, type ApiCall, type HookReceiver } from './sim-test-kit.ts';

let sim: AmoSimulator;
let api: ApiCall;
let hook: HookReceiver;
beforeAll(async () => {
  sim = await startAmoSimulator({ rateLimitPerSecond: 1000 });
  api = apiClient(sim, sim.issueLongLivedToken());
  hook = await startHookReceiver();
});
afterAll(async () => {
  await sim.close();
  await hook.close();
});
beforeEach(async () => {
  await sim.flushWebhooks();
  hook.received.length = 0;
  hook.respond.status = 200;
});

async function subscribe(settings: string[], destination = hook.url) {
  const res = await api('POST', '/api/v4/webhooks', { destination, settings, sort: 10 });
  expect(res.status).toBe(200);
  return res;
}

describe('subscriptions', () => {
  it('creates, replaces, lists and deletes a subscription', async () => {
    const created = await subscribe(['add_lead']);
    expect(created.json).toMatchObject({ id: expect.any(Number), destination: hook.url, settings: ['add_lead'], disabled: false, account_id: sim.accountId, sort: 10 });
    await subscribe(['status_lead', 'update_lead']);
    const list = await api('GET', `/api/v4/webhooks?filter[destination]=${encodeURIComponent(hook.url)}`);
    expect(list.json._total_items).toBe(1);
    expect(list.json._embedded.webhooks[0].settings).toEqual(['status_lead', 'update_lead']);
    const bad = await api('POST', '/api/v4/webhooks', { destination: hook.url, settings: ['no_such_event'] });
    expect(bad.json['validation-errors'][0].errors[0]).toMatchObject({ code: 'NotSupportedChoice', path: 'settings.0' });
    expect((await api('DELETE', '/api/v4/webhooks', { destination: hook.url })).status).toBe(204);
    expect((await api('GET', '/api/v4/webhooks')).status).toBe(204);
  });
});

describe('deliveries', () => {
  it('sends a status change as a v2 form body with status and update in one POST', async () => {
    await subscribe(['status_lead', 'update_lead']);
    const contact = sim.admin.createContact({ name: 'Клиент', phone: '+79181234567' });
    const lead = sim.admin.createLead({
      name: 'Заявка с сайта',
      price: 1500,
      pipeline: 'Продажи',
      status: 'Новая заявка',
      contactIds: [contact.id],
      tags: ['site'],
      fields: { Город: 'Краснодар', 'Дата встречи': 1_900_000_000, Комментарий: 'Перезвонить' },
    });
    sim.admin.moveLead(lead.id, SEED.statuses.negotiation);
    await sim.flushWebhooks();

    expect(hook.received).toHaveLength(1);
    const h = hook.received[0]!;
    expect(h.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(h.headers['user-agent']).toBe('amoCRM-WebHook-client/1.0');
    const s = 'leads[status][0]';
    expect(h.get(`${s}[id]`)).toBe(String(lead.id));
    expect(h.get(`${s}[name]`)).toBe('Заявка с сайта');
    expect(h.get(`${s}[status_id]`)).toBe(String(SEED.statuses.negotiation));
    expect(h.get(`${s}[old_status_id]`)).toBe(String(SEED.statuses.newRequest));
    expect(h.get(`${s}[pipeline_id]`)).toBe(String(SEED.pipelines.sales));
    expect(h.get(`${s}[old_pipeline_id]`)).toBeUndefined();
    expect(h.get(`${s}[price]`)).toBe('1500');
    expect(h.get(`${s}[tags][0][name]`)).toBe('site');
    for (const k of ['date_create', 'last_modified', 'created_at', 'updated_at', 'created_user_id', 'modified_user_id', 'responsible_user_id', 'account_id']) {
      expect(h.get(`${s}[${k}]`), k).toMatch(/^\d+$/);
    }
    // Custom fields in the old shape; the date field has no [value] key.
    const cf = `${s}[custom_fields]`;
    expect(h.get(`${cf}[0][id]`)).toBe('512001');
    expect(h.get(`${cf}[0][name]`)).toBe('Город');
    expect(h.get(`${cf}[0][values][0][value]`)).toBe('Краснодар');
    expect(h.get(`${cf}[0][values][0][enum]`)).toBe(String(sim.admin.fieldByName('leads', 'Город')!.enums!.find((e) => e.value === 'Краснодар')!.id));
    expect(h.get(`${cf}[1][name]`)).toBe('Дата встречи');
    expect(h.get(`${cf}[1][values][0]`)).toBe('1900000000');
    expect(h.pairs.some(([k]) => k.startsWith(`${cf}[1][values][0][`))).toBe(false);
    expect(h.get(`${cf}[2][values][0][value]`)).toBe('Перезвонить');
    // The same body carries the update event and the account block.
    expect(h.get('leads[update][0][id]')).toBe(String(lead.id));
    expect(h.get('leads[update][0][old_status_id]')).toBe(String(SEED.statuses.newRequest));
    expect(h.get('account[subdomain]')).toBe(sim.subdomain);
    expect(h.get('account[id]')).toBe(String(sim.accountId));
    expect(h.get('account[_links][self]')).toBe(sim.url);
    // Brackets travel percent-encoded, like PHP form posts; a PHP-style parser nests them. Keys
    // are 6 levels deep, beyond qs's default depth of 5.
    expect(h.body).toContain('leads%5Bstatus%5D%5B0%5D%5Bold_status_id%5D=');
    const parsed = qs.parse(h.body, { depth: 10 }) as { leads: { status: { id: string; custom_fields: { values: unknown[] }[] }[] } };
    expect(parsed.leads.status[0]!.id).toBe(String(lead.id));
    expect(parsed.leads.status[0]!.custom_fields[1]!.values).toEqual(['1900000000']);

    expect(sim.deliveries.at(-1)).toMatchObject({ url: hook.url, status: 200, ok: true, body: h.body });
  });

  it('names the old pipeline when a lead changes pipeline, and honours sendUpdateWithStatus=false', async () => {
    const local = await startAmoSimulator({ sendUpdateWithStatus: false });
    try {
      await apiClient(local, local.issueLongLivedToken())('POST', '/api/v4/webhooks', { destination: hook.url, settings: ['status_lead', 'update_lead'] });
      const lead = local.admin.createLead({ name: 'Переезд' });
      local.admin.moveLead(lead.id, 142, SEED.pipelines.partners);
      await local.flushWebhooks();
      const h = hook.received.at(-1)!;
      expect(h.get('leads[status][0][old_pipeline_id]')).toBe(String(SEED.pipelines.sales));
      expect(h.get('leads[status][0][pipeline_id]')).toBe(String(SEED.pipelines.partners));
      expect(h.get('leads[status][0][status_id]')).toBe('142');
      expect(h.pairs.some(([k]) => k.startsWith('leads[update]'))).toBe(false);
    } finally {
      await local.close();
    }
  });

  it('sends contacts with PHONE code and companies as contacts[...] with type=company', async () => {
    await subscribe(['add_contact', 'add_company', 'add_lead']);
    const res = await api('POST', '/api/v4/leads/complex', [
      { name: 'Комплекс', _embedded: { contacts: [{ name: 'Ольга', custom_fields_values: [{ field_code: 'PHONE', values: [{ value: '+79990001122', enum_code: 'MOB' }] }] }], companies: [{ name: 'ООО Лютик' }] } },
    ]);
    const { id: leadId, contact_id, company_id } = res.json[0];
    await sim.flushWebhooks();
    expect(hook.received).toHaveLength(1);
    const h = hook.received[0]!;
    expect(h.get('leads[add][0][id]')).toBe(String(leadId));
    expect(h.get('contacts[add][0][id]')).toBe(String(contact_id));
    expect(h.get('contacts[add][0][type]')).toBe('contact');
    expect(h.get('contacts[add][0][custom_fields][0][values][0][value]')).toBe('+79990001122');
    expect(h.get('contacts[add][0][custom_fields][0][code]')).toBe('PHONE');
    expect(h.get(`contacts[add][0][linked_leads_id][${leadId}][ID]`)).toBe(String(leadId));
    expect(h.get('contacts[add][1][id]')).toBe(String(company_id));
    expect(h.get('contacts[add][1][type]')).toBe('company');
  });

  it('fires on API writes too, and sends notes in the note family', async () => {
    await subscribe(['update_lead', 'note_lead']);
    const lead = sim.admin.createLead({ name: 'API' });
    await api('PATCH', `/api/v4/leads/${lead.id}`, { price: 700 });
    await api('POST', `/api/v4/leads/${lead.id}/notes`, [{ note_type: 'common', params: { text: 'Позвонил' } }]);
    await sim.flushWebhooks();
    const update = hook.received.find((h) => h.get('leads[update][0][id]'))!;
    expect(update.get('leads[update][0][price]')).toBe('700');
    const note = hook.received.find((h) => h.get('leads[note][0][note][id]'))!;
    expect(note.get('leads[note][0][note][text]')).toBe('Позвонил');
    expect(note.get('leads[note][0][note][note_type]')).toBe('4');
    expect(note.get('leads[note][0][note][element_type]')).toBe('2');
    expect(note.get('leads[note][0][note][element_id]')).toBe(String(lead.id));
    expect(note.get('leads[note][0][note][date_create]')).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
  });

  it('records failed deliveries without blocking the API, and retries when asked to', async () => {
    const local = await startAmoSimulator({ webhookRetries: 1 });
    try {
      await apiClient(local, local.issueLongLivedToken())('POST', '/api/v4/webhooks', { destination: hook.url, settings: ['add_lead'] });
      hook.respond.status = 500;
      local.admin.createLead({ name: 'Сбой' });
      await local.flushWebhooks();
      expect(local.deliveries.map((d) => [d.status, d.ok])).toEqual([
        [500, false],
        [500, false],
      ]);
    } finally {
      await local.close();
    }
  });

  it('waits before a retry, as amoCRM does, and a closing simulator does not wait it out', async () => {
    const local = await startAmoSimulator({ webhookRetries: 2, webhookRetryDelaysMs: [300] });
    onTestFinished(() => local.close());
    try {
      await apiClient(local, local.issueLongLivedToken())('POST', '/api/v4/webhooks', { destination: hook.url, settings: ['add_lead'] });
      hook.respond.status = 500;
      local.admin.createLead({ name: 'Позже' });
      await local.flushWebhooks();
      const [first, second, third] = local.deliveries.map((d) => d.at);
      expect(local.deliveries).toHaveLength(3);
      expect(second! - first!).toBeGreaterThanOrEqual(290);
      expect(third! - second!).toBeGreaterThanOrEqual(290);

      local.admin.createLead({ name: 'Закрытие' });
      await new Promise((r) => setTimeout(r, 100));
      const closedAt = performance.now();
      await Promise.all([local.close(), local.flushWebhooks()]);
      expect(performance.now() - closedAt).toBeLessThan(250);
      expect(local.deliveries).toHaveLength(4);
    } finally {
      hook.respond.status = 200;
    }
  });

  it('sends through a pool of connections when asked to: changes wait for a free one', async () => {
    const local = await startAmoSimulator({ webhookConcurrency: 2 });
    onTestFinished(() => local.close());
    try {
      await apiClient(local, local.issueLongLivedToken())('POST', '/api/v4/webhooks', { destination: hook.url, settings: ['add_lead'] });
      hook.respond.delayMs = 150;
      const t0 = performance.now();
      for (const name of ['1', '2', '3', '4']) local.admin.createLead({ name });
      await local.flushWebhooks();
      const done = local.deliveries.map((d) => d.at - t0).sort((a, b) => a - b);
      expect(local.deliveries.every((d) => d.ok)).toBe(true);
      // Two at a time: the last two end a whole answer time after the first two.
      expect(done[2]! - done[0]!).toBeGreaterThanOrEqual(120);
      expect(done[3]! - done[1]!).toBeGreaterThanOrEqual(120);
    } finally {
      hook.respond.delayMs = 0;
    }
  });

  it('gives up on a receiver slower than the timeout', async () => {
    const local = await startAmoSimulator({ webhookTimeoutMs: 150 });
    try {
      await apiClient(local, local.issueLongLivedToken())('POST', '/api/v4/webhooks', { destination: hook.url, settings: ['add_lead'] });
      hook.respond.delayMs = 400;
      local.admin.createLead({ name: 'Медленно' });
      await local.flushWebhooks();
      expect(local.deliveries).toEqual([expect.objectContaining({ status: null, ok: false })]);
    } finally {
      hook.respond.delayMs = 0;
      await local.close();
    }
  });
});
