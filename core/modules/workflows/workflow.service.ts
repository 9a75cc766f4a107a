/**
 * Workflows («правила»): the draft graph, immutable published versions, activation and the
 * webhook endpoint. Writes go through the entities; every query is scoped by tenant.
 */
import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { LockMode, type EntityManager, type MikroORM } from '@mikro-orm/postgresql';
import type pg from 'pg';
import type { Config } from '../../../config/config.schema.ts';
import { emptyGraph, type Graph } from '../../graph/graph.schema.ts';
import { findTrigger } from '../../graph/traversal.ts';
import { validateGraph } from '../../graph/validate-graph.ts';
import type { PluginRegistry } from '../../plugins/plugin-registry.ts';
import { secretAad, type SecretBox } from '../../crypto/secret-box.ts';
import { maskSecretProps, resealSecretProps, sealSecretProps, stripSecretProps } from '../../plugins/secret-props.ts';
import { NotFoundError, UserError } from '../../sdk/errors.ts';
import type { OpLog } from '../logs/op-log.service.ts';
import type { ConnectionWebhooks } from '../connections/connection-webhooks.ts';
import { newHookToken } from './hook-token.ts';
import { createWorkflowVersions } from './workflow-versions.ts';
import { parseImport, toExport, type WorkflowExport } from './workflow-export.ts';
import { HookEndpoint, Workflow, WorkflowVersion, type IWorkflow } from './workflow.entity.ts';
import { selectWorkflows, toSummary, type WorkflowRow, type WorkflowStatus, type WorkflowSummary, type WorkflowView } from './workflow-summary.sql.ts';

export interface WorkflowInput {
  name: string;
  description?: string;
  graph?: Graph;
  maxAttempts?: number;
}

export interface WorkflowListFilters {
  search?: string;
  status?: WorkflowStatus;
  limit: number;
  offset: number;
}

const notFound = () => new NotFoundError('Правило не найдено', 'WORKFLOW_NOT_FOUND');

export function createWorkflowService(deps: { pool: pg.Pool; orm: MikroORM; config: Config; registry: PluginRegistry; opLog: OpLog; secretBox: SecretBox; connectionHooks: ConnectionWebhooks }) {
  const hooks = deps.connectionHooks;
  const { pool, orm, config, registry, opLog, secretBox } = deps;
  const catalog = registry.catalog;
  const log = (tenantId: string, workflowId: string, message: string, context: Record<string, unknown> = {}) =>
    opLog.write({ tenantId, level: 'info', source: 'workflow', message, workflowId, context: { workflowId, ...context } });
  const triggerTypeOf = (graph: Graph) => findTrigger(graph, catalog)?.type ?? null;
  // Every graph written goes through here: shared secrets in props are kept only as hashes, other
  // secret props encrypted for this rule; a mask sent back keeps the value stored before.
  const storable = (graph: Graph, tenantId: string, workflowId: string, stored: Graph | null = null) =>
    sealSecretProps(graph, catalog, { box: secretBox, aad: secretAad(tenantId, workflowId), stored });

  async function find(em: EntityManager, tenantId: string, id: string, lock = false): Promise<IWorkflow> {
    const w = await em.findOne(Workflow, { id, tenantId }, lock ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {});
    if (!w) throw notFound();
    return w;
  }

  async function list(tenantId: string, f: WorkflowListFilters): Promise<{ items: WorkflowSummary[]; total: number }> {
    const where = ['w.tenant_id = $1'];
    const args: unknown[] = [tenantId];
    if (f.search?.trim()) {
      args.push(`%${f.search.trim().replace(/[\\%_]/g, '\\$&')}%`);
      where.push(`w.name ilike $${args.length}`);
    }
    if (f.status) {
      args.push(f.status);
      where.push(`w.status = $${args.length}`);
    }
    const cond = where.join(' and ');
    const [items, total] = await Promise.all([
      pool.query<WorkflowRow>(`${selectWorkflows({ withGraph: false })} where ${cond} order by w.updated_at desc, w.id limit ${f.limit} offset ${f.offset}`, args),
      pool.query<{ n: number }>(`select count(*)::int as n from workflow w where ${cond}`, args),
    ]);
    return { items: items.rows.map((r) => toSummary(r, config.PUBLIC_URL)), total: total.rows[0]!.n };
  }

  async function get(tenantId: string, id: string): Promise<WorkflowView> {
    const { rows } = await pool.query<WorkflowRow>(`${selectWorkflows({ withGraph: true })} where w.tenant_id = $1 and w.id = $2`, [tenantId, id]);
    const row = rows[0];
    if (!row) throw notFound();
    return { ...toSummary(row, config.PUBLIC_URL), graph: maskSecretProps(row.graph!, catalog), validation: validateGraph(row.graph, catalog) };
  }

  /**
   * A new draft with its own webhook endpoint (create, duplicate and import all end here). The id is
   * chosen first: secret props are encrypted for it. `copiedFrom` is the rule whose ciphertexts the
   * graph holds (a duplicate).
   */
  async function insert(tenantId: string, userId: string | null, input: WorkflowInput, logMessage: (name: string) => string, copiedFrom?: string): Promise<WorkflowView> {
    const newId = randomUUID();
    let source = input.graph ?? emptyGraph();
    if (copiedFrom) source = resealSecretProps(source, catalog, secretBox, secretAad(tenantId, copiedFrom), secretAad(tenantId, newId));
    const graph = storable(source, tenantId, newId);
    const id = await orm.em.fork().transactional(async (em) => {
      const w = em.create(Workflow, {
        id: newId, tenantId, name: input.name, description: input.description ?? '', graph, triggerType: triggerTypeOf(graph),
        maxAttempts: input.maxAttempts ?? config.RUN_MAX_ATTEMPTS, createdBy: userId,
      });
      await em.flush();
      em.create(HookEndpoint, { tenantId, workflowId: w.id, token: newHookToken() });
      return w.id;
    });
    await log(tenantId, id, logMessage(input.name));
    return get(tenantId, id);
  }

  const create = (tenantId: string, userId: string | null, input: WorkflowInput) =>
    insert(tenantId, userId, input, (name) => `Создано правило «${name}»`);

  /**
   * Saves the draft. A well-formed but invalid graph is saved anyway (the editor shows the issues);
   * only a graph change counts as an unpublished change, and before the first publish the trigger
   * type follows the draft.
   */
  async function update(tenantId: string, id: string, input: Partial<WorkflowInput>): Promise<WorkflowView> {
    const em = orm.em.fork();
    const w = await find(em, tenantId, id);
    if (input.name !== undefined) w.name = input.name;
    if (input.description !== undefined) w.description = input.description;
    if (input.maxAttempts !== undefined) w.maxAttempts = input.maxAttempts;
    if (input.graph !== undefined) {
      const graph = storable(input.graph, tenantId, id, w.graph);
      if (!isDeepStrictEqual(graph, w.graph)) w.draftChangedAt = new Date();
      w.graph = graph;
      if (w.latestVersion === null || w.latestVersion === undefined) w.triggerType = triggerTypeOf(graph);
    }
    w.updatedAt = new Date();
    await em.flush();
    await log(tenantId, id, `Сохранено правило «${w.name}»`);
    return get(tenantId, id);
  }

  async function remove(tenantId: string, id: string): Promise<void> {
    const em = orm.em.fork();
    const w = await find(em, tenantId, id);
    // Versions, the hook endpoint, events and runs go with it (foreign keys cascade).
    await em.nativeDelete(Workflow, { id, tenantId });
    await log(tenantId, id, `Удалено правило «${w.name}»`);
    if (w.status === 'active') await hooks.sync(tenantId, w.triggerConnectionId ?? null, false);
  }

  /**
   * Freezes the draft as the next version. An active rule switches to it at once (it always runs
   * its newest version). A draft identical to the latest version publishes nothing new.
   */
  async function publish(tenantId: string, userId: string | null, id: string, opts: { quiet?: boolean } = {}) {
    // Each node's connection must exist and work: checked on the draft before anything is frozen.
    const connectionIssues = await hooks.checkGraph(tenantId, (await find(orm.em.fork(), tenantId, id)).graph);
    if (connectionIssues.length > 0) {
      throw new UserError('GRAPH_INVALID', `Правило нельзя опубликовать: ${connectionIssues[0]!.message}`, { details: { errors: connectionIssues } });
    }
    let previousConnection: string | null = null;
    const result = await orm.em.fork().transactional(async (em) => {
      // Locked for the transaction: publish and token rotation must not interleave.
      const w = await find(em, tenantId, id, true);
      const { errors } = validateGraph(w.graph, catalog);
      if (errors.length > 0) {
        throw new UserError('GRAPH_INVALID', `Правило нельзя опубликовать: ошибок в схеме — ${errors.length}. Исправьте их и повторите.`, { details: { errors } });
      }
      const prev = await em.findOne(WorkflowVersion, { workflowId: id, tenantId }, { orderBy: { version: 'desc' } });
      w.publishedAt = new Date();
      if (prev && isDeepStrictEqual(prev.graph, w.graph)) {
        return { created: false, name: w.name, version: { id: prev.id, version: prev.version, createdAt: prev.createdAt } };
      }
      const v = em.create(WorkflowVersion, { tenantId, workflowId: id, version: (prev?.version ?? 0) + 1, graph: w.graph, createdBy: userId });
      await em.flush();
      w.latestVersion = v.version;
      w.triggerType = triggerTypeOf(w.graph);
      w.updatedAt = new Date();
      if (w.status === 'active') {
        w.activeVersionId = v.id;
        previousConnection = w.triggerConnectionId ?? null;
        w.triggerConnectionId = hooks.triggerConnectionOf(v.graph);
      }
      return { created: true, active: w.status === 'active', connection: w.triggerConnectionId ?? null, name: w.name, version: { id: v.id, version: v.version, createdAt: v.createdAt } };
    });
    if (result.created && !opts.quiet) await log(tenantId, id, `Опубликована версия ${result.version.version} правила «${result.name}»`, { version: result.version.version });
    if ('active' in result && result.active) {
      // An active rule switched to the new version: its trigger may listen elsewhere now.
      if (previousConnection !== result.connection) await hooks.sync(tenantId, previousConnection, false);
      await hooks.sync(tenantId, result.connection, false);
    }
    return { version: result.version, workflow: await get(tenantId, id) };
  }

  /** Turns the rule on with its latest version; re-checked because plugins may have changed since publishing. */
  async function activate(tenantId: string, id: string): Promise<WorkflowView> {
    const version = await orm.em.fork().transactional(async (em) => {
      const w = await find(em, tenantId, id, true);
      if (w.latestVersion === null || w.latestVersion === undefined) throw new UserError('NOT_PUBLISHED', 'Сначала опубликуйте правило');
      const v = await em.findOneOrFail(WorkflowVersion, { workflowId: id, tenantId, version: w.latestVersion });
      const { errors } = validateGraph(v.graph, catalog);
      if (errors.length > 0) {
        throw new UserError('GRAPH_INVALID', `Версию ${w.latestVersion} нельзя включить: в ней есть ошибки (${errors.length}). Исправьте схему и опубликуйте заново.`, { details: { errors } });
      }
      const previous = w.status === 'active' ? (w.triggerConnectionId ?? null) : null;
      w.status = 'active';
      w.activeVersionId = v.id;
      w.triggerConnectionId = hooks.triggerConnectionOf(v.graph);
      w.updatedAt = new Date();
      return { number: w.latestVersion, name: w.name, connection: w.triggerConnectionId, previous };
    });
    try {
      // The remote side must send its events before the rule counts as on.
      await hooks.sync(tenantId, version.connection, true);
    } catch (err) {
      await orm.em.fork().nativeUpdate(Workflow, { id, tenantId }, { status: 'inactive', updatedAt: new Date() });
      throw err;
    }
    if (version.previous && version.previous !== version.connection) await hooks.sync(tenantId, version.previous, false);
    await log(tenantId, id, `Правило «${version.name}» включено (версия ${version.number})`, { version: version.number });
    return get(tenantId, id);
  }

  /** The ingest checks status, so active_version_id may stay for the record. A draft stays a draft. */
  async function deactivate(tenantId: string, id: string): Promise<WorkflowView> {
    const em = orm.em.fork();
    const w = await find(em, tenantId, id);
    if (w.status === 'active') {
      w.status = 'inactive';
      w.updatedAt = new Date();
      await em.flush();
      await log(tenantId, id, `Правило «${w.name}» выключено`);
      await hooks.sync(tenantId, w.triggerConnectionId ?? null, false);
    }
    return get(tenantId, id);
  }

  async function duplicate(tenantId: string, userId: string | null, id: string): Promise<WorkflowView> {
    const src = await find(orm.em.fork(), tenantId, id);
    const name = `${src.name} (копия)`.slice(0, 200);
    return insert(tenantId, userId, { name, description: src.description, graph: src.graph, maxAttempts: src.maxAttempts }, (n) => `Создано правило «${n}» (копия «${src.name}»)`, src.id);
  }

  async function exportOne(tenantId: string, id: string): Promise<WorkflowExport> {
    const w = await find(orm.em.fork(), tenantId, id);
    return toExport({ name: w.name, description: w.description, graph: stripSecretProps(w.graph, catalog) });
  }

  async function importOne(tenantId: string, userId: string | null, input: unknown): Promise<WorkflowView> {
    const data = parseImport(input);
    return insert(tenantId, userId, data, (name) => `Импортировано правило «${name}»`);
  }

  /** The old URL stops working at once: its endpoint row is revoked, not deleted (events keep their link). */
  async function regenerateHookToken(tenantId: string, id: string): Promise<WorkflowView> {
    const name = await orm.em.fork().transactional(async (em) => {
      const w = await find(em, tenantId, id, true);
      await em.nativeUpdate(HookEndpoint, { workflowId: id, tenantId, revokedAt: null }, { revokedAt: new Date() });
      em.create(HookEndpoint, { tenantId, workflowId: id, token: newHookToken() });
      w.updatedAt = new Date();
      return w.name;
    });
    await log(tenantId, id, `Для правила «${name}» выпущен новый адрес вебхука, старый отключён`);
    return get(tenantId, id);
  }

  /** The draft, for test runs (also proves the rule belongs to the tenant). */
  async function draftGraph(tenantId: string, id: string): Promise<Graph> {
    return (await find(orm.em.fork(), tenantId, id)).graph;
  }

  /**
   * The graph a test run executes, in stored form (the engine decrypts it): the draft, or the
   * editor's unsaved graph whose masked secrets are taken from the draft.
   */
  async function testRunGraph(tenantId: string, id: string, graph?: Graph): Promise<Graph> {
    const draft = await draftGraph(tenantId, id);
    return graph ? storable(graph, tenantId, id, draft) : draft;
  }

  const history = createWorkflowVersions({ pool, orm, catalog }, { get, publish, activate, log });

  return {
    list, get, create, update, remove, publish, activate, deactivate, duplicate,
    versions: history.list, version: history.getOne, restoreVersion: history.restore, publishAndActivate: history.publishAndActivate,
    exportOne, importOne, regenerateHookToken, draftGraph, testRunGraph,
  };
}

export type WorkflowService = ReturnType<typeof createWorkflowService>;
