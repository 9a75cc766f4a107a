import { z } from 'zod';

/**
 * Widget hints for the editor's generic schema form. They travel in the JSON Schema as
 * `x-widget` (and `x-options` where the widget needs them).
 *
 * Known widgets: `text`, `textarea`, `number`, `select`, `switch`, `template` (text with the
 * upstream-field picker), `keyvalue` (list of key/value pairs with template values),
 * `condition-group` (rule builder), `branches` (named condition groups), `secret` (write-only),
 * and plugin-provided ones such as `amocrm.pipeline`, `amocrm.status`, `lptracker.project`.
 */
export function widget<S extends z.ZodType>(schema: S, name: string, options?: Record<string, unknown>): S {
  return schema.meta({ 'x-widget': name, ...(options ? { 'x-options': options } : {}) }) as S;
}

/**
 * The `connectionId` prop of a node that uses its plugin's connection: the editor offers the
 * tenant's connections of that plugin (pre-selecting the only one), and the engine hands exactly
 * that connection, of this tenant only, to the node.
 */
export function connectionField(title = 'Подключение') {
  return widget(z.string({ error: 'Выберите подключение' }).uuid('Выберите подключение'), 'connection').meta({ title });
}
