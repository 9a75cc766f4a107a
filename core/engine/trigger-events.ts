import type { Graph, GraphNode } from '../graph/graph.schema.ts';
import { findTrigger } from '../graph/traversal.ts';
import type { PluginRegistry, RegisteredNode } from '../plugins/plugin-registry.ts';
import type { InboundRequest, NormalizedEvent } from '../sdk/context.ts';
import type { TriggerDefinition } from '../sdk/define.ts';
import { UserError } from '../sdk/errors.ts';

export interface StoredRequest {
  method: string;
  content_type: string;
  headers: Record<string, string>;
  query: Record<string, string>;
  body: unknown;
}

export interface ResolvedTrigger {
  node: GraphNode;
  registered: RegisteredNode;
  def: TriggerDefinition;
  props: Record<string, unknown>;
}

export function resolveTrigger(graph: Graph, registry: PluginRegistry): ResolvedTrigger {
  const node = findTrigger(graph, registry.catalog);
  const registered = node && registry.get(node.type, node.version);
  if (!node || !registered || registered.def.kind !== 'trigger') throw new UserError('GRAPH_NO_TRIGGER', 'В опубликованной версии правила нет триггера');
  const parsed = registered.def.props.safeParse(node.props);
  if (!parsed.success) throw new UserError('PROPS_INVALID', 'Неверные настройки триггера');
  return { node, registered, def: registered.def, props: parsed.data as Record<string, unknown> };
}

export function toInboundRequest(req: StoredRequest): InboundRequest {
  return {
    method: req.method,
    headers: req.headers ?? {},
    query: req.query ?? {},
    body: req.body,
    rawBody: typeof req.body === 'string' ? req.body : JSON.stringify(req.body ?? null),
    contentType: req.content_type,
  };
}

const genericParse = (req: InboundRequest): NormalizedEvent[] => [
  { type: 'webhook.request', data: { method: req.method, body: req.body, headers: req.headers, query: req.query } },
];

export interface TriggerHit {
  output: unknown;
  /** The remote entity the event is about, in the trigger plugin's system (for cross-system links). */
  entity?: { system: string; type: string; id: string };
}

/** The trigger outputs an inbound request produces: one per parsed event the trigger accepts. */
export function triggerHits(trigger: ResolvedTrigger, request: InboundRequest, metadata?: unknown): TriggerHit[] {
  const plugin = trigger.registered.plugin;
  const parse = plugin.webhook?.parse ?? genericParse;
  const events = parse(request, { metadata });
  return events
    .filter((ev) => trigger.def.events.includes(ev.type) && trigger.def.match(ev, trigger.props))
    .map((ev) => ({
      output: trigger.def.output ? trigger.def.output(ev, trigger.props) : ev.data,
      ...(ev.entity ? { entity: { system: plugin.id, type: ev.entity.type, id: String(ev.entity.id) } } : {}),
    }));
}

export const triggerOutputs = (trigger: ResolvedTrigger, request: InboundRequest, metadata?: unknown): unknown[] =>
  triggerHits(trigger, request, metadata).map((h) => h.output);
