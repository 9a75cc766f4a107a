import type { z } from 'zod';
import type { DynamicOutputs, PortSpec } from '../graph/node-catalog.ts';
import type { ActionContext, ConditionContext, InboundRequest, NormalizedEvent } from './context.ts';
import type { ConnectionContext, ConnectionDefinition } from './connection.ts';
import type { TemplateDefinition } from './template.ts';

export type { ConnectionDefinition } from './connection.ts';

interface NodeBase<S extends z.ZodType> {
  /** Unique within the plugin, snake_case: the type is `<plugin>.<id>`. */
  id: string;
  /** Bumped on breaking changes of props or output; stored graphs pin it. Default 1. */
  version?: number;
  title: string;
  description: string;
  /** One schema: validates stored props, types `ctx.props`, exported as JSON Schema to the editor. */
  props: S;
  /** An example output, shown in the editor's field picker before any run. */
  sample?: unknown;
}

export interface TriggerDefinition<S extends z.ZodType = z.ZodType> extends NodeBase<S> {
  kind: 'trigger';
  /** Event types this trigger listens to. */
  events: string[];
  /** Whether an event starts a run of a workflow whose trigger has these props. */
  match(event: NormalizedEvent, props: z.infer<S>): boolean;
  /** The trigger's output for a matching event (default: `event.data`). */
  output?(event: NormalizedEvent, props: z.infer<S>): unknown;
  /**
   * Checks done at ingest time without any external call (e.g. a shared-secret header).
   * Throwing a UserError rejects the request.
   */
  verify?(request: InboundRequest, props: z.infer<S>): void;
  /**
   * A key that identifies the same remote event across deliveries (e.g. a lead id + status);
   * two requests with one key within the dedupe window make one run. Default: the raw body.
   */
  dedupeKey?(request: InboundRequest, props: z.infer<S>): string | undefined;
  /**
   * Names of request headers that carry a secret for these props (e.g. a shared-secret header):
   * `verify` sees them, but the stored event (and so trigger outputs, runs and steps) holds them
   * masked. Headers named like credentials (Authorization, *token*, *secret*…) are masked anyway.
   */
  secretHeaders?(props: z.infer<S>): string[];
  /** Query keys that carry a secret, as `secretHeaders`; keys such as `api_token` or `key` are masked anyway. */
  secretQuery?(props: z.infer<S>): string[];
  /**
   * Completes the trigger's output with what the event does not carry (e.g. a lead's contacts),
   * through the connection. Runs as the first part of the run, retried like an action; its
   * result is stored with the trigger step, so it runs once per run.
   */
  enrich?(ctx: { props: z.infer<S>; output: unknown; remote: ConnectionContext<any>; dryRun: boolean }): Promise<unknown>;
}

export interface ConditionDefinition<S extends z.ZodType = z.ZodType> extends NodeBase<S> {
  kind: 'condition';
  outputs: PortSpec[];
  dynamicOutputs?: DynamicOutputs;
  /** Returns the id of the output port to follow, or null to stop this branch. No side effects. */
  evaluate(ctx: ConditionContext<z.infer<S>>): string | null;
}

export interface ActionDefinition<S extends z.ZodType = z.ZodType> extends NodeBase<S> {
  kind: 'action';
  /** Adds an `error` output: a UserError then follows it instead of failing the run. */
  errorOutput?: boolean;
  /** Needs the plugin's connection. */
  needsConnection?: boolean;
  run(ctx: ActionContext<z.infer<S>>): Promise<unknown>;
  /**
   * The run's one-line result in «Логи» when this action was its last, in business words
   * («лид создан: 12345»). Default: the output's id, or «выполнено».
   */
  summarize?(output: any, props: z.infer<S>): string | null;
}

export type NodeDefinition = TriggerDefinition<any> | ConditionDefinition<any> | ActionDefinition<any>;

export interface WebhookParser {
  /**
   * Turns a raw inbound request into events; throws UserError for malformed input. For a
   * connection's webhook address, `metadata` is the connection's cached metadata (if loaded).
   */
  parse(request: InboundRequest, ctx?: { metadata?: unknown }): NormalizedEvent[];
}

/** A running fake of a plugin's remote API (its own admin API is plugin-specific). */
export interface SimulatorHandle {
  /** Base URL to give the connection (`baseUrl`). */
  url: string;
  close(): Promise<void>;
}

export interface SimulatorDefinition<H extends SimulatorHandle = SimulatorHandle> {
  /** Starts the fake on 127.0.0.1 (port 0 unless given). */
  start(options?: Record<string, unknown>): Promise<H>;
}

export interface PluginDefinition<H extends SimulatorHandle = SimulatorHandle> {
  /** snake_case, unique. */
  id: string;
  title: string;
  description: string;
  version: string;
  connection?: ConnectionDefinition<any>;
  webhook?: WebhookParser;
  nodes: NodeDefinition[];
  /** How the service names its record types in Russian (`{ lead: 'сделка' }`), for «Логи». */
  entityTitles?: Record<string, string>;
  /** Ready rules offered in «Создать из шаблона». */
  templates?: TemplateDefinition<any>[];
  /** The plugin's fake remote API, used by tests, benchmarks and `npm run demo`. */
  simulator?: SimulatorDefinition<H>;
}

export function defineTrigger<S extends z.ZodType>(def: Omit<TriggerDefinition<S>, 'kind'>): TriggerDefinition<S> {
  return Object.freeze({ version: 1, ...def, kind: 'trigger' as const });
}

export function defineCondition<S extends z.ZodType>(def: Omit<ConditionDefinition<S>, 'kind'>): ConditionDefinition<S> {
  return Object.freeze({ version: 1, ...def, kind: 'condition' as const });
}

export function defineAction<S extends z.ZodType>(def: Omit<ActionDefinition<S>, 'kind'>): ActionDefinition<S> {
  return Object.freeze({ version: 1, ...def, kind: 'action' as const });
}

export function defineConnection<S extends z.ZodType, M = any>(def: ConnectionDefinition<S, M>): ConnectionDefinition<S, M> {
  return Object.freeze(def);
}

export function definePlugin<H extends SimulatorHandle = SimulatorHandle>(def: PluginDefinition<H>): PluginDefinition<H> {
  return Object.freeze(def);
}
