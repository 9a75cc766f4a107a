import type pg from 'pg';
import type { Logger } from 'pino';
import type { GraphNode } from '../graph/graph.schema.ts';
import type { ConnectionRuntime } from '../modules/connections/connection-runtime.ts';
import type { ConnectionContext } from '../sdk/connection.ts';
import type { EntityLinks, EntityRef } from '../modules/links/entity-links.service.ts';
import { createHttpClient } from '../plugins/http-client.ts';
import type { RegisteredNode } from '../plugins/plugin-registry.ts';
import type { ActionContext, KvStore } from '../sdk/context.ts';
import { OperationalError, UserError } from '../sdk/errors.ts';
import { storableJson } from '../db/storable.ts';
import type { EgressPolicy } from '../net/egress-policy.ts';

export interface ActionContextDeps {
  pool: pg.Pool;
  links: EntityLinks;
  egress: EgressPolicy;
  connectionRuntime: ConnectionRuntime;
  logger: Logger;
}

/**
 * A small key-value store per workflow (e.g. the id of a webhook registered remotely). A plugin
 * sees a database failure here as a transient error of its step, so the run is retried.
 */
export function createWorkflowKv(pool: pg.Pool, workflowId: string): KvStore {
  const guard = async <T,>(fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (err) {
      throw new OperationalError('STORE_UNAVAILABLE', 'Хранилище правила временно недоступно', { cause: err });
    }
  };
  return {
    get: <T,>(key: string) => guard(async () => {
      const { rows } = await pool.query('select value from workflow_kv where workflow_id = $1 and key = $2', [workflowId, key]);
      return rows[0]?.value as T | undefined;
    }),
    put: (key, value) => guard(async () => {
      await pool.query(
        `insert into workflow_kv (workflow_id, key, value) values ($1, $2, $3)
         on conflict (workflow_id, key) do update set value = excluded.value`,
        [workflowId, key, storableJson(value ?? null)],
      );
    }),
    delete: (key) => guard(async () => {
      await pool.query('delete from workflow_kv where workflow_id = $1 and key = $2', [workflowId, key]);
    }),
  };
}

/** A KV for dry runs: reads see nothing written, writes go nowhere. */
const dryKv: KvStore = { get: async () => undefined, put: async () => {}, delete: async () => {} };

/**
 * The connection a node uses is the one its `connectionId` prop names, of this tenant and this
 * plugin only: a tenant with two AmoCRM accounts picks one per node. A node that can run without
 * one (an optional connection prop) gets it when one is chosen. Triggers use it to enrich their
 * output (e.g. load a lead's contacts).
 */
export async function nodeRemote(deps: ActionContextDeps, tenantId: string, registered: RegisteredNode, props: unknown, signal: AbortSignal): Promise<ConnectionContext<any> | null> {
  if (!registered.plugin.connection) return null;
  const connectionId = (props as { connectionId?: unknown }).connectionId;
  const chosen = typeof connectionId === 'string' && connectionId !== '';
  const required = (registered.def.kind === 'action' && registered.def.needsConnection) || (registered.def.kind === 'trigger' && Boolean(registered.def.enrich));
  if (!required && !chosen) return null;
  if (!chosen) {
    throw new UserError('CONNECTION_NOT_SELECTED', `В шаге «${registered.def.title}» не выбрано подключение «${registered.plugin.title}»: выберите его в настройках шага`);
  }
  const remote = await deps.connectionRuntime.contextForNode(tenantId, registered.plugin.id, connectionId as string, { signal });
  if (!remote) {
    throw new UserError('CONNECTION_MISSING', `Подключение «${registered.plugin.title}», выбранное в шаге «${registered.def.title}», удалено или недоступно: выберите другое в настройках шага`);
  }
  return remote;
}

export function actionContextFactory(deps: ActionContextDeps, run: { runId: string; workflowId: string; tenantId: string; dryRun: boolean; signal: AbortSignal }) {
  const http = createHttpClient({ egress: deps.egress, signal: run.signal });
  const kv = run.dryRun ? dryKv : createWorkflowKv(deps.pool, run.workflowId);
  const factory = async (node: GraphNode, registered: RegisteredNode, props: unknown, scope: Record<string, unknown>, attempt: number): Promise<ActionContext> => {
    const remote = await nodeRemote(deps, run.tenantId, registered, props, run.signal);
    return {
      props: props as Record<string, unknown>,
      input: scope,
      connection: remote?.credentials ?? null,
      remote,
      http,
      store: kv,
      logger: deps.logger.child({ runId: run.runId, nodeId: node.id, nodeType: node.type }),
      signal: run.signal,
      dryRun: run.dryRun,
      run: { runId: run.runId, workflowId: run.workflowId, tenantId: run.tenantId, nodeId: node.id, attempt },
      idempotencyKey: `${run.runId}:${node.id}`,
      links: {
        async add(created) {
          const source = (scope.trigger as { entity?: EntityRef } | null)?.entity;
          if (run.dryRun || !source?.system) return;
          await deps.links.link(run.tenantId, source, { system: registered.plugin.id, type: created.type, id: String(created.id) }, run.runId);
        },
      },
    };
  };
  return Object.assign(factory, {
    remote: (registered: RegisteredNode, props: unknown) => nodeRemote(deps, run.tenantId, registered, props, run.signal),
    dryRun: run.dryRun,
  });
}

/** `enrich` of a trigger, with the connection its props choose (see execute-graph.ts). */
export function triggerEnricher(deps: ActionContextDeps, tenantId: string, dryRun: boolean, signal: AbortSignal) {
  return async (node: GraphNode, registered: RegisteredNode, output: unknown): Promise<unknown> => {
    if (registered.def.kind !== 'trigger' || !registered.def.enrich) return output;
    const props = registered.def.props.parse(node.props);
    const remote = await nodeRemote(deps, tenantId, registered, props, signal);
    return registered.def.enrich({ props, output, remote: remote!, dryRun });
  };
}
