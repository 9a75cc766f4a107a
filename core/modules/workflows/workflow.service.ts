/**
 * Workflows («правила»): the draft graph, immutable published versions, activation and the
 * webhook endpoint. Plain parameterised SQL; every statement is scoped by tenant_id.
 */
import type pg from 'pg';
import type { Config } from '../../../config/config.schema.ts';
import { emptyGraph, type Graph } from '../../graph/graph.schema.ts';
import { findTrigger } from '../../graph/traversal.ts';
import { validateGraph } from '../../graph/validate-graph.ts';
import type { PluginRegistry } from '../../plugins/plugin-registry.ts';
import { hashSecretProps, stripSecretProps } from '../../plugins/secret-props.ts';
import { NotFoundError, UserError } from '../../sdk/errors.ts';
import type { OpLog } from '../logs/op-log.service.ts';
import { newHookToken } from './hook-token.ts';
import { parseImport, toExport, type WorkflowExport } from './workflow-export.ts';
import { selectWorkflows, toSummary, type WorkflowRow, type WorkflowStatus, type WorkflowSummary, type WorkflowView } from './workflow-view.ts';

type Db = Pick<pg.Pool, 'query'>;

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

export interface VersionInfo {
  id: string;
  version: number;
  createdAt: Date;
  createdBy: string | null;
}

const notFound = () => new NotFoundError('Правило не найдено', 'WORKFLOW_NOT_FOUND');

export function createWorkflowService(deps: { pool: pg.Pool; config: Config; registry: PluginRegistry; opLog: OpLog }) {
  const { pool, config, registry, opLog } = deps;
  const catalog = registry.catalog;
  const log = (tenantId: string, workflowId: string, message: string, context: Record<string, unknown> = {}) =>
    opLog.write({ tenantId, level: 'info', source: 'workflow', message, workflowId, context: { workflowId, ...context } });
  const triggerTypeOf = (graph: Graph) => findTrigger(graph, catalog)?.type ?? null;
  // Every graph written goes through here: shared secrets in props are kept only as hashes.
  const storable = (graph: Graph) => hashSecretProps(graph, catalog);

  async function inTransaction<T>(fn: (db: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    try {
      await client.query('begin');
      const result = await fn(client);
      await client.query('commit');
      return result;
    } catch (err) {
      await client.query('rollback').catch(() => {});
      throw err;
    } finally {
      client.release();
    }
  }

  /** Locks the row for the rest of the transaction: publish and token rotation must not interleave. */
  async function lock(db: Db, tenantId: string, id: string) {
    const { rows } = await db.query<{ name: string; status: WorkflowStatus; graph: Graph; latest_version: number | null }>(
      'select name, status, graph, latest_version from workflow where id = $1 and tenant_id = $2 for update',
      [id, tenantId],
    );
    if (!rows[0]) throw notFound();
    return rows[0];
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

  async function get(tenantId: string, id: string, db: Db = pool): Promise<WorkflowView> {
    const { rows } = await db.query<WorkflowRow>(`${selectWorkflows({ withGraph: true })} where w.tenant_id = $1 and w.id = $2`, [tenantId, id]);
    const row = rows[0];
    if (!row) throw notFound();
    return { ...toSummary(row, config.PUBLIC_URL), graph: row.graph!, validation: validateGraph(row.graph, catalog) };
  }

  /** A new draft with its own webhook endpoint (create, duplicate and import all end here). */
  async function insert(tenantId: string, userId: string | null, input: WorkflowInput, logMessage: (name: string) => string): Promise<WorkflowView> {
    const graph = storable(input.graph ?? emptyGraph());
    const id = await inTransaction(async (db) => {
      const { rows } = await db.query<{ id: string }>(
        `insert into workflow (tenant_id, name, description, graph, trigger_type, max_attempts, created_by)
         values ($1, $2, $3, $4, $5, $6, $7) returning id`,
        [tenantId, input.name, input.description ?? '', JSON.stringify(graph), triggerTypeOf(graph), input.maxAttempts ?? config.RUN_MAX_ATTEMPTS, userId],
      );
      const wid = rows[0]!.id;
      await db.query('insert into hook_endpoint (tenant_id, workflow_id, token) values ($1, $2, $3)', [tenantId, wid, newHookToken()]);
      return wid;
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
    const graph = input.graph === undefined ? null : JSON.stringify(storable(input.graph));
    const trigger = input.graph === undefined ? null : triggerTypeOf(input.graph);
    const { rows } = await pool.query<{ name: string }>(
      `update workflow set
         name = coalesce($3, name),
         description = coalesce($4, description),
         graph = coalesce($5::jsonb, graph),
         draft_changed_at = case when $5::jsonb is not null and $5::jsonb is distinct from graph then now() else draft_changed_at end,
         trigger_type = case when $5::jsonb is not null and latest_version is null then $6 else trigger_type end,
         max_attempts = coalesce($7, max_attempts),
         updated_at = now()
       where id = $1 and tenant_id = $2 returning name`,
      [id, tenantId, input.name ?? null, input.description ?? null, graph, trigger, input.maxAttempts ?? null],
    );
    if (!rows[0]) throw notFound();
    await log(tenantId, id, `Сохранено правило «${rows[0].name}»`);
    return get(tenantId, id);
  }

  async function remove(tenantId: string, id: string): Promise<void> {
    // Versions, the hook endpoint, events and runs go with it (foreign keys cascade).
    const { rows } = await pool.query<{ name: string }>('delete from workflow where id = $1 and tenant_id = $2 returning name', [id, tenantId]);
    if (!rows[0]) throw notFound();
    await log(tenantId, id, `Удалено правило «${rows[0].name}»`);
  }

  /**
   * Freezes the draft as the next version. An active rule switches to it at once (it always runs
   * its newest version). A draft identical to the latest version publishes nothing new.
   */
  async function publish(tenantId: string, userId: string | null, id: string) {
    const result = await inTransaction(async (db) => {
      const w = await lock(db, tenantId, id);
      const { errors } = validateGraph(w.graph, catalog);
      if (errors.length > 0) {
        throw new UserError('GRAPH_INVALID', `Правило нельзя опубликовать: ошибок в схеме — ${errors.length}. Исправьте их и повторите.`, { details: { errors } });
      }
      const latest = await db.query<{ id: string; version: number; created_at: Date; same: boolean }>(
        `select v.id, v.version, v.created_at, v.graph = w.graph as same
           from workflow_version v join workflow w on w.id = v.workflow_id
          where v.workflow_id = $1 and v.tenant_id = $2 order by v.version desc limit 1`,
        [id, tenantId],
      );
      const prev = latest.rows[0];
      if (prev?.same) {
        await db.query('update workflow set published_at = now() where id = $1 and tenant_id = $2', [id, tenantId]);
        return { created: false, name: w.name, version: { id: prev.id, version: prev.version, createdAt: prev.created_at } };
      }
      const { rows } = await db.query<{ id: string; version: number; created_at: Date }>(
        `insert into workflow_version (tenant_id, workflow_id, version, graph, created_by)
         values ($1, $2, $3, $4, $5) returning id, version, created_at`,
        [tenantId, id, (prev?.version ?? 0) + 1, JSON.stringify(w.graph), userId],
      );
      const v = rows[0]!;
      await db.query(
        `update workflow set latest_version = $3, published_at = now(), trigger_type = $4, updated_at = now(),
           active_version_id = case when status = 'active' then $5::uuid else active_version_id end
         where id = $1 and tenant_id = $2`,
        [id, tenantId, v.version, triggerTypeOf(w.graph), v.id],
      );
      return { created: true, name: w.name, version: { id: v.id, version: v.version, createdAt: v.created_at } };
    });
    if (result.created) await log(tenantId, id, `Опубликована версия ${result.version.version} правила «${result.name}»`, { version: result.version.version });
    return { version: result.version, workflow: await get(tenantId, id) };
  }

  /** Turns the rule on with its latest version; re-checked because plugins may have changed since publishing. */
  async function activate(tenantId: string, id: string): Promise<WorkflowView> {
    const version = await inTransaction(async (db) => {
      const w = await lock(db, tenantId, id);
      if (w.latest_version === null) throw new UserError('NOT_PUBLISHED', 'Сначала опубликуйте правило');
      const { rows } = await db.query<{ id: string; graph: Graph }>(
        'select id, graph from workflow_version where workflow_id = $1 and tenant_id = $2 and version = $3',
        [id, tenantId, w.latest_version],
      );
      const v = rows[0]!;
      const { errors } = validateGraph(v.graph, catalog);
      if (errors.length > 0) {
        throw new UserError('GRAPH_INVALID', `Версию ${w.latest_version} нельзя включить: в ней есть ошибки (${errors.length}). Исправьте схему и опубликуйте заново.`, { details: { errors } });
      }
      await db.query(
        `update workflow set status = 'active', active_version_id = $3, updated_at = now() where id = $1 and tenant_id = $2`,
        [id, tenantId, v.id],
      );
      return { number: w.latest_version, name: w.name };
    });
    await log(tenantId, id, `Правило «${version.name}» включено (версия ${version.number})`, { version: version.number });
    return get(tenantId, id);
  }

  /** The ingest checks status, so active_version_id may stay for the record. A draft stays a draft. */
  async function deactivate(tenantId: string, id: string): Promise<WorkflowView> {
    const { rows } = await pool.query<{ name: string }>(
      `update workflow set status = 'inactive', updated_at = now() where id = $1 and tenant_id = $2 and status = 'active' returning name`,
      [id, tenantId],
    );
    if (rows[0]) await log(tenantId, id, `Правило «${rows[0].name}» выключено`);
    return get(tenantId, id); // 404 when the rule is not the tenant's
  }

  async function versions(tenantId: string, id: string, page: { limit: number; offset: number }): Promise<{ items: VersionInfo[]; total: number }> {
    const { rows } = await pool.query<VersionInfo & { total: number }>(
      `select v.id, v.version, v.created_at as "createdAt", v.created_by as "createdBy", count(*) over ()::int as total
         from workflow_version v where v.workflow_id = $1 and v.tenant_id = $2
        order by v.version desc limit ${page.limit} offset ${page.offset}`,
      [id, tenantId],
    );
    if (rows.length === 0) {
      // Tell "no versions (or page past the end)" from "not yours": both must look the same to others.
      const exists = await pool.query('select 1 from workflow where id = $1 and tenant_id = $2', [id, tenantId]);
      if (!exists.rows[0]) throw notFound();
      const total = await pool.query<{ n: number }>('select count(*)::int as n from workflow_version where workflow_id = $1 and tenant_id = $2', [id, tenantId]);
      return { items: [], total: total.rows[0]!.n };
    }
    return { items: rows.map(({ total: _t, ...v }) => v), total: rows[0].total };
  }

  async function load(tenantId: string, id: string) {
    const { rows } = await pool.query<{ name: string; description: string; graph: Graph; max_attempts: number }>(
      'select name, description, graph, max_attempts from workflow where id = $1 and tenant_id = $2',
      [id, tenantId],
    );
    if (!rows[0]) throw notFound();
    return rows[0];
  }

  async function duplicate(tenantId: string, userId: string | null, id: string): Promise<WorkflowView> {
    const src = await load(tenantId, id);
    const name = `${src.name} (копия)`.slice(0, 200);
    return insert(tenantId, userId, { name, description: src.description, graph: src.graph, maxAttempts: src.max_attempts }, (n) => `Создано правило «${n}» (копия «${src.name}»)`);
  }

  async function exportOne(tenantId: string, id: string): Promise<WorkflowExport> {
    const w = await load(tenantId, id);
    return toExport({ ...w, graph: stripSecretProps(w.graph, catalog) });
  }

  async function importOne(tenantId: string, userId: string | null, input: unknown): Promise<WorkflowView> {
    const data = parseImport(input);
    return insert(tenantId, userId, data, (name) => `Импортировано правило «${name}»`);
  }

  /** The old URL stops working at once: its endpoint row is revoked, not deleted (events keep their link). */
  async function regenerateHookToken(tenantId: string, id: string): Promise<WorkflowView> {
    const name = await inTransaction(async (db) => {
      const w = await lock(db, tenantId, id);
      await db.query('update hook_endpoint set revoked_at = now() where workflow_id = $1 and tenant_id = $2 and revoked_at is null', [id, tenantId]);
      await db.query('insert into hook_endpoint (tenant_id, workflow_id, token) values ($1, $2, $3)', [tenantId, id, newHookToken()]);
      await db.query('update workflow set updated_at = now() where id = $1 and tenant_id = $2', [id, tenantId]);
      return w.name;
    });
    await log(tenantId, id, `Для правила «${name}» выпущен новый адрес вебхука, старый отключён`);
    return get(tenantId, id);
  }

  /** The draft, for test runs (also proves the rule belongs to the tenant). */
  async function draftGraph(tenantId: string, id: string): Promise<Graph> {
    return (await load(tenantId, id)).graph;
  }

  return { list, get, create, update, remove, publish, activate, deactivate, versions, duplicate, exportOne, importOne, regenerateHookToken, draftGraph };
}

export type WorkflowService = ReturnType<typeof createWorkflowService>;
