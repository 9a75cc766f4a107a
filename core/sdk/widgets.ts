import { z } from 'zod';

/**
 * Widget hints for the editor's generic schema form. They travel in the JSON Schema as
 * `x-widget` (and `x-options` where the widget needs them).
 *
 * Known widgets: `text`, `textarea`, `number`, `select`, `switch`, `template` (text with the
 * upstream-field picker), `keyvalue` (list of key/value pairs with template values),
 * `condition-group` (rule builder), `branches` (named condition groups), and plugin-provided ones
 * such as `amocrm.pipeline`, `amocrm.status`, `lptracker.project`.
 *
 * Secret widgets change how the core stores a prop (core/plugins/secret-props.ts):
 * - `secret` (a string) and `secret-keyvalue` (a `Record<string, string>`, e.g. auth headers): stored
 *   encrypted, shown by the API as `SECRET_MASK`, blanked in exports, masked in step input, and
 *   decrypted only for the run (templates in them still resolve). A plugin that echoes such a value
 *   (a dry-run preview) shows `SECRET_MASK` instead.
 * - `secret-hash` (a string only ever compared, e.g. a webhook's shared secret): stored as SHA-256.
 */
export function widget<S extends z.ZodType>(schema: S, name: string, options?: Record<string, unknown>): S {
  return schema.meta({ 'x-widget': name, ...(options ? { 'x-options': options } : {}) }) as S;
}

const UUID_OR_EMPTY = /^$|^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The `connectionId` prop of a node that uses its plugin's connection: the editor offers the
 * tenant's connections of that plugin (pre-selecting the only one), and the engine hands exactly
 * that connection, of this tenant only, to the node. With `optional: true` the node may run
 * without one (`ctx.connection` is then null); the picker offers «Без подключения» and never
 * picks one by itself.
 */
export function connectionField(title = 'Подключение', options: { optional?: boolean; plugin?: string } = {}) {
  // A node's own plugin is filled in by the registry; a template's form names it.
  const plugin = options.plugin ? { plugin: options.plugin } : {};
  if (options.optional) {
    // '' is «не выбрано»: the node runs without credentials.
    return widget(z.string().regex(UUID_OR_EMPTY, 'Выберите подключение').default(''), 'connection', { optional: true, ...plugin }).meta({ title });
  }
  return widget(z.string({ error: 'Выберите подключение' }).uuid('Выберите подключение'), 'connection', options.plugin ? plugin : undefined).meta({ title });
}

/** Where a list finds its connection: the `connectionId` prop of a node, or a named field of a template's form. */
interface ListSource {
  /** The field holding the connection id; default `connectionId`. */
  connection?: string;
}

/**
 * A choice from a list the node's connection provides (the plugin's `connection.options[source]`
 * over its cached metadata), e.g. pipelines; `dependsOn` names props whose values the list needs
 * (statuses of the chosen pipeline). The editor shows names; the value stored is the option's.
 * Templates are accepted too, for values that come from the run.
 */
export function remoteSelect<S extends z.ZodType>(schema: S, source: string, opts: { dependsOn?: string[] } & ListSource = {}): S {
  return widget(schema, 'remote-select', {
    source,
    ...(opts.dependsOn ? { dependsOn: opts.dependsOn } : {}),
    ...(opts.connection ? { connection: opts.connection } : {}),
  });
}

/**
 * Values for remote fields chosen by name (`{ "Город": "{{trigger.lead.fields.Город}}" }`): the
 * editor offers the fields of `source` (with their enum values where they have them).
 */
export function fieldMap(source: string, opts: ListSource = {}) {
  return widget(z.record(z.string(), z.unknown()).default({}), 'field-map', { source, ...(opts.connection ? { connection: opts.connection } : {}) });
}
