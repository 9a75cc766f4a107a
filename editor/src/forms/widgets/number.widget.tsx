import { useEffect, useState } from 'react';
import { TextField } from '@radix-ui/themes';
import { schemaType } from '../json-schema.util.ts';
import { fieldTestId, type WidgetProps } from './widget.types.ts';

/** Keeps the text while typing ("1." or "-") and reports numbers, or undefined when emptied. */
export function NumberWidget({ value, onChange, id, path, invalid, schema }: WidgetProps) {
  const [text, setText] = useState(value == null ? '' : String(value));
  useEffect(() => {
    if (Number(text) !== value) setText(value == null ? '' : String(value));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);
  const integer = schemaType(schema) === 'integer';
  const max = schema.maximum !== undefined && schema.maximum < Number.MAX_SAFE_INTEGER ? schema.maximum : undefined;
  const min = schema.minimum !== undefined && schema.minimum > Number.MIN_SAFE_INTEGER ? schema.minimum : undefined;
  return (
    <TextField.Root
      id={id}
      data-testid={fieldTestId(path)}
      type="number"
      inputMode={integer ? 'numeric' : 'decimal'}
      step={integer ? 1 : 'any'}
      min={min}
      max={max}
      value={text}
      color={invalid ? 'red' : undefined}
      onChange={(e) => {
        const raw = e.target.value;
        setText(raw);
        if (raw.trim() === '') return onChange(undefined);
        const n = Number(raw);
        if (Number.isFinite(n)) onChange(integer ? Math.trunc(n) : n);
      }}
    />
  );
}
