/**
 * Published versions of a rule: the history (who, when, what changed), one version's graph,
 * «Вернуть эту версию» and the one-click «Опубликовать и включить».
 */
import type { MikroORM } from '@mikro-orm/postgresql';
import type pg from 'pg';
import type { Graph } from '../../graph/graph.schema.ts';
import { diffGraphs, sameJson, type GraphDiff } from '../../graph/graph-diff.ts';
import { validateGraph } from '../../graph/validate-graph.ts';
import type { NodeCatalog } from '../../graph/node-catalog.ts';
import { maskSecretProps } from '../../plugins/secret-props.ts';
import { NotFoundError, UserError } from '../../sdk/errors.ts';
import type { WorkflowView } from './workflow-summary.sql.ts';
import { Workflow, WorkflowVersion } from './workflow.entity.ts';

export interface VersionAuthor {
  name: string;
  email: string;
}

export interface VersionInfo {
  id: string;
  version: number;
  createdAt: Date;
  createdBy: string | null;
  /** Null when the author's account was deleted (or the version came from a script). */
  author: VersionAuthor | null;
  /** Against the previous version. */
  changes: Omit<GraphDiff, 'first'> & { first: boolean };
}

export interface VersionDetail extends VersionInfo {
  graph: Graph;
}

interface PublishResult {
  version: { id: string; version: number; createdAt: Date };
  workflow: WorkflowView;
}

interface Base {
  get(tenantId: string, id: string): Promise<WorkflowView>;
  publish(tenantId: string, userId: string | null, id: string, opts?: { quiet?: boolean }): Promise<PublishResult>;
  activate(tenantId: string, id: string): Promise<WorkflowView>;
  log(tenantId: string, workflowId: string, message: string, context?: Record<string, unknown>): Promise<void>;
}

interface VersionRow {
  id: string;
  version: number;
  created_at: Date;
  created_by: string | null;
  author_name: string | null;
  author_email: string | null;
  graph: Graph;
  prev_graph: Graph | null;
}

// The previous version's graph comes from the same statement: one query per page, not per row.
const SELECT_VERSIONS = `
  select v.id, v.version, v.created_at, v.created_by, u.name as author_name, u.email as author_email, v.graph,
         (select p.graph from workflow_version p
           where p.workflow_id = v.workflow_id and p.tenant_id = v.tenant_id and p.version < v.version
           order by p.version desc limit 1) as prev_graph
    from workflow_version v
    left join app_user u on u.id = v.created_by
   where v.tenant_id = $1 and v.workflow_id = $2`;

const toInfo = (r: VersionRow): VersionInfo => ({
  id: r.id,
  version: r.version,
  createdAt: r.created_at,
  createdBy: r.created_by,
  author: r.author_email ? { name: r.author_name ?? '', email: r.author_email } : null,
  changes: diffGraphs(r.prev_graph, r.graph),
});

export function createWorkflowVersions(deps: { pool: pg.Pool; orm: MikroORM; catalog: NodeCatalog }, base: Base) {
  const { pool, orm, catalog } = deps;

  async function list(tenantId: string, id: string, page: { limit: number; offset: number }): Promise<{ items: VersionInfo[]; total: number }> {
    await base.get(tenantId, id); // 404 for a rule that is not the tenant's
    const [rows, total] = await Promise.all([
      pool.query<VersionRow>(`${SELECT_VERSIONS} order by v.version desc limit ${page.limit} offset ${page.offset}`, [tenantId, id]),
      pool.query<{ n: number }>('select count(*)::int as n from workflow_version where tenant_id = $1 and workflow_id = $2', [tenantId, id]),
    ]);
    return { items: rows.rows.map(toInfo), total: total.rows[0]!.n };
  }

  async function getOne(tenantId: string, id: string, version: number): Promise<VersionDetail> {
    await base.get(tenantId, id);
    const { rows } = await pool.query<VersionRow>(`${SELECT_VERSIONS} and v.version = $3`, [tenantId, id, version]);
    const row = rows[0];
    if (!row) throw new NotFoundError(`Версия ${version} не найдена`, 'VERSION_NOT_FOUND');
    return { ...toInfo(row), graph: maskSecretProps(row.graph, catalog) };
  }

  /**
   * The draft becomes the version's graph and is published as a new version (an active rule
   * switches to it at once). Restoring the latest version just drops the draft's changes.
   */
  async function restore(tenantId: string, userId: string | null, id: string, version: number): Promise<PublishResult & { restoredFrom: number }> {
    const name = await orm.em.fork().transactional(async (em) => {
      const w = await em.findOne(Workflow, { id, tenantId });
      if (!w) throw new NotFoundError('Правило не найдено', 'WORKFLOW_NOT_FOUND');
      const v = await em.findOne(WorkflowVersion, { workflowId: id, tenantId, version });
      if (!v) throw new NotFoundError(`Версия ${version} не найдена`, 'VERSION_NOT_FOUND');
      const { errors } = validateGraph(v.graph, catalog);
      if (errors.length > 0) {
        throw new UserError('GRAPH_INVALID', `Версию ${version} нельзя вернуть: в ней есть ошибки (${errors.length}), например: ${errors[0]!.message}`, {
          details: { errors },
        });
      }
      if (!sameJson(w.graph, v.graph)) {
        w.graph = v.graph;
        w.draftChangedAt = new Date();
      }
      w.updatedAt = new Date();
      return w.name;
    });
    const result = await base.publish(tenantId, userId, id, { quiet: true });
    const number = result.version.version;
    await base.log(
      tenantId,
      id,
      number === version ? `Черновик правила «${name}» возвращён к версии ${version}` : `Восстановлена версия ${version} правила «${name}» как версия ${number}`,
      { version: number, restoredFrom: version },
    );
    return { ...result, restoredFrom: version };
  }

  /** «Опубликовать и включить»: one call; an active rule is already switched by the publish. */
  async function publishAndActivate(tenantId: string, userId: string | null, id: string): Promise<PublishResult> {
    const published = await base.publish(tenantId, userId, id);
    if (published.workflow.status === 'active') return published;
    return { version: published.version, workflow: await base.activate(tenantId, id) };
  }

  return { list, getOne, restore, publishAndActivate };
}
