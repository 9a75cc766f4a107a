import { Button, DropdownMenu, Flex, IconButton, Text, Tooltip } from '@radix-ui/themes';
import { Cross2Icon, ListBulletIcon, PlusIcon } from '@radix-ui/react-icons';
import type { OptionItem } from '../../api/connections.api.ts';
import { RemoteCombobox } from '../remote-combobox.component.tsx';
import { TemplateWidget } from './template.widget.tsx';
import { useListConnection } from './remote-select.widget.tsx';
import { useRemoteOptions, type RemoteOptions } from './use-remote-options.hook.ts';
import { fieldTestId, type WidgetProps } from './widget.types.ts';
import { useRowEditor } from './use-row-editor.hook.ts';

interface Row {
  field: string;
  value: string;
}

function toRows(value: unknown): Row[] {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return [];
  return Object.entries(value as Record<string, unknown>).map(([field, v]) => ({ field, value: v == null ? '' : typeof v === 'string' ? v : JSON.stringify(v) }));
}

const enumsOf = (o: OptionItem | undefined): string[] => (Array.isArray(o?.data?.enums) ? (o!.data!.enums as unknown[]).map(String) : []);

/** The value cell: a template, plus the field's own values when it is a list field. */
function ValueCell({ row, option, path, id, onChange }: { row: Row; option: OptionItem | undefined; path: string; id: string; onChange: (v: string) => void }) {
  const enums = enumsOf(option);
  return (
    <Flex gap="1" align="center">
      <div style={{ flex: 1, minWidth: 0 }}>
        <TemplateWidget schema={{}} value={row.value} onChange={(v) => onChange(String(v ?? ''))} path={path} id={id} invalid={false} placeholder="Значение или {{поле}}" />
      </div>
      {enums.length > 0 && (
        <DropdownMenu.Root>
          <Tooltip content="Значения поля">
            <DropdownMenu.Trigger>
              <IconButton size="1" variant="soft" type="button" aria-label="Значения поля" data-testid={`${fieldTestId(path)}-enums`}>
                <ListBulletIcon />
              </IconButton>
            </DropdownMenu.Trigger>
          </Tooltip>
          <DropdownMenu.Content size="1" align="end">
            {enums.map((e) => (
              <DropdownMenu.Item key={e} onSelect={() => onChange(e)}>
                {e}
              </DropdownMenu.Item>
            ))}
          </DropdownMenu.Content>
        </DropdownMenu.Root>
      )}
    </Flex>
  );
}

function FieldRow(props: { row: Row; i: number; path: string; id: string; options: RemoteOptions; disabled: boolean; update: (patch: Partial<Row>) => void; remove: () => void }) {
  const { row, i, path, id, options, disabled, update, remove } = props;
  const option = options.items?.find((o) => String(o.value) === row.field);
  const rowPath = `${path}.${i}`;
  return (
    <Flex direction="column" gap="2" className="field-map-row" data-testid={`${fieldTestId(rowPath)}-row`}>
      <Flex gap="1" align="start">
        <RemoteCombobox
          testId={fieldTestId(`${rowPath}.field`)}
          value={row.field}
          items={options.items}
          loading={options.loading}
          error={options.error}
          onRetry={options.reload}
          onPick={(o) => update({ field: String(o.value) })}
          disabled={disabled}
          placeholder={disabled ? 'Сначала выберите подключение' : 'Поле'}
          label="Поле"
        />
        <Tooltip content="Удалить строку">
          <IconButton size="2" variant="ghost" color="gray" type="button" aria-label="Удалить строку" onClick={remove} data-testid={`${fieldTestId(rowPath)}-remove`}>
            <Cross2Icon />
          </IconButton>
        </Tooltip>
      </Flex>
      <ValueCell row={row} option={option} path={`${rowPath}.value`} id={`${id}-${i}-value`} onChange={(v) => update({ value: v })} />
    </Flex>
  );
}

/**
 * Values for remote fields chosen by name (`x-options.source`: the connection's field list):
 * rows of «поле» and «значение» (a template; list fields also offer their values). Stored as
 * `{ "<field name>": "<value>" }`; a row without a field stays on screen but is not stored.
 */
export function FieldMapWidget({ schema, value, onChange, path, id }: WidgetProps) {
  const hint = schema['x-options'] as { source?: string; connection?: string } | undefined;
  const source = String(hint?.source ?? '');
  const connectionId = useListConnection(hint);
  const options = useRemoteOptions(connectionId, source, {});
  const { rows, setRows, emit } = useRowEditor(value, toRows, (next: Row[]) => Object.fromEntries(next.filter((r) => r.field !== '').map((r) => [r.field, r.value])), onChange);

  return (
    <Flex direction="column" gap="2" id={id} data-testid={fieldTestId(path)}>
      {rows.length === 0 && (
        <Text size="1" color="gray">
          Поля не выбраны
        </Text>
      )}
      {rows.map((row, i) => (
        <FieldRow
          key={i}
          row={row}
          i={i}
          path={path}
          id={id}
          options={options}
          disabled={!connectionId}
          update={(patch) => emit(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)))}
          remove={() => emit(rows.filter((_, j) => j !== i))}
        />
      ))}
      <div>
        <Button size="1" variant="soft" type="button" onClick={() => setRows([...rows, { field: '', value: '' }])} data-testid={`${fieldTestId(path)}-add`}>
          <PlusIcon /> Добавить поле
        </Button>
      </div>
    </Flex>
  );
}
