import { useMemo } from 'react';
import { Text } from '@radix-ui/themes';
import { resolveSchema, type JsonSchema } from './json-schema.util.ts';
import { FormEnvContext, type FieldIssue } from './form-env.context.ts';
import type { FieldPathGroup } from './field-paths.util.ts';
import { ObjectFields } from './object-fields.component.tsx';
import { WIDGETS } from './widget-registry.ts';

interface Props {
  /** The props JSON Schema of a node type. */
  schema: Record<string, unknown>;
  value: Record<string, unknown>;
  onChange: (value: Record<string, unknown>) => void;
  /** Issues with a dot `path` inside props; each is shown next to its field. */
  issues?: FieldIssue[];
  fieldPaths?: FieldPathGroup[];
}

/** A generic form for a JSON Schema with `x-widget` hints. Renders everything from metadata. */
export function SchemaForm({ schema, value, onChange, issues = [], fieldPaths = [] }: Props) {
  const root = schema as JsonSchema;
  const env = useMemo(() => ({ root, issues, fieldPaths }), [root, issues, fieldPaths]);
  const resolved = resolveSchema(root, root);
  const RootWidget = resolved['x-widget'] ? WIDGETS[resolved['x-widget']] : undefined;
  const hasFields = Object.keys(resolved.properties ?? {}).length > 0;
  const rootIssues = issues.filter((i) => i.path === '');
  return (
    <FormEnvContext.Provider value={env}>
      {RootWidget && <RootWidget schema={resolved} value={value} onChange={onChange} path="" id="props-root" invalid={false} />}
      {!RootWidget && !hasFields && (
        <Text size="2" color="gray">
          У этого узла нет настроек.
        </Text>
      )}
      {rootIssues.map((i, k) => (
        <Text key={k} as="p" size="1" color={i.severity === 'error' ? 'red' : 'amber'} mb="2">
          {i.message}
        </Text>
      ))}
      {!RootWidget && hasFields && <ObjectFields schema={resolved} value={value} onChange={onChange} path="" />}
    </FormEnvContext.Provider>
  );
}
