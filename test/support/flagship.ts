/**
 * The flagship setup shared by the API test, the browser test and `npm run demo`: an AmoCRM
 * account connected by the user, LPTracker bound by the admin, and the two template rules.
 */
import type { HttpTestClient } from './http-client.ts';
import { connect, optionId } from './crm-graphs.ts';

export const FORWARD_TEMPLATE = 'lptracker.amocrm_deal_to_lead';
export const REVERSE_TEMPLATE = 'lptracker.lead_refusal_to_deal_lost';

export interface FlagshipIds {
  amocrmConnectionId: string;
  lptrackerConnectionId: string;
}

/** Creates a rule from a template, publishes and switches it on; returns its id. */
export async function activeFromTemplate(client: HttpTestClient, templateId: string, params: Record<string, unknown>): Promise<{ id: string; name: string }> {
  const created = await client.post(`/api/workflow-templates/${templateId}/workflows`, { params });
  if (created.status !== 201) throw new Error(`template ${templateId}: ${created.status} ${created.text}`);
  for (const step of ['publish', 'activate']) {
    const res = await client.post(`/api/workflows/${created.body.id}/${step}`);
    if (res.status !== 200) throw new Error(`${step} ${created.body.name}: ${res.status} ${res.text}`);
  }
  return { id: created.body.id, name: created.body.name };
}

/** The params of «Новая сделка из Краснодара → лид в LPTracker» for the simulators' seed data. */
export async function forwardParams(client: HttpTestClient, ids: FlagshipIds, amoStatus = 'Переговоры') {
  const pipelineId = await optionId(client, ids.amocrmConnectionId, 'pipelines', 'Продажи');
  const projectId = await optionId(client, ids.lptrackerConnectionId, 'projects', 'Мой сайт');
  return {
    ...ids,
    pipelineId,
    statusId: await optionId(client, ids.amocrmConnectionId, 'statuses', amoStatus, { pipelineId: String(pipelineId) }),
    cityField: 'Город',
    city: 'Краснодар',
    projectId,
    stageId: await optionId(client, ids.lptrackerConnectionId, 'stages', 'Новый лид', { projectId: String(projectId) }),
    fields: { Город: '{{trigger.lead.fields.Город}}', 'ID сделки AmoCRM': '{{trigger.lead.id}}', 'Источник AmoCRM': '{{trigger.lead.pipeline_name}}' },
  };
}

/** The params of «Отказ в LPTracker → сделка AmoCRM в "Закрыто и не реализовано"». */
export async function reverseParams(client: HttpTestClient, ids: FlagshipIds) {
  const projectId = await optionId(client, ids.lptrackerConnectionId, 'projects', 'Мой сайт');
  return {
    ...ids,
    projectId,
    stageId: await optionId(client, ids.lptrackerConnectionId, 'stages', 'Отказ', { projectId: String(projectId) }),
    pipelineId: await optionId(client, ids.amocrmConnectionId, 'pipelines', 'Продажи'),
  };
}

/** The user's AmoCRM connection (a long-lived token of the simulator). */
export function connectAmo(client: HttpTestClient, sim: { subdomain: string; url: string; issueLongLivedToken(): string }) {
  return connect(client, 'amocrm', 'AmoCRM', { authType: 'token', subdomain: sim.subdomain, accessToken: sim.issueLongLivedToken(), baseUrl: sim.url });
}

/** The admin binds LPTracker to the tenant. */
export async function bindLpt(admin: HttpTestClient, tenantId: string, sim: { url: string; login: string; password: string }): Promise<string> {
  const res = await admin.put(`/api/admin/tenants/${tenantId}/lptracker`, { login: sim.login, password: sim.password, service: 'Интеграция', baseUrl: sim.url });
  if (res.status !== 201 && res.status !== 200) throw new Error(`bind LPTracker: ${res.status} ${res.text}`);
  return res.body.id as string;
}
