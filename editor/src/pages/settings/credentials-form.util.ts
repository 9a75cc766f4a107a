import { discriminatedUnionOf, resolveSchema, type JsonSchema } from '../../forms/json-schema.util.ts';

/** The credential fields the form shows for `value` (the chosen variant's, without its discriminator). */
export function visibleCredentialFields(schema: Record<string, unknown>, value: Record<string, unknown>): Set<string> {
  const root = schema as JsonSchema;
  const resolved = resolveSchema(root, root);
  const union = discriminatedUnionOf(resolved, root);
  if (!union) return new Set(Object.keys(resolved.properties ?? {}));
  const variant = union.variants.find((v) => v.value === value[union.key]) ?? union.variants[0]!;
  return new Set(Object.keys(variant.schema.properties ?? {}).filter((k) => k !== union.key));
}

/** Values as they go to the server: unset secrets (undefined) and untouched empties dropped. */
export function credentialsToSend(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
}
