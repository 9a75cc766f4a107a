/**
 * Terminology.
 * - workflow: a user's rule, a graph of nodes; published versions are immutable.
 * - node: one box of the graph, an instance of a node type (`<plugin>.<node>`) with props.
 * - run: one execution of a workflow version for one inbound event.
 * - step: the execution of one node within a run (persisted with input, output, error).
 * - trigger: the node that decides whether an inbound event starts a run.
 * - connection: a tenant's credentials for a plugin's remote service (encrypted at rest).
 *
 * The context is a plugin's only door to the core.
 */
import type { z } from 'zod';
import type { ConnectionContext } from './connection.ts';

export type { HttpClient, HttpRequest, HttpResponse, KvStore, Logger } from './io.ts';
import type { HttpClient, KvStore, Logger } from './io.ts';

export interface RunInfo {
  runId: string;
  workflowId: string;
  tenantId: string;
  nodeId: string;
  /** 1 on the first try of this step. */
  attempt: number;
}

export interface ActionContext<P = Record<string, unknown>, C = Record<string, unknown>> {
  /** Props with templates already resolved against the run data. */
  props: P;
  /** The run data so far: `trigger` and every finished node's output by node id. */
  input: Record<string, unknown>;
  /** Credentials of the connection chosen in the node (current, after any refresh); null when none. */
  connection: Readonly<C> | null;
  /**
   * The remote account of that connection: its rate-limited `http`, state, metadata and
   * credential refresh (see ConnectionContext); null when the node has no connection.
   */
  remote: ConnectionContext<C> | null;
  http: HttpClient;
  store: KvStore;
  logger: Logger;
  signal: AbortSignal;
  /** Test run: read freely, but describe writes instead of performing them. */
  dryRun: boolean;
  run: RunInfo;
  /** Stable across retries of this step: use it as an idempotency key for remote writes. */
  idempotencyKey: string;
  /** Cross-system links of the run's source entity (see EntityLinks). */
  links: EntityLinksApi;
}

/**
 * When a run creates, in this plugin's system, the counterpart of the entity its trigger is about
 * (an LPTracker lead for an AmoCRM lead), `add` keeps the pair; later rules read it as
 * `{{trigger.links.<system>.<type>}}`. Does nothing in a dry run or when the trigger has no entity.
 */
export interface EntityLinksApi {
  add(created: { type: string; id: string | number }): Promise<void>;
}

/**
 * A condition sees its props as configured (validated, templates NOT resolved) and the run data:
 * rules are evaluated against the data, so a field missing from a webhook is simply empty.
 */
export interface ConditionContext<P = Record<string, unknown>> {
  props: P;
  /** The run data so far: `trigger` and every finished node's output by node id. */
  input: Record<string, unknown>;
}

/** An inbound request turned into an event by a webhook parser. */
export interface NormalizedEvent {
  /** e.g. `webhook.request`, `amocrm.lead_status_changed`. */
  type: string;
  /** What `{{trigger.…}}` resolves against. */
  data: Record<string, unknown>;
  /** Declared by the parser when the remote side has a natural identity for the event. */
  dedupeKey?: string;
  /** The remote entity the event is about (its id in the plugin's system), for cross-system links. */
  entity?: { type: string; id: string };
}

export interface InboundRequest {
  method: string;
  headers: Record<string, string>;
  query: Record<string, string>;
  body: unknown;
  rawBody: string;
  contentType: string;
}

export type Infer<S> = S extends z.ZodType ? z.infer<S> : never;
