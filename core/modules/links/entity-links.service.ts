import type { MikroORM } from '@mikro-orm/postgresql';
import { EntityLink } from './entity-link.entity.ts';

export interface EntityRef {
  system: string;
  type: string;
  id: string;
}

/** `{ amocrm: { lead: "123" } }`: the ids of one entity in every system it is linked to (its own included). */
export type Links = Record<string, Record<string, string>>;

const key = (e: EntityRef) => `${e.system}|${e.type}|${e.id}`;

/** Cross-system links of a tenant's entities. */
export function createEntityLinks(deps: { orm: MikroORM }) {
  const { orm } = deps;

  /** Keeps that `a` and `b` are the same thing (idempotent: a retried run adds nothing). */
  async function link(tenantId: string, a: EntityRef, b: EntityRef, runId: string | null): Promise<void> {
    if (key(a) === key(b)) return;
    await orm.em.fork().getConnection().execute(
      `insert into entity_link (tenant_id, a_system, a_type, a_id, b_system, b_type, b_id, run_id)
       values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing`,
      [tenantId, a.system, a.type, a.id, b.system, b.type, b.id, runId],
    );
  }

  /** The links of many entities at once (a dispatch batch): one query. */
  async function linksOf(tenantId: string, entities: EntityRef[]): Promise<Map<string, Links>> {
    const result = new Map<string, Links>(entities.map((e) => [key(e), { [e.system]: { [e.type]: e.id } }]));
    if (entities.length === 0) return result;
    const em = orm.em.fork();
    const or = entities.flatMap((e) => [
      { aSystem: e.system, aType: e.type, aId: e.id },
      { bSystem: e.system, bType: e.type, bId: e.id },
    ]);
    const rows = await em.find(EntityLink, { tenantId, $or: or });
    for (const r of rows) {
      const a = { system: r.aSystem, type: r.aType, id: r.aId };
      const b = { system: r.bSystem, type: r.bType, id: r.bId };
      for (const [self, other] of [[a, b], [b, a]] as const) {
        const links = result.get(key(self));
        if (links) (links[other.system] ??= {})[other.type] = other.id;
      }
    }
    return result;
  }

  async function ofRun(tenantId: string, runId: string) {
    return orm.em.fork().find(EntityLink, { tenantId, runId }, { orderBy: { createdAt: 'asc' } });
  }

  return { link, linksOf, ofRun, key };
}

export type EntityLinks = ReturnType<typeof createEntityLinks>;
