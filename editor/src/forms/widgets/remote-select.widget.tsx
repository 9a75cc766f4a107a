import { useEffect, useState } from 'react';
import { Button, Flex, Tooltip } from '@radix-ui/themes';
import { useFormEnv } from '../form-env.context.ts';
import { RemoteCombobox } from '../remote-combobox.component.tsx';
import { TemplateWidget } from './template.widget.tsx';
import { useRemoteOptions } from './use-remote-options.hook.ts';
import { fieldTestId, type WidgetProps } from './widget.types.ts';

interface RemoteOptionsHint {
  source?: string;
  dependsOn?: string[];
  /** The field holding the list's connection (a template form has one per CRM); default `connectionId`. */
  connection?: string;
}

const isTemplate = (v: unknown) => typeof v === 'string' && v.includes('{{');
const isSet = (v: unknown) => v !== undefined && v !== null && v !== '';

/** The connection a list reads: the node's `connectionId`, or the form field the hint names. */
export function useListConnection(hint: { connection?: unknown } | undefined): string | undefined {
  const { values } = useFormEnv();
  const id = values[typeof hint?.connection === 'string' ? hint.connection : 'connectionId'];
  return typeof id === 'string' && id ? id : undefined;
}

/** The values of the props a list depends on, as the query of the options request. */
export function useDependencyValues(dependsOn: string[] | undefined): Record<string, string> {
  const { values } = useFormEnv();
  const out: Record<string, string> = {};
  for (const name of dependsOn ?? []) if (isSet(values[name])) out[name] = String(values[name]);
  return out;
}

/**
 * A value chosen from the node connection's list (`x-options.source`, e.g. pipelines; statuses of
 * the pipeline chosen in `dependsOn`). The option's own value is stored (a number for AmoCRM ids).
 * «Из данных» switches to a template for values that come from the run (`{{trigger.lead.pipeline_id}}`).
 */
export function RemoteSelectWidget({ value, onChange, id, path, invalid, schema }: WidgetProps) {
  const hint = (schema['x-options'] ?? {}) as RemoteOptionsHint;
  const connectionId = useListConnection(hint);
  const deps = useDependencyValues(hint.dependsOn);
  const options = useRemoteOptions(connectionId, String(hint.source ?? ''), deps);
  const [mode, setMode] = useState<'list' | 'template'>(isTemplate(value) ? 'template' : 'list');
  const { runData = true } = useFormEnv();
  const testId = fieldTestId(path);

  // An undo or an import may bring a template in while the list is shown.
  useEffect(() => {
    if (isTemplate(value)) setMode('template');
  }, [value]);

  const toggle = (
    <Tooltip content={mode === 'list' ? 'Взять значение из данных запуска ({{…}})' : 'Выбрать значение из списка'}>
      <Button
        size="1"
        variant="ghost"
        color="gray"
        type="button"
        className="remote-select-mode"
        data-testid={`${testId}-mode`}
        onClick={() => {
          setMode(mode === 'list' ? 'template' : 'list');
          onChange(undefined);
        }}
      >
        {mode === 'list' ? 'Из данных' : 'Из списка'}
      </Button>
    </Tooltip>
  );

  if (mode === 'template') {
    return (
      <Flex gap="2" align="center">
        <div style={{ flex: 1, minWidth: 0 }}>
          <TemplateWidget
            schema={{}}
            value={value}
            onChange={(v) => onChange(v === '' ? undefined : v)}
            path={path}
            id={id}
            invalid={invalid}
            placeholder="{{…}} из данных запуска"
          />
        </div>
        {toggle}
      </Flex>
    );
  }
  return (
    <Flex gap="2" align="start">
      <RemoteCombobox
        id={id}
        testId={testId}
        value={value}
        items={options.items}
        loading={options.loading}
        error={options.error}
        onRetry={options.reload}
        onPick={(o) => onChange(o.value)}
        disabled={!connectionId}
        placeholder={connectionId ? (options.loading ? 'Загрузка…' : 'Выберите из списка') : 'Сначала выберите подключение'}
        invalid={invalid}
        label={typeof schema.title === 'string' ? schema.title : undefined}
      />
      {runData && toggle}
    </Flex>
  );
}
