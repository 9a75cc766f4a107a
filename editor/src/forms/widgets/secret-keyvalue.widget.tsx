import { useEffect, useRef, useState } from 'react';
import { Button, Flex, IconButton, Text, TextField, Tooltip } from '@radix-ui/themes';
import { Cross2Icon, PlusIcon } from '@radix-ui/react-icons';
import { SECRET_MASK } from '../../../../core/graph/secret-mask.ts';
import { SecretInput, StoredSecret } from './secret.widget.tsx';
import { fieldTestId, type WidgetProps } from './widget.types.ts';

interface Row {
  name: string;
  /** Typed value; for a stored row being replaced, the replacement. */
  value: string;
  /** The server holds a value for this name (it sent SECRET_MASK). */
  stored: boolean;
  replacing: boolean;
}

function toRows(value: unknown): Row[] {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return [];
  return Object.entries(value as Record<string, unknown>).map(([name, v]) =>
    v === SECRET_MASK ? { name, value: '', stored: true, replacing: false } : { name, value: v == null ? '' : String(v), stored: false, replacing: false },
  );
}

/**
 * Named secrets (`secret-keyvalue`, e.g. auth headers): names are shown, values never. A stored
 * value shows «•••• (задано)» and can be replaced or removed; its name stays as it is, because the
 * server finds the stored value by it. A replacement left empty keeps the stored value.
 */
export function SecretKeyValueWidget({ value, onChange, path, id }: WidgetProps) {
  const [rows, setRows] = useState<Row[]>(() => toRows(value));
  const lastEmitted = useRef<unknown>(value);
  const testId = fieldTestId(path);

  useEffect(() => {
    if (value !== lastEmitted.current) setRows(toRows(value));
  }, [value]);

  const emit = (next: Row[]) => {
    setRows(next);
    const out = Object.fromEntries(
      next.filter((r) => r.name.trim() !== '').map((r) => [r.name.trim(), r.stored && (!r.replacing || r.value === '') ? SECRET_MASK : r.value]),
    );
    lastEmitted.current = out;
    onChange(out);
  };
  const update = (i: number, patch: Partial<Row>) => emit(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  return (
    <Flex direction="column" gap="2" id={id} data-testid={testId}>
      {rows.length === 0 && (
        <Text size="1" color="gray">
          Пока пусто
        </Text>
      )}
      {rows.map((row, i) => (
        <Flex key={i} gap="1" align="center" data-testid={`${testId}-row-${i}`} data-secret-state={row.stored && !row.replacing ? 'set' : row.value ? 'typed' : 'empty'}>
          <TextField.Root
            size="2"
            style={{ width: '36%' }}
            placeholder="Имя, например Authorization"
            aria-label="Имя"
            value={row.name}
            readOnly={row.stored}
            variant={row.stored ? 'soft' : undefined}
            color={row.stored ? 'gray' : undefined}
            onChange={(e) => update(i, { name: e.target.value })}
          />
          {row.stored && !row.replacing ? (
            <>
              <StoredSecret testId={`${testId}-row-${i}-value`} />
              <Button size="1" variant="soft" type="button" onClick={() => update(i, { replacing: true, value: '' })} data-testid={`${testId}-row-${i}-replace`}>
                Заменить
              </Button>
            </>
          ) : (
            <>
              <SecretInput
                testId={`${testId}-row-${i}-value`}
                label="Значение"
                value={row.value}
                autoFocus={row.replacing}
                placeholder={row.stored ? 'Новое значение' : 'Значение'}
                onChange={(v) => update(i, { value: v })}
              />
              {row.stored && (
                <Button size="1" variant="soft" color="gray" type="button" onClick={() => update(i, { replacing: false, value: '' })}>
                  Отмена
                </Button>
              )}
            </>
          )}
          <Tooltip content="Удалить">
            <IconButton size="1" variant="ghost" color="gray" type="button" aria-label="Удалить" onClick={() => emit(rows.filter((_, j) => j !== i))} data-testid={`${testId}-row-${i}-remove`}>
              <Cross2Icon />
            </IconButton>
          </Tooltip>
        </Flex>
      ))}
      <div>
        <Button size="1" variant="soft" type="button" onClick={() => emit([...rows, { name: '', value: '', stored: false, replacing: false }])} data-testid={`${testId}-add`}>
          <PlusIcon /> Добавить
        </Button>
      </div>
    </Flex>
  );
}
