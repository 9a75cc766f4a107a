import { useMemo, type ComponentType } from 'react';
import { Text } from '@radix-ui/themes';
import { discriminatedUnionOf, resolveSchema, type JsonSchema } from './json-schema.util.ts';
import { FormEnvContext, type FieldIssue, type FormEnv } from './form-env.context.ts';
import type { FieldPathGroup } from './field-paths.util.ts';
import { ObjectFields } from './object-fields.component.tsx';
import { UnionFields } from './union-fields.component.tsx';
import { WIDGETS } from './widget-registry.ts';
import type { WidgetProps } from './widgets/widget.types.ts';
import './forms.css';

interface Props {
  /** The props JSON Schema of a node type (or a connection's credentials). */
  schema: Record<string, unknown>;
  value: Record<string, unknown>;
  onChange: (value: Record<string, unknown>) => void;
  /** Issues with a dot `path` inside props; each is shown next to its field. */
  issues?: FieldIssue[];
  fieldPaths?: FieldPathGroup[];
  /** Widgets this form draws its own way, by `x-widget` name. */
  widgets?: Partial<Record<string, ComponentType<WidgetProps<any>>>>;
  /** Said when the schema has no fields. */
  emptyText?: string;
  /** False where no run data exists yet (a template's form): lists offer no «Из данных». */
  runData?: boolean;
}

/** A generic form for a JSON Schema with `x-widget` hints. Renders everything from metadata. */
export function SchemaForm({ schema, value, onChange, issues = [], fieldPaths = [], widgets, emptyText = 'У этого узла нет настроек.', runData = true }: Props) {
  const root = schema as JsonSchema;
  const env = useMemo<FormEnv>(() => ({ root, issues, fieldPaths, values: value, widgets, runData }), [root, issues, fieldPaths, value, widgets, runData]);
  const resolved = resolveSchema(root, root);
  const union = useMemo(() => discriminatedUnionOf(resolved, root), [resolved, root]);
  const rootWidgetName = resolved['x-widget'];
  const RootWidget = rootWidgetName ? (widgets?.[rootWidgetName] ?? WIDGETS[rootWidgetName]) : undefined;
  const hasFields = Object.keys(resolved.properties ?? {}).length > 0;
  const rootIssues = issues.filter((i) => i.path === '');
  return (
    <FormEnvContext.Provider value={env}>
      {RootWidget && <RootWidget schema={resolved} value={value} onChange={onChange} path="" id="props-root" invalid={false} />}
      {!RootWidget && !hasFields && !union && (
        <Text size="2" color="gray">
          {emptyText}
        </Text>
      )}
      {rootIssues.map((i, k) => (
        <Text key={k} as="p" size="1" color={i.severity === 'error' ? 'red' : 'amber'} mb="2">
          {i.message}
        </Text>
      ))}
      {!RootWidget && union && <UnionFields union={union} value={value} onChange={onChange} path="" />}
      {!RootWidget && !union && hasFields && <ObjectFields schema={resolved} value={value} onChange={onChange} path="" />}
    </FormEnvContext.Provider>
  );
}
