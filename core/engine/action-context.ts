import type pg from 'pg';
import type { Logger } from 'pino';
import type { GraphNode } from '../graph/graph.schema.ts';
import type { ConnectionService } from '../modules/connections/connection.service.ts';
import { createHttpClient } from '../plugins/http-client.ts';
import type { RegisteredNode } from '../plugins/plugin-registry.ts';
import type { ActionContext, KvStore } from '../sdk/context.ts';
import { UserError } from '../sdk/errors.ts';

export interface ActionContextDeps {
  pool: pg.Pool;
  logger: Logger;
  connections: ConnectionService;
}

/** A small key-value store per workflow (e.g. the id of a webhook registered remotely). */
export function createWorkflowKv(pool: pg.Pool, workflowId: string): KvStore {
  return {
    async get<T>(key: string) {
      const { rows } = await pool.query('select value from workflow_kv where workflow_id = $1 and key = $2', [workflowId, key]);
      return rows[0]?.value as T | undefined;
    },
    async put(key, value) {
      await pool.query(
        `insert into workflow_kv (workflow_id, key, value) values ($1, $2, $3)
         on conflict (workflow_id, key) do update set value = excluded.value`,
        [workflowId, key, JSON.stringify(value ?? null)],
      );
    },
    async delete(key) {
      await pool.query('delete from workflow_kv where workflow_id = $1 and key = $2', [workflowId, key]);
    },
  };
}

/** A KV for dry runs: reads see nothing written, writes go nowhere. */
const dryKv: KvStore = { get: async () => undefined, put: async () => {}, delete: async () => {} };

export function actionContextFactory(deps: ActionContextDeps, run: { runId: string; workflowId: string; tenantId: string; dryRun: boolean; signal: AbortSignal }) {
  const http = createHttpClient({ signal: run.signal });
  const kv = run.dryRun ? dryKv : createWorkflowKv(deps.pool, run.workflowId);
  return async (node: GraphNode, registered: RegisteredNode, props: unknown, scope: Record<string, unknown>, attempt: number): Promise<ActionContext> => {
    let connection: Record<string, unknown> | null = null;
    if (registered.def.kind === 'action' && registered.def.needsConnection) {
      connection = await deps.connections.credentialsFor(run.tenantId, registered.plugin.id);
      if (!connection) {
        throw new UserError('CONNECTION_MISSING', `Нет подключения «${registered.plugin.title}»: добавьте его в настройках`);
      }
    }
    return {
      props: props as Record<string, unknown>,
      input: scope,
      connection,
      http,
      store: kv,
      logger: deps.logger.child({ runId: run.runId, nodeId: node.id, nodeType: node.type }),
      signal: run.signal,
      dryRun: run.dryRun,
      run: { runId: run.runId, workflowId: run.workflowId, tenantId: run.tenantId, nodeId: node.id, attempt },
      idempotencyKey: `${run.runId}:${node.id}`,
    };
  };
}
