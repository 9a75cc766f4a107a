/** The subset of JSON Schema (as produced by zod's converter) the generic form understands. */
export interface JsonSchema {
  type?: string | string[];
  title?: string;
  description?: string;
  default?: unknown;
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  additionalProperties?: boolean | JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  definitions?: Record<string, JsonSchema>;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  format?: string;
  'x-widget'?: string;
  'x-options'?: Record<string, unknown>;
  [key: string]: unknown;
}

function deref(schema: JsonSchema, root: JsonSchema): JsonSchema {
  let s = schema;
  for (let i = 0; i < 10 && s.$ref; i++) {
    const m = /^#\/(\$defs|definitions)\/(.+)$/.exec(s.$ref);
    const target = m ? (root[m[1] as '$defs' | 'definitions'] as Record<string, JsonSchema> | undefined)?.[decodeURIComponent(m[2])] : s.$ref === '#' ? root : undefined;
    if (!target) break;
    const { $ref: _ref, ...rest } = s;
    s = { ...target, ...rest };
  }
  return s;
}

/**
 * Follows `$ref`, unwraps `anyOf`/`oneOf` that only add `null` (optional/nullable) and merges
 * `allOf`, keeping the outer title/description/x-widget.
 */
export function resolveSchema(schema: JsonSchema | undefined, root: JsonSchema): JsonSchema {
  if (!schema) return {};
  let s = deref(schema, root);
  const union = s.anyOf ?? s.oneOf;
  if (union && !s.type) {
    const nonNull = union.map((u) => deref(u, root)).filter((u) => u.type !== 'null');
    if (nonNull.length === 1) {
      const { anyOf: _a, oneOf: _o, ...rest } = s;
      s = { ...resolveSchema(nonNull[0], root), ...rest };
    }
  }
  if (s.allOf) {
    const { allOf, ...rest } = s;
    s = allOf.reduce<JsonSchema>((acc, part) => ({ ...resolveSchema(part, root), ...acc }), rest);
  }
  return s;
}

export function schemaType(s: JsonSchema): string | undefined {
  if (Array.isArray(s.type)) return s.type.find((t) => t !== 'null');
  if (s.type) return s.type;
  if (s.enum) return typeof s.enum[0] === 'number' ? 'number' : 'string';
  if (s.properties) return 'object';
  if (s.items) return 'array';
  // A union of one JSON type (`'' | URL`, two string patterns) is edited as that type.
  const union = s.anyOf ?? s.oneOf;
  if (union) {
    const types = new Set(union.map((u) => schemaType(u)));
    if (types.size === 1) return [...types][0];
  }
  return undefined;
}

/** The widget to render: the `x-widget` hint, or one picked by the JSON type. */
export function widgetOf(s: JsonSchema): string {
  if (s['x-widget']) return s['x-widget'];
  const t = schemaType(s);
  if (s.enum) return 'select';
  if (t === 'boolean') return 'switch';
  if (t === 'number' || t === 'integer') return 'number';
  if (t === 'string') return (s.maxLength ?? 0) > 500 ? 'textarea' : 'text';
  if (t === 'object' && s.properties) return 'object';
  if (t === 'object' && typeof s.additionalProperties === 'object') return 'keyvalue';
  return 'json';
}

/** A value built from `default`s, recursing into objects; undefined when nothing is declared. */
export function defaultOf(schema: JsonSchema | undefined, root: JsonSchema): unknown {
  const s = resolveSchema(schema, root);
  if (s.default !== undefined) return structuredClone(s.default);
  if (s.const !== undefined) return s.const;
  if (schemaType(s) === 'object' && s.properties) {
    const out: Record<string, unknown> = {};
    for (const [key, sub] of Object.entries(s.properties)) {
      const v = defaultOf(sub, root);
      if (v !== undefined) out[key] = v;
    }
    return out;
  }
  return undefined;
}

/** Default props of a node type: at least an empty object. */
export function defaultProps(propsSchema: Record<string, unknown>): Record<string, unknown> {
  const root = propsSchema as JsonSchema;
  const v = defaultOf(root, root);
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

/** Titles of enum values from `x-options.labels` or `oneOf: [{const, title}]`. */
export function enumOptions(s: JsonSchema): { value: string; title: string }[] {
  const labels = (s['x-options']?.labels ?? {}) as Record<string, string>;
  if (s.enum) return s.enum.map((v) => ({ value: String(v), title: labels[String(v)] ?? String(v) }));
  const union = s.oneOf ?? s.anyOf ?? [];
  return union
    .filter((u) => u.const !== undefined)
    .map((u) => ({ value: String(u.const), title: u.title ?? labels[String(u.const)] ?? String(u.const) }));
}

export interface UnionVariant {
  value: string | number | boolean;
  title: string;
  description?: string;
  schema: JsonSchema;
}

export interface DiscriminatedUnion {
  /** The property whose `const` tells the variants apart (`authType`). */
  key: string;
  variants: UnionVariant[];
}

/**
 * An `anyOf`/`oneOf` of objects told apart by one property with a `const` in each (zod's
 * discriminatedUnion), with each variant's title from the object or its `const`; otherwise null.
 */
export function discriminatedUnionOf(schema: JsonSchema, root: JsonSchema): DiscriminatedUnion | null {
  const union = schema.oneOf ?? schema.anyOf;
  if (!union || union.length < 2) return null;
  const members = union.map((u) => resolveSchema(u, root));
  if (!members.every((m) => m.properties)) return null;
  const constOf = (m: JsonSchema, key: string) => resolveSchema(m.properties![key], root);
  const key = Object.keys(members[0]!.properties!).find((k) => members.every((m) => constOf(m, k).const !== undefined));
  if (!key) return null;
  const variants = members.map((m) => {
    const prop = constOf(m, key);
    const value = prop.const as UnionVariant['value'];
    return { value, title: m.title ?? prop.title ?? String(value), description: m.description ?? prop.description, schema: m };
  });
  return new Set(variants.map((v) => v.value)).size === variants.length ? { key, variants } : null;
}

export const joinPath = (base: string, key: string | number) => (base ? `${base}.${key}` : String(key));
