import { Button, Flex, IconButton, Text, TextField, Tooltip } from '@radix-ui/themes';
import { Cross2Icon, PlusIcon } from '@radix-ui/react-icons';
import { schemaType } from '../json-schema.util.ts';
import { TemplateWidget } from './template.widget.tsx';
import { fieldTestId, type WidgetProps } from './widget.types.ts';
import { useRowEditor } from './use-row-editor.hook.ts';

interface Row {
  key: string;
  value: string;
}

/** Rows from either shape: a record `{k: v}` or a list `[{key, value}]`. */
function toRows(value: unknown): Row[] {
  if (Array.isArray(value)) {
    return value.map((r) => ({ key: String((r as Row)?.key ?? ''), value: String((r as Row)?.value ?? '') }));
  }
  if (value && typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>).map(([key, v]) => ({ key, value: v == null ? '' : String(v) }));
  }
  return [];
}

/**
 * List of key/value rows (headers, query, custom fields); values accept templates. Stored as an
 * object unless the schema says array. Rows with an empty key stay on screen but are not stored
 * in the object form.
 */
export function KeyValueWidget({ schema, value, onChange, path, id }: WidgetProps) {
  const asArray = schemaType(schema) === 'array';
  const { rows, emit } = useRowEditor(
    value,
    toRows,
    (next: Row[]) =>
      asArray
        ? next.map((r) => ({ key: r.key, value: r.value }))
        : Object.fromEntries(next.filter((r) => r.key.trim() !== '').map((r) => [r.key.trim(), r.value])),
    onChange,
  );
  const update = (i: number, patch: Partial<Row>) => emit(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  return (
    <Flex direction="column" gap="2" id={id} data-testid={fieldTestId(path)}>
      {rows.length === 0 && (
        <Text size="1" color="gray">
          Пока пусто
        </Text>
      )}
      {rows.map((row, i) => (
        <Flex key={i} gap="1" align="center">
          <TextField.Root
            size="2"
            style={{ width: '38%' }}
            placeholder="Ключ"
            aria-label="Ключ"
            value={row.key}
            onChange={(e) => update(i, { key: e.target.value })}
          />
          <div style={{ flex: 1, minWidth: 0 }}>
            <TemplateWidget
              schema={{}}
              value={row.value}
              onChange={(v) => update(i, { value: String(v ?? '') })}
              path={`${path}.${i}.value`}
              id={`${id}-${i}-value`}
              invalid={false}
              placeholder="Значение"
            />
          </div>
          <Tooltip content="Удалить строку">
            <IconButton size="1" variant="ghost" color="gray" aria-label="Удалить строку" onClick={() => emit(rows.filter((_, j) => j !== i))}>
              <Cross2Icon />
            </IconButton>
          </Tooltip>
        </Flex>
      ))}
      <div>
        <Button size="1" variant="soft" onClick={() => emit([...rows, { key: '', value: '' }])} type="button">
          <PlusIcon /> Добавить строку
        </Button>
      </div>
    </Flex>
  );
}
