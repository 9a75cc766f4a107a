import type { Graph } from '../../core/graph/graph.schema.ts';
import type { HttpTestClient } from './http-client.ts';

/** webhook → condition (city = Краснодар) → yes: HTTP request to `url`. */
export function webhookConditionHttp(url: string, extra: { secretHeader?: string; secretValue?: string; dedupeBy?: string } = {}): Graph {
  return {
    schemaVersion: 1,
    nodes: [
      { id: 'n1', type: 'webhook.catch', version: 1, position: { x: 0, y: 0 }, props: { secretHeader: '', secretValue: '', dedupeBy: '', ...extra } },
      {
        id: 'n2', type: 'logic.condition', version: 1, position: { x: 250, y: 0 },
        props: { group: { match: 'all', rules: [{ left: '{{trigger.body.lead.city}}', op: 'eq', right: 'Краснодар', caseInsensitive: true }] } },
      },
      {
        id: 'n3', type: 'http.request', version: 1, position: { x: 500, y: 0 },
        props: { method: 'POST', url, headers: { 'x-test': '1' }, body: '{"name": "{{trigger.body.lead.name}}", "phone": "{{trigger.body.lead.phone | phone}}"}', timeoutMs: 5000 },
      },
    ],
    edges: [
      { id: 'e1', source: 'n1', sourceHandle: 'out', target: 'n2', targetHandle: 'in' },
      { id: 'e2', source: 'n2', sourceHandle: 'true', target: 'n3', targetHandle: 'in' },
    ],
  };
}

/** Creates, publishes and activates a workflow; returns its id and webhook path. */
export async function activeWorkflow(client: HttpTestClient, graph: Graph, name = 'Правило'): Promise<{ id: string; hookPath: string; hookUrl: string }> {
  const created = await client.post('/api/workflows', { name, graph });
  if (created.status !== 201) throw new Error(`create ${created.status} ${created.text}`);
  const id = created.body.id as string;
  const pub = await client.post(`/api/workflows/${id}/publish`);
  if (pub.status !== 200) throw new Error(`publish ${pub.status} ${pub.text}`);
  const act = await client.post(`/api/workflows/${id}/activate`);
  if (act.status !== 200) throw new Error(`activate ${act.status} ${act.text}`);
  const hookUrl = act.body.hookUrl as string;
  return { id, hookUrl, hookPath: new URL(hookUrl).pathname };
}
