import { LockMode, type MikroORM } from '@mikro-orm/postgresql';
import { Connection } from '../modules/connections/connection.entity.ts';
import type { Graph } from '../graph/graph.schema.ts';
import { rotateGraphSecrets } from '../plugins/secret-props.ts';
import { secretAad, type SecretBox } from './secret-box.ts';

/**
 * Re-encrypts every stored secret with the newest key, row by row under a lock: connection
 * credentials, and the secret props of workflow drafts and versions (bound to their workflow).
 */
export async function rotateKeys(orm: MikroORM, box: SecretBox): Promise<{ rotated: number; current: number }> {
  let rotated = 0;
  let current = 0;
  const ids = (await orm.em.fork().find(Connection, {}, { fields: ['id'], orderBy: { id: 'asc' } })).map((c) => c.id);
  for (const id of ids) {
    await orm.em.fork().transactional(async (em) => {
      const conn = await em.findOne(Connection, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE, populate: ['credentials'] });
      if (!conn) return;
      if (!box.needsRotation(conn.credentials)) {
        current++;
        return;
      }
      const aad = secretAad(conn.tenant.id, id);
      conn.credentials = box.encrypt(box.decrypt(conn.credentials, aad), aad);
      rotated++;
    });
  }
  rotated += await rotateGraphs(orm, box, 'Workflow', (w) => w.id);
  rotated += await rotateGraphs(orm, box, 'WorkflowVersion', (v) => v.workflowId!);
  return { rotated, current };
}

interface GraphRow {
  id: string;
  tenantId: string;
  workflowId?: string;
  graph: Graph;
}

/**
 * Secret props of stored graphs are bound to their workflow: `workflowOf` names it for each row.
 * By entity name: one loop serves both graph tables.
 */
async function rotateGraphs(orm: MikroORM, box: SecretBox, entity: 'Workflow' | 'WorkflowVersion', workflowOf: (row: GraphRow) => string): Promise<number> {
  let rotated = 0;
  const ids = ((await orm.em.fork().find(entity, {}, { fields: ['id'], orderBy: { id: 'asc' } } as never)) as GraphRow[]).map((r) => r.id);
  for (const id of ids) {
    await orm.em.fork().transactional(async (em) => {
      const row = (await em.findOne(entity, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE })) as GraphRow | null;
      if (!row) return;
      const graph = rotateGraphSecrets(row.graph, box, secretAad(row.tenantId, workflowOf(row)));
      if (!graph) return;
      row.graph = graph;
      rotated++;
    });
  }
  return rotated;
}
