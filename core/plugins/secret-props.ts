import { createHash } from 'node:crypto';
import type { Graph } from '../graph/graph.schema.ts';
import type { NodeCatalog } from '../graph/node-catalog.ts';

export const SECRET_HASH_PREFIX = 'sha256:';

/** Props a node marks with the `secret-hash` widget (top level of its props). */
function secretHashProps(catalog: NodeCatalog, type: string, version: number): string[] {
  const schema = catalog.get(type, version)?.propsSchema as { properties?: Record<string, { 'x-widget'?: string }> } | undefined;
  return Object.entries(schema?.properties ?? {})
    .filter(([, p]) => p['x-widget'] === 'secret-hash')
    .map(([name]) => name);
}

/** Applies `fn` to every `secret-hash` prop value of every node. */
function mapSecretProps(graph: Graph, catalog: NodeCatalog, fn: (value: unknown) => unknown): Graph {
  return {
    ...graph,
    nodes: graph.nodes.map((node) => {
      const names = secretHashProps(catalog, node.type, node.version);
      if (names.length === 0) return node;
      const props = { ...node.props };
      for (const name of names) if (name in props) props[name] = fn(props[name]);
      return { ...node, props };
    }),
  };
}

/**
 * Shared secrets in a graph (e.g. a webhook's header secret) are only ever compared, so they are
 * stored as SHA-256: the graph that the API returns and exports never holds them in clear.
 */
export function hashSecretProps(graph: Graph, catalog: NodeCatalog): Graph {
  return mapSecretProps(graph, catalog, (value) =>
    typeof value === 'string' && value !== '' && !value.startsWith(SECRET_HASH_PREFIX)
      ? SECRET_HASH_PREFIX + createHash('sha256').update(value).digest('hex')
      : value,
  );
}

/** For exports: secrets (even hashed) stay behind; the importer sets them again. */
export function stripSecretProps(graph: Graph, catalog: NodeCatalog): Graph {
  return mapSecretProps(graph, catalog, () => '');
}
