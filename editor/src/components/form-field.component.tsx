import { useState, type ChangeEvent } from 'react';
import { Flex, IconButton, Text, TextField } from '@radix-ui/themes';
import { EyeClosedIcon, EyeOpenIcon } from '@radix-ui/react-icons';

interface Props {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'email' | 'password';
  autoComplete?: string;
  error?: string;
  hint?: string;
  autoFocus?: boolean;
  disabled?: boolean;
}

/** Labelled text input with a hint or a Russian error under it; passwords get a show/hide toggle. */
export function FormField({ id, label, value, onChange, type = 'text', autoComplete, error, hint, autoFocus, disabled }: Props) {
  const [reveal, setReveal] = useState(false);
  const describedBy = error ? `${id}-error` : hint ? `${id}-hint` : undefined;
  const inputType = type === 'password' && reveal ? 'text' : type;
  return (
    <Flex direction="column" gap="1">
      <Text as="label" htmlFor={id} size="2" weight="medium">
        {label}
      </Text>
      <TextField.Root
        id={id}
        size="3"
        type={inputType}
        value={value}
        autoComplete={autoComplete}
        autoFocus={autoFocus}
        disabled={disabled}
        color={error ? 'red' : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(e: ChangeEvent<HTMLInputElement>) => onChange(e.target.value)}
        className={error ? 'field-invalid' : undefined}
      >
        {type === 'password' ? (
          <TextField.Slot side="right">
            <IconButton
              type="button"
              size="1"
              variant="ghost"
              color="gray"
              aria-label={reveal ? 'Скрыть пароль' : 'Показать пароль'}
              onClick={() => setReveal((r) => !r)}
            >
              {reveal ? <EyeClosedIcon /> : <EyeOpenIcon />}
            </IconButton>
          </TextField.Slot>
        ) : null}
      </TextField.Root>
      {error ? (
        <Text id={`${id}-error`} size="1" color="red" role="alert" className="fade-in">
          {error}
        </Text>
      ) : hint ? (
        <Text id={`${id}-hint`} size="1" color="gray">
          {hint}
        </Text>
      ) : null}
    </Flex>
  );
}
