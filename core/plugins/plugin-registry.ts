import { z } from 'zod';
import type { NodeCatalog, NodeTypeInfo, PortSpec, PropIssue } from '../graph/node-catalog.ts';
import type { NodeDefinition, PluginDefinition } from '../sdk/define.ts';
import type { TemplateDefinition } from '../sdk/template.ts';

export interface RegisteredNode {
  plugin: PluginDefinition<any>;
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

/** A plugin's connection as the editor needs it: the form to render and what the connection offers. */
export interface ConnectionForm {
  title: string;
  /** JSON Schema of the credentials (secret fields carry the `secret` widget). */
  schema: Record<string, unknown>;
  oauth: boolean;
  webhooks: boolean;
  metadata: boolean;
  adminBound: boolean;
}

function describeConnection(plugin: PluginDefinition): ConnectionForm | undefined {
  const def = plugin.connection;
  if (!def) return undefined;
  const { $schema: _s, ...schema } = z.toJSONSchema(def.schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return { title: def.title, schema, oauth: Boolean(def.oauth), webhooks: Boolean(plugin.webhook), metadata: Boolean(def.metadata), adminBound: Boolean(def.adminBound) };
}

/** A rule template as the editor's «Создать из шаблона» dialog needs it. */
export interface TemplateInfo {
  id: string;
  plugin: string;
  title: string;
  description: string;
  /** JSON Schema of the form. */
  paramsSchema: Record<string, unknown>;
}

export interface RegisteredTemplate {
  def: TemplateDefinition<any>;
  info: TemplateInfo;
}

/**
 * Templates whose plugins are all installed. Every connection field of the form must name a
 * plugin with a connection: the dialog lists that plugin's connections.
 */
function describeTemplates(plugins: Map<string, PluginDefinition>): Map<string, RegisteredTemplate> {
  const out = new Map<string, RegisteredTemplate>();
  for (const plugin of plugins.values()) {
    for (const def of plugin.templates ?? []) {
      const id = `${plugin.id}.${def.id}`;
      if (!ID.test(def.id)) throw new Error(`template id "${id}" must be snake_case`);
      if (out.has(id)) throw new Error(`duplicate template "${id}"`);
      if ((def.requires ?? []).some((p) => !plugins.has(p))) continue;
      const { $schema: _s, ...paramsSchema } = z.toJSONSchema(def.params, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
      for (const [name, prop] of Object.entries((paramsSchema.properties ?? {}) as Record<string, PropSchema>)) {
        if (prop['x-widget'] !== 'connection') continue;
        const target = plugins.get(String(prop['x-options']?.plugin ?? ''));
        if (!target?.connection) throw new Error(`template "${id}": field "${name}" must name a plugin with a connection (connectionField(title, { plugin }))`);
      }
      out.set(id, { def, info: { id, plugin: plugin.id, title: def.title, description: def.description, paramsSchema } });
    }
  }
  return out;
}

/** Everything the core knows about plugins, built once from the registry list. */
export function createPluginRegistry(plugins: PluginDefinition<any>[]) {
  const byKey = new Map<string, RegisteredNode>();
  const connectionForms = new Map<string, ConnectionForm>();
  const versions = new Map<string, number[]>();
  const pluginsById = new Map<string, PluginDefinition>();

  for (const plugin of plugins) {
    if (!ID.test(plugin.id)) throw new Error(`plugin id "${plugin.id}" must be snake_case`);
    if (pluginsById.has(plugin.id)) throw new Error(`duplicate plugin id "${plugin.id}"`);
    pluginsById.set(plugin.id, plugin);
    const form = describeConnection(plugin);
    if (form) connectionForms.set(plugin.id, form);
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
  const templates = describeTemplates(pluginsById);

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
    connectionForm: (id: string) => connectionForms.get(id),
    plugins: () => [...pluginsById.values()],
    templates: () => [...templates.values()].map((t) => t.info),
    template: (id: string) => templates.get(id),
    /** The newest version of every node type, for the editor's palette. */
    nodeTypes() {
      const latest = new Map<string, NodeTypeInfo>();
      for (const { info } of byKey.values()) {
        const cur = latest.get(info.type);
        if (!cur || cur.version < info.version) latest.set(info.type, info);
      }
      return {
        plugins: [...pluginsById.values()].map(({ id, title, description, version }) => ({ id, title, description, version, connection: connectionForms.get(id) ?? null })),
        nodes: [...latest.values()],
      };
    },
  };
}

export type PluginRegistry = ReturnType<typeof createPluginRegistry>;
