import { Flex } from '@radix-ui/themes';
import { joinPath, type JsonSchema } from './json-schema.util.ts';
import { SchemaField } from './schema-field.component.tsx';

interface Props {
  schema: JsonSchema;
  value: unknown;
  onChange: (value: Record<string, unknown>) => void;
  path: string;
}

/** The fields of an object schema, in declaration order (hidden and read-only ones left out). Unset keys are removed, not stored as undefined. */
export function ObjectFields({ schema, value, onChange, path }: Props) {
  const obj = value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  const required = new Set(schema.required ?? []);
  // `readOnly` fields are the server's to fill (OAuth tokens, their expiry): not for the user to type.
  const entries = Object.entries(schema.properties ?? {}).filter(([, s]) => !(s as JsonSchema)['x-hidden'] && (s as JsonSchema).readOnly !== true);
  return (
    <Flex direction="column" gap="4">
      {entries.map(([key, sub]) => (
        <SchemaField
          key={key}
          name={key}
          schema={sub}
          path={joinPath(path, key)}
          required={required.has(key) && sub.default === undefined}
          value={obj[key]}
          onChange={(v) => {
            const next = { ...obj };
            if (v === undefined) delete next[key];
            else next[key] = v;
            onChange(next);
          }}
        />
      ))}
    </Flex>
  );
}
