import { z } from 'zod';
import type { NodeCatalog, NodeTypeInfo, PortSpec, PropIssue } from '../graph/node-catalog.ts';
import type { NodeDefinition, PluginDefinition } from '../sdk/define.ts';

export interface RegisteredNode {
  plugin: PluginDefinition;
  def: NodeDefinition;
  info: NodeTypeInfo;
}

const IN: PortSpec[] = [{ id: 'in', title: 'Вход' }];
const OUT: PortSpec = { id: 'out', title: 'Далее' };
const ERR: PortSpec = { id: 'error', title: 'Ошибка' };
const ID = /^[a-z][a-z0-9_]*$/;

type PropSchema = { 'x-widget'?: string; 'x-options'?: Record<string, unknown> };

/**
 * A node that uses its plugin's connection must let the user choose which one (`connectionId`,
 * see `connectionField`); the editor's picker learns from the schema which plugin to list. A node
 * without `needsConnection` may still carry an optional one.
 */
function wireConnectionProp(plugin: PluginDefinition, def: NodeDefinition, propsSchema: Record<string, unknown>): void {
  const prop = (propsSchema.properties as Record<string, PropSchema> | undefined)?.connectionId;
  const needs = def.kind === 'action' && def.needsConnection;
  if (needs && (!prop || prop['x-widget'] !== 'connection')) {
    throw new Error(`node "${plugin.id}.${def.id}" needs a connection: add \`connectionId: connectionField()\` to its props`);
  }
  if (needs && !plugin.connection) throw new Error(`node "${plugin.id}.${def.id}" needs a connection, but plugin "${plugin.id}" defines none`);
  if (prop?.['x-widget'] !== 'connection') return;
  // A node may also offer a connection it can run without (`connectionField(title, { optional: true })`).
  if (!plugin.connection) throw new Error(`node "${plugin.id}.${def.id}" has a connection prop, but plugin "${plugin.id}" defines no connection`);
  prop['x-options'] = { ...prop['x-options'], plugin: plugin.id };
}

function describe(plugin: PluginDefinition, def: NodeDefinition): NodeTypeInfo {
  const outputs = def.kind === 'condition' ? def.outputs : def.kind === 'action' && def.errorOutput ? [OUT, ERR] : [OUT];
  const { $schema: _s, ...propsSchema } = z.toJSONSchema(def.props, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  wireConnectionProp(plugin, def, propsSchema);
  return {
    type: `${plugin.id}.${def.id}`,
    plugin: plugin.id,
    version: def.version ?? 1,
    kind: def.kind,
    title: def.title,
    description: def.description,
    inputs: def.kind === 'trigger' ? [] : IN,
    outputs,
    dynamicOutputs: def.kind === 'condition' ? def.dynamicOutputs : undefined,
    propsSchema,
    sample: def.sample,
    needsConnection: def.kind === 'action' ? Boolean(def.needsConnection) : undefined,
  };
}

/** Everything the core knows about plugins, built once from the registry list. */
export function createPluginRegistry(plugins: PluginDefinition[]) {
  const byKey = new Map<string, RegisteredNode>();
  const versions = new Map<string, number[]>();
  const pluginsById = new Map<string, PluginDefinition>();

  for (const plugin of plugins) {
    if (!ID.test(plugin.id)) throw new Error(`plugin id "${plugin.id}" must be snake_case`);
    if (pluginsById.has(plugin.id)) throw new Error(`duplicate plugin id "${plugin.id}"`);
    pluginsById.set(plugin.id, plugin);
    for (const def of plugin.nodes) {
      if (!ID.test(def.id)) throw new Error(`node id "${plugin.id}.${def.id}" must be snake_case`);
      const info = describe(plugin, def);
      const key = `${info.type}@${info.version}`;
      if (byKey.has(key)) throw new Error(`duplicate node type ${key}`);
      byKey.set(key, { plugin, def, info });
      versions.set(info.type, [...(versions.get(info.type) ?? []), info.version].sort((a, b) => a - b));
    }
  }

  const get = (type: string, version: number) => byKey.get(`${type}@${version}`);

  const catalog: NodeCatalog = {
    get: (type, version) => get(type, version)?.info,
    versions: (type) => versions.get(type) ?? [],
    validateProps(type, version, props): PropIssue[] {
      const node = get(type, version);
      if (!node) return [];
      const result = node.def.props.safeParse(props);
      return result.success ? [] : result.error.issues.map((i: { path: PropertyKey[]; message: string }) => ({ path: i.path.join('.'), message: i.message }));
    },
  };

  return {
    catalog,
    get,
    plugin: (id: string) => pluginsById.get(id),
    plugins: () => [...pluginsById.values()],
    /** The newest version of every node type, for the editor's palette. */
    nodeTypes() {
      const latest = new Map<string, NodeTypeInfo>();
      for (const { info } of byKey.values()) {
        const cur = latest.get(info.type);
        if (!cur || cur.version < info.version) latest.set(info.type, info);
      }
      return {
        plugins: [...pluginsById.values()].map(({ id, title, description, version }) => ({ id, title, description, version })),
        nodes: [...latest.values()],
      };
    },
  };
}

export type PluginRegistry = ReturnType<typeof createPluginRegistry>;
