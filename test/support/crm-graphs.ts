import type { Graph } from '../../core/graph/graph.schema.ts';
import type { HttpTestClient } from './http-client.ts';

/** Creates a connection and expects it to pass its test. */
export async function connect(client: HttpTestClient, plugin: string, name: string, credentials: Record<string, unknown>) {
  const res = await client.post('/api/connections', { plugin, name, credentials });
  if (res.status !== 201 || res.body.status !== 'ok') throw new Error(`connect ${plugin}: ${res.status} ${res.text}`);
  return res.body as { id: string; hookUrl: string; account: string };
}

/** Option value by its label, from the connection's dynamic lists. */
export async function optionId(client: HttpTestClient, connectionId: string, source: string, label: string, query: Record<string, string> = {}) {
  const res = await client.get(`/api/connections/${connectionId}/options/${source}?${new URLSearchParams(query)}`);
  const item = (res.body.items as { value: string | number; label: string }[]).find((i) => i.label === label);
  if (!item) throw new Error(`no «${label}» in ${source}: ${res.text}`);
  return item.value;
}

/**
 * The flagship AmoCRM rule: «статус сделки изменён в воронке "Продажи" (на `statusId`) И Город =
 * Краснодар → примечание в сделке».
 */
export function amoStatusToNote(connectionId: string, pipelineId: string | number, statusId: string | number, text: string): Graph {
  return {
    schemaVersion: 1,
    nodes: [
      { id: 't', type: 'amocrm.lead_status_changed', version: 1, position: { x: 0, y: 0 }, props: { connectionId, pipelineId, statusId } },
      { id: 'c', type: 'logic.condition', version: 1, position: { x: 260, y: 0 }, props: { group: { match: 'all', rules: [{ left: '{{trigger.lead.fields.Город}}', op: 'eq', right: 'Краснодар' }] } } },
      { id: 'n', type: 'amocrm.add_note', version: 1, position: { x: 520, y: 0 }, props: { connectionId, leadId: '{{trigger.lead.id}}', noteType: 'common', text } },
    ],
    edges: [
      { id: 'e1', source: 't', sourceHandle: 'out', target: 'c', targetHandle: 'in' },
      { id: 'e2', source: 'c', sourceHandle: 'true', target: 'n', targetHandle: 'in' },
    ],
  };
}
