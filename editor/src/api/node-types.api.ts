import { http } from './client.ts';
import type { NodeCatalog, NodeTypeInfo } from '../../../core/graph/node-catalog.ts';
import type { ConnectionForm } from '../../../core/http/api-types.ts';

export type { ConnectionForm };

export interface PluginInfo {
  id: string;
  title: string;
  description: string;
  version: string;
  /** The plugin's connection form (credentials JSON Schema) and what it offers; null without one. */
  connection: ConnectionForm | null;
}

export interface NodeTypesResponse {
  plugins: PluginInfo[];
  nodes: NodeTypeInfo[];
}

let cached: Promise<NodeTypesResponse> | null = null;

/** Node types change only on server deploys: one request per page load is enough. */
export function fetchNodeTypes(): Promise<NodeTypesResponse> {
  if (!cached) {
    cached = http.get<NodeTypesResponse>('/api/node-types').catch((err) => {
      cached = null;
      throw err;
    });
  }
  return cached;
}

export const nodeTypeKey = (type: string, version: number) => `${type}@${version}`;

/** The catalog `validateGraph` needs, built from the node types metadata (no plugin code). */
export function catalogFromNodeTypes(nodes: NodeTypeInfo[]): NodeCatalog {
  const byKey = new Map(nodes.map((n) => [nodeTypeKey(n.type, n.version), n]));
  return {
    get: (type, version) => byKey.get(nodeTypeKey(type, version)),
    versions: (type) => nodes.filter((n) => n.type === type).map((n) => n.version),
  };
}

/** The newest version of every type, for the palette. */
export function latestNodeTypes(nodes: NodeTypeInfo[]): NodeTypeInfo[] {
  const latest = new Map<string, NodeTypeInfo>();
  for (const n of nodes) {
    const prev = latest.get(n.type);
    if (!prev || prev.version < n.version) latest.set(n.type, n);
  }
  return [...latest.values()];
}
