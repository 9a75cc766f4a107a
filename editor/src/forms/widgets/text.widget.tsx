import { TextArea, TextField } from '@radix-ui/themes';
import { fieldTestId, type WidgetProps } from './widget.types.ts';

export function TextWidget({ value, onChange, id, path, invalid, schema, placeholder }: WidgetProps) {
  return (
    <TextField.Root
      id={id}
      data-testid={fieldTestId(path)}
      value={typeof value === 'string' ? value : value == null ? '' : String(value)}
      onChange={(e) => onChange(e.target.value)}
      color={invalid ? 'red' : undefined}
      placeholder={placeholder ?? (schema['x-options']?.placeholder as string | undefined)}
      maxLength={schema.maxLength}
    />
  );
}

export function TextareaWidget({ value, onChange, id, path, invalid, schema, placeholder }: WidgetProps) {
  return (
    <TextArea
      id={id}
      data-testid={fieldTestId(path)}
      value={typeof value === 'string' ? value : value == null ? '' : String(value)}
      onChange={(e) => onChange(e.target.value)}
      color={invalid ? 'red' : undefined}
      placeholder={placeholder ?? (schema['x-options']?.placeholder as string | undefined)}
      rows={5}
      resize="vertical"
      className="mono-input"
    />
  );
}
