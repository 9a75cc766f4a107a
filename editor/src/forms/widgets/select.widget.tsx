import { Select } from '@radix-ui/themes';
import { enumOptions } from '../json-schema.util.ts';
import { fieldTestId, type WidgetProps } from './widget.types.ts';

const EMPTY = '__empty__';

export function SelectWidget({ value, onChange, id, path, invalid, schema }: WidgetProps) {
  const options = enumOptions(schema);
  const numeric = typeof schema.enum?.[0] === 'number';
  const current = value == null || value === '' ? EMPTY : String(value);
  return (
    <Select.Root
      value={current}
      onValueChange={(v) => onChange(v === EMPTY ? undefined : numeric ? Number(v) : v)}
    >
      <Select.Trigger id={id} data-testid={fieldTestId(path)} color={invalid ? 'red' : undefined} placeholder="Выберите значение" />
      <Select.Content position="popper">
        {current === EMPTY && <Select.Item value={EMPTY}>Не выбрано</Select.Item>}
        {options.map((o) => (
          <Select.Item key={o.value} value={o.value === '' ? EMPTY : o.value}>
            {o.title}
          </Select.Item>
        ))}
      </Select.Content>
    </Select.Root>
  );
}
