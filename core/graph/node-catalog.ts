/**
 * What graph validation needs to know about node types, without importing plugin code.
 * The server builds it from the plugin registry; the editor builds it from GET /api/node-types.
 */
export type NodeKind = 'trigger' | 'condition' | 'action';

export interface PortSpec {
  id: string;
  title: string;
}

/**
 * Outputs that depend on the node's props (e.g. the named branches of a switch): one port per item
 * of the array at `props[fromProp]`, id from `item[idKey]`, title from `item[titleKey]`, followed by
 * the fixed `extra` ports.
 */
export interface DynamicOutputs {
  fromProp: string;
  idKey: string;
  titleKey: string;
  extra?: PortSpec[];
}

export interface NodeTypeInfo {
  /** `<plugin>.<node>` */
  type: string;
  plugin: string;
  version: number;
  kind: NodeKind;
  title: string;
  description: string;
  inputs: PortSpec[];
  outputs: PortSpec[];
  dynamicOutputs?: DynamicOutputs;
  /** JSON Schema of the props (zod's converter), with `x-widget` hints. */
  propsSchema: Record<string, unknown>;
  /** An example of the node's output, used by the template field picker. */
  sample?: unknown;
  /** Whether the node needs a connection of its plugin. */
  needsConnection?: boolean;
}

export interface PropIssue {
  /** Dot path inside props, e.g. `rules.0.op`. Empty for the whole object. */
  path: string;
  message: string;
}

export interface NodeCatalog {
  get(type: string, version: number): NodeTypeInfo | undefined;
  /** Known versions of a type, to tell "unknown type" from "unknown version". */
  versions(type: string): number[];
  /** Server side: validate props with the node's zod schema. The editor may omit it. */
  validateProps?(type: string, version: number, props: unknown): PropIssue[];
}

export function outputsOf(info: NodeTypeInfo, props: Record<string, unknown>): PortSpec[] {
  if (!info.dynamicOutputs) return info.outputs;
  const { fromProp, idKey, titleKey, extra = [] } = info.dynamicOutputs;
  const items = Array.isArray(props[fromProp]) ? (props[fromProp] as Record<string, unknown>[]) : [];
  const dynamic = items
    .filter((item) => item && typeof item[idKey] === 'string' && item[idKey] !== '')
    .map((item) => ({ id: String(item[idKey]), title: String(item[titleKey] ?? item[idKey]) }));
  return [...info.outputs, ...dynamic, ...extra];
}
