/**
 * What a newcomer would click through, done over the product's own API: an admin and a sales
 * team, AmoCRM connected by the team, LPTracker bound by the admin, both flagship rules on.
 */
export interface DemoAccounts {
  admin: { email: string; password: string };
  sales: { email: string; password: string };
}

export const DEMO_ACCOUNTS: DemoAccounts = {
  admin: { email: 'admin@demo.local', password: 'demo-admin-пароль' },
  sales: { email: 'sales@demo.local', password: 'demo-sales-пароль' },
};

/** A cookie-keeping JSON client for the product's API. */
export function apiClient(base: string) {
  let cookie = '';
  async function call(method: string, path: string, body?: unknown) {
    const res = await fetch(base + path, {
      method,
      headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(cookie ? { cookie } : {}), origin: base },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const set = res.headers.getSetCookie();
    if (set.length) cookie = set.map((c) => c.split(';')[0]).join('; ');
    const text = await res.text();
    const json = text ? JSON.parse(text) : undefined;
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${json?.error?.message ?? text}`);
    return json;
  }
  return {
    get: (path: string) => call('GET', path),
    post: (path: string, body: unknown = {}) => call('POST', path, body),
    put: (path: string, body: unknown) => call('PUT', path, body),
  };
}
type Api = ReturnType<typeof apiClient>;

export interface DemoSims {
  amo: { url: string; subdomain: string; token: string };
  lpt: { url: string; login: string; password: string };
}

async function activateTemplate(api: Api, template: string, params: Record<string, unknown>) {
  const wf = await api.post(`/api/workflow-templates/${template}/workflows`, { params });
  await api.post(`/api/workflows/${wf.id}/publish`);
  await api.post(`/api/workflows/${wf.id}/activate`);
  return wf as { id: string; name: string };
}

/** An option's value by its label, from the connection's lists, as the editor's pickers show them. */
async function optionId(api: Api, connectionId: string, source: string, label: string, query: Record<string, string> = {}) {
  const { items } = (await api.get(`/api/connections/${connectionId}/options/${source}?${new URLSearchParams(query)}`)) as { items: { value: string | number; label: string }[] };
  const item = items.find((i) => i.label === label);
  if (!item) throw new Error(`В списке «${source}» нет «${label}»`);
  return item.value;
}

export async function seedDemo(base: string, sims: DemoSims) {
  const admin = apiClient(base);
  const sales = apiClient(base);
  // The first user of an installation is its platform admin.
  await admin.post('/api/auth/register', { email: DEMO_ACCOUNTS.admin.email, password: DEMO_ACCOUNTS.admin.password, name: 'Администратор платформы', company: 'Платформа' });
  const { user: me } = await sales.post('/api/auth/register', { email: DEMO_ACCOUNTS.sales.email, password: DEMO_ACCOUNTS.sales.password, name: 'Отдел продаж', company: 'Кухни Юга' });

  const amo = await sales.post('/api/connections', {
    plugin: 'amocrm', name: 'AmoCRM (симулятор)',
    credentials: { authType: 'token', subdomain: sims.amo.subdomain, accessToken: sims.amo.token, baseUrl: sims.amo.url },
  });
  const lpt = await admin.put(`/api/admin/tenants/${me.tenant.id}/lptracker`, { login: sims.lpt.login, password: sims.lpt.password, service: 'Конструктор интеграций', baseUrl: sims.lpt.url });

  const client = sales;
  const pipelineId = await optionId(client, amo.id, 'pipelines', 'Продажи');
  const projectId = await optionId(client, lpt.id, 'projects', 'Мой сайт');
  const ids = { amocrmConnectionId: amo.id, lptrackerConnectionId: lpt.id, pipelineId, projectId };
  const forward = await activateTemplate(sales, 'lptracker.amocrm_deal_to_lead', {
    ...ids,
    statusId: await optionId(client, amo.id, 'statuses', 'Переговоры', { pipelineId: String(pipelineId) }),
    stageId: await optionId(client, lpt.id, 'stages', 'Новый лид', { projectId: String(projectId) }),
    fields: { Город: '{{trigger.lead.fields.Город}}', 'ID сделки AmoCRM': '{{trigger.lead.id}}', 'Источник AmoCRM': '{{trigger.lead.pipeline_name}}' },
  });
  const reverse = await activateTemplate(sales, 'lptracker.lead_refusal_to_deal_lost', {
    ...ids,
    stageId: await optionId(client, lpt.id, 'stages', 'Отказ', { projectId: String(projectId) }),
  });
  return { tenantId: me.tenant.id as string, rules: [forward, reverse] };
}
