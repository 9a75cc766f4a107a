import { useId } from 'react';
import { Box, Flex, Text } from '@radix-ui/themes';
import { ExclamationTriangleIcon } from '@radix-ui/react-icons';
import { discriminatedUnionOf, resolveSchema, schemaType, widgetOf, type JsonSchema } from './json-schema.util.ts';
import { useFormEnv, useIssuesAt } from './form-env.context.ts';
import { INLINE_LABEL_WIDGETS, WIDGETS } from './widget-registry.ts';
import { ObjectFields } from './object-fields.component.tsx';
import { UnionFields } from './union-fields.component.tsx';

interface Props {
  name: string;
  schema: JsonSchema;
  value: unknown;
  onChange: (value: unknown) => void;
  path: string;
  required: boolean;
}

const fallbackWidget = (s: JsonSchema) => widgetOf({ ...s, 'x-widget': undefined });

/** One labelled field: label (title), required mark, widget, hint (description), issues by path. */
export function SchemaField({ name, schema, value, onChange, path, required }: Props) {
  const { root, widgets } = useFormEnv();
  const id = useId();
  const s = resolveSchema(schema, root);
  const issues = useIssuesAt(path);
  const union = s['x-widget'] ? null : discriminatedUnionOf(s, root);
  const hinted = union ? 'union' : widgetOf(s);
  const widget = widgets?.[hinted] || WIDGETS[hinted] || hinted === 'object' || hinted === 'union' ? hinted : fallbackWidget(s);
  const label = s.title ?? name;
  const invalid = issues.some((i) => i.severity === 'error');
  // An unset prop shows its default: that is what the server will use.
  const shown = value === undefined && s.default !== undefined ? s.default : value;

  const labelNode = (
    <Text as="label" htmlFor={id} size="2" weight="medium">
      {label}
      {required && schemaType(s) !== 'boolean' && (
        <Text color="red" aria-label="обязательное поле">
          {' '}
          *
        </Text>
      )}
    </Text>
  );

  let control;
  if (union) {
    control = (
      <Box className="schema-form-group">
        <UnionFields union={union} value={shown} onChange={onChange} path={path} />
      </Box>
    );
  } else if (widget === 'object') {
    control = (
      <Box className="schema-form-group">
        <ObjectFields schema={s} value={shown} onChange={onChange} path={path} />
      </Box>
    );
  } else {
    const Widget = widgets?.[widget] ?? WIDGETS[widget] ?? WIDGETS.json!;
    control = <Widget schema={s} value={shown} onChange={onChange} path={path} id={id} invalid={invalid} />;
  }

  return (
    <Flex direction="column" gap="1" className="schema-field" data-path={path}>
      {INLINE_LABEL_WIDGETS.has(widget) ? (
        <Flex align="center" justify="between" gap="3">
          {labelNode}
          {control}
        </Flex>
      ) : (
        <>
          {labelNode}
          {control}
        </>
      )}
      {s.description && (
        <Text size="1" color="gray" className="schema-field-hint">
          {s.description}
        </Text>
      )}
      {issues.map((issue, i) => (
        <Flex key={i} gap="1" align="center" className="schema-field-issue">
          <ExclamationTriangleIcon color={issue.severity === 'error' ? 'var(--red-11)' : 'var(--amber-11)'} />
          <Text size="1" color={issue.severity === 'error' ? 'red' : 'amber'}>
            {issue.message}
          </Text>
        </Flex>
      ))}
    </Flex>
  );
}
