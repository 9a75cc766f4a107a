import type { MikroORM } from '@mikro-orm/postgresql';
import type { Graph } from '../../graph/graph.schema.ts';
import type { GraphIssue } from '../../graph/graph-issues.ts';
import { findTrigger } from '../../graph/traversal.ts';
import type { PluginRegistry } from '../../plugins/plugin-registry.ts';
import type { ActiveTrigger } from '../../sdk/connection.ts';
import { AppError, coerceError, UserError } from '../../sdk/errors.ts';
import type { OpLog } from '../logs/op-log.service.ts';
import { Workflow, WorkflowVersion } from '../workflows/workflow.entity.ts';
import { Connection } from './connection.entity.ts';
import type { ConnectionRuntime } from './connection-runtime.ts';

const nodeConnectionId = (props: Record<string, unknown>) =>
  typeof props.connectionId === 'string' && props.connectionId !== '' ? props.connectionId : null;

/**
 * Rules and connections together: which connection a rule's trigger listens on, the remote
 * webhook subscription that follows the active rules, and the publish-time check that every
 * node's connection exists and works.
 */
export function createConnectionWebhooks(deps: { orm: MikroORM; registry: PluginRegistry; runtime: ConnectionRuntime; opLog: OpLog }) {
  const { orm, registry } = deps;

  /** The connection a graph's trigger listens on, when its plugin has connections. */
  function triggerConnectionOf(graph: Graph): string | null {
    const trigger = findTrigger(graph, registry.catalog);
    if (!trigger || !registry.get(trigger.type, trigger.version)?.plugin.connection) return null;
    return nodeConnectionId(trigger.props);
  }

  async function activeTriggers(tenantId: string, connectionId: string): Promise<ActiveTrigger[]> {
    const em = orm.em.fork();
    const workflows = await em.find(Workflow, { tenantId, triggerConnectionId: connectionId, status: 'active' }, { fields: ['id', 'activeVersionId'] });
    const versions = await em.find(WorkflowVersion, { id: { $in: workflows.map((w) => w.activeVersionId!).filter(Boolean) } });
    return versions.flatMap((v) => {
      const trigger = findTrigger(v.graph, registry.catalog);
      return trigger ? [{ workflowId: v.workflowId, type: trigger.type, props: trigger.props }] : [];
    });
  }

  /**
   * Brings the remote subscription of a connection in line with its active rules. `strict`:
   * a failure is thrown (activation is refused); otherwise it is written to the operation log.
   */
  async function sync(tenantId: string, connectionId: string | null, strict: boolean): Promise<void> {
    if (!connectionId) return;
    const conn = await orm.em.fork().findOne(Connection, { id: connectionId, tenant: tenantId });
    const def = conn && registry.plugin(conn.plugin)?.connection;
    if (!conn || !def?.webhooks) return;
    try {
      const ctx = await deps.runtime.freshContextOf(conn);
      if (!ctx.hookUrl) return;
      await def.webhooks.sync(ctx, { hookUrl: ctx.hookUrl, triggers: await activeTriggers(tenantId, connectionId) });
    } catch (err) {
      const reason = err instanceof AppError ? err.message : coerceError(err).message;
      const message = `Не удалось обновить подписку на вебхуки подключения «${conn.name}»: ${reason}`;
      if (strict) throw new UserError('WEBHOOK_SUBSCRIBE_FAILED', message, { cause: err });
      await deps.opLog.write({ tenantId, level: 'warn', source: 'connection', message, context: { connectionId } });
    }
  }

  /** Each node's chosen connection must exist and work before a version goes live. */
  async function checkGraph(tenantId: string, graph: Graph): Promise<GraphIssue[]> {
    const issues: GraphIssue[] = [];
    const em = orm.em.fork();
    for (const node of graph.nodes) {
      const registered = registry.get(node.type, node.version);
      const connectionId = nodeConnectionId(node.props);
      if (!registered?.plugin.connection || !connectionId) continue;
      const conn = await em.findOne(Connection, { id: connectionId, tenant: tenantId, plugin: registered.plugin.id });
      const where = { nodeId: node.id, path: 'connectionId' };
      const title = node.label?.trim() || registered.def.title;
      if (!conn) issues.push({ code: 'CONNECTION_MISSING', severity: 'error', message: `Шаг «${title}»: выбранное подключение удалено — выберите другое`, ...where });
      else if (conn.status === 'pending') issues.push({ code: 'CONNECTION_NOT_AUTHORIZED', severity: 'error', message: `Шаг «${title}»: подключение «${conn.name}» ещё не авторизовано — завершите вход в «Настройках»`, ...where });
      else if (conn.status === 'error') issues.push({ code: 'CONNECTION_BROKEN', severity: 'error', message: `Шаг «${title}»: подключение «${conn.name}» не работает: ${conn.lastError ?? 'проверка не прошла'}`, ...where });
    }
    return issues;
  }

  return { triggerConnectionOf, activeTriggers, sync, checkGraph };
}

export type ConnectionWebhooks = ReturnType<typeof createConnectionWebhooks>;
