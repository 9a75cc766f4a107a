import { useEffect, useState } from 'react';
import { Button, Flex, IconButton, Text, TextField, Tooltip } from '@radix-ui/themes';
import { EyeClosedIcon, EyeOpenIcon } from '@radix-ui/react-icons';
import { fieldTestId, type WidgetProps } from './widget.types.ts';

/** How the server stores a `secret-hash` prop once saved (core/plugins/secret-props.ts). */
const HASH_PREFIX = 'sha256:';

/**
 * A shared secret the server keeps only as `sha256:<hex>`. The hash is never put in the field (or
 * anywhere in the page): a stored secret shows as an empty password field saying it is set; typing
 * replaces it, erasing what was typed keeps the stored one, «Убрать секрет» clears it.
 */
export function SecretHashWidget({ value, onChange, id, path, invalid }: WidgetProps) {
  const current = typeof value === 'string' ? value : '';
  const isHash = current.startsWith(HASH_PREFIX);
  // The stored hash to fall back to while the user types a replacement.
  const [kept, setKept] = useState<string | null>(isHash ? current : null);
  useEffect(() => {
    if (isHash) setKept(current);
  }, [current, isHash]);
  const [shown, setShown] = useState(false);

  const typed = isHash ? '' : current;
  const eyeLabel = shown ? 'Скрыть значение' : 'Показать значение';
  const remove = () => {
    setKept(null);
    setShown(false);
    onChange('');
  };

  return (
    <Flex direction="column" gap="1">
      <TextField.Root
        id={id}
        data-testid={fieldTestId(path)}
        type={shown && typed ? 'text' : 'password'}
        autoComplete="new-password"
        value={typed}
        onChange={(e) => onChange(e.target.value === '' && kept ? kept : e.target.value)}
        color={invalid ? 'red' : undefined}
        placeholder={kept ? 'Задан — введите новое значение, чтобы заменить' : 'Не задан'}
      >
        {typed && (
          <TextField.Slot side="right">
            <Tooltip content={eyeLabel}>
              <IconButton size="1" variant="ghost" color="gray" type="button" aria-label={eyeLabel} onClick={() => setShown((v) => !v)}>
                {shown ? <EyeClosedIcon /> : <EyeOpenIcon />}
              </IconButton>
            </Tooltip>
          </TextField.Slot>
        )}
      </TextField.Root>
      {(kept || typed) && (
        <Flex gap="2" align="center" justify="between">
          <Text size="1" color="gray">
            {kept && typed ? 'Новое значение заменит текущее при сохранении' : ''}
          </Text>
          <Button size="1" variant="soft" color="gray" type="button" onClick={remove} data-testid={`${fieldTestId(path)}-clear`}>
            Убрать секрет
          </Button>
        </Flex>
      )}
    </Flex>
  );
}
