/**
 * The cross-system links of a run as «Логи» show them: each record named in the service's words
 * («AmoCRM сделка 123») with the address of its card, through the connection the run used.
 */
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { Graph } from '../../graph/graph.schema.ts';
import type { PluginRegistry } from '../../plugins/plugin-registry.ts';
import { Connection } from '../connections/connection.entity.ts';
import type { ConnectionRuntime } from '../connections/connection-runtime.ts';
import type { IEntityLink } from './entity-link.entity.ts';

export interface EntityRefView {
  system: string;
  type: string;
  id: string;
  systemTitle: string;
  typeTitle: string;
  url: string | null;
}

export interface LinkView {
  a: EntityRefView;
  b: EntityRefView;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The first connection a node of `system` in the run's graph chose: the account the run worked in. */
export function connectionOfSystem(graph: Graph | null | undefined, system: string): string | null {
  for (const node of graph?.nodes ?? []) {
    const id = node.props?.connectionId;
    if (node.type.startsWith(`${system}.`) && typeof id === 'string' && UUID.test(id)) return id;
  }
  return null;
}

export function createLinkViews(deps: { orm: MikroORM; registry: PluginRegistry; runtime: ConnectionRuntime; logger: Logger }) {
  const { orm, registry, runtime, logger } = deps;

  /** url(ref) for one system, from its connection's credentials (decrypted here, never returned). */
  async function urlMaker(tenantId: string, system: string, graph: Graph | null): Promise<(ref: { type: string; id: string }) => string | null> {
    const def = registry.plugin(system)?.connection;
    const connectionId = connectionOfSystem(graph, system);
    if (!def?.entityUrl || !connectionId) return () => null;
    const conn = await orm.em.fork().findOne(Connection, { id: connectionId, tenant: tenantId, plugin: system });
    if (!conn) return () => null;
    try {
      const credentials = runtime.decrypt(conn);
      return (ref) => {
        try {
          return def.entityUrl!(credentials, ref);
        } catch {
          return null;
        }
      };
    } catch (err) {
      logger.warn({ err, connectionId }, 'не удалось прочитать подключение для ссылок на записи');
      return () => null;
    }
  }

  return async function viewLinks(tenantId: string, graph: Graph | null, links: Pick<IEntityLink, 'aSystem' | 'aType' | 'aId' | 'bSystem' | 'bType' | 'bId'>[]): Promise<LinkView[]> {
    const systems = [...new Set(links.flatMap((l) => [l.aSystem, l.bSystem]))];
    const makers = new Map(await Promise.all(systems.map(async (s) => [s, await urlMaker(tenantId, s, graph)] as const)));
    const ref = (system: string, type: string, id: string): EntityRefView => {
      const plugin = registry.plugin(system);
      return {
        system, type, id,
        systemTitle: plugin?.title ?? system,
        typeTitle: plugin?.entityTitles?.[type] ?? 'запись',
        url: makers.get(system)?.({ type, id }) ?? null,
      };
    };
    return links.map((l) => ({ a: ref(l.aSystem, l.aType, l.aId), b: ref(l.bSystem, l.bType, l.bId) }));
  };
}

export type LinkViews = ReturnType<typeof createLinkViews>;
