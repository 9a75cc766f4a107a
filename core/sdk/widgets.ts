import type { z } from 'zod';

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
