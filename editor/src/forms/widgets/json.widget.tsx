import { useEffect, useState } from 'react';
import { Text, TextArea } from '@radix-ui/themes';
import { fieldTestId, type WidgetProps } from './widget.types.ts';

/** Fallback for values the form has no widget for: edit them as JSON. */
export function JsonWidget({ value, onChange, id, path, invalid }: WidgetProps) {
  const [text, setText] = useState(() => (value === undefined ? '' : JSON.stringify(value, null, 2)));
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    try {
      if (JSON.stringify(JSON.parse(text || 'null')) === JSON.stringify(value ?? null)) return;
    } catch {
      /* the user is typing */
    }
    setText(value === undefined ? '' : JSON.stringify(value, null, 2));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);
  return (
    <>
      <TextArea
        id={id}
        data-testid={fieldTestId(path)}
        className="mono-input"
        rows={4}
        resize="vertical"
        value={text}
        color={invalid || error ? 'red' : undefined}
        onChange={(e) => {
          setText(e.target.value);
          if (e.target.value.trim() === '') {
            setError(null);
            return onChange(undefined);
          }
          try {
            onChange(JSON.parse(e.target.value));
            setError(null);
          } catch {
            setError('Некорректный JSON');
          }
        }}
      />
      {error && (
        <Text size="1" color="red">
          {error}
        </Text>
      )}
    </>
  );
}
