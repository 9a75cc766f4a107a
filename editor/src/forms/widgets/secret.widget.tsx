import { useState } from 'react';
import { IconButton, TextField, Tooltip } from '@radix-ui/themes';
import { EyeClosedIcon, EyeOpenIcon } from '@radix-ui/react-icons';
import { fieldTestId, type WidgetProps } from './widget.types.ts';

export function SecretWidget({ value, onChange, id, path, invalid }: WidgetProps) {
  const [shown, setShown] = useState(false);
  const label = shown ? 'Скрыть значение' : 'Показать значение';
  return (
    <TextField.Root
      id={id}
      data-testid={fieldTestId(path)}
      type={shown ? 'text' : 'password'}
      autoComplete="new-password"
      value={typeof value === 'string' ? value : ''}
      onChange={(e) => onChange(e.target.value)}
      color={invalid ? 'red' : undefined}
      placeholder="Секретное значение"
    >
      <TextField.Slot side="right">
        <Tooltip content={label}>
          <IconButton size="1" variant="ghost" color="gray" aria-label={label} onClick={() => setShown((v) => !v)}>
            {shown ? <EyeClosedIcon /> : <EyeOpenIcon />}
          </IconButton>
        </Tooltip>
      </TextField.Slot>
    </TextField.Root>
  );
}
