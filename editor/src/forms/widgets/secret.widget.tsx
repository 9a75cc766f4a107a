import { useEffect, useState } from 'react';
import { Button, Flex, IconButton, Text, TextField, Tooltip } from '@radix-ui/themes';
import { EyeClosedIcon, EyeOpenIcon } from '@radix-ui/react-icons';
import { SECRET_MASK } from '../../../../core/graph/secret-mask.ts';
import { fieldTestId, type WidgetProps } from './widget.types.ts';

/** What a stored secret looks like on screen: never its value, never its ciphertext. */
export const STORED_SECRET_LABEL = '•••• (задано)';

/** A password field with a show/hide toggle, for typing a new secret. */
export function SecretInput(props: {
  value: string;
  onChange: (value: string) => void;
  id?: string;
  testId?: string;
  invalid?: boolean;
  placeholder?: string;
  autoFocus?: boolean;
  label?: string;
}) {
  const [shown, setShown] = useState(false);
  const eye = shown ? 'Скрыть значение' : 'Показать значение';
  return (
    <TextField.Root
      id={props.id}
      data-testid={props.testId}
      type={shown ? 'text' : 'password'}
      autoComplete="new-password"
      autoFocus={props.autoFocus}
      aria-label={props.label}
      value={props.value}
      onChange={(e) => props.onChange(e.target.value)}
      color={props.invalid ? 'red' : undefined}
      placeholder={props.placeholder ?? 'Секретное значение'}
      style={{ flex: 1, minWidth: 0 }}
    >
      {props.value && (
        <TextField.Slot side="right">
          <Tooltip content={eye}>
            <IconButton size="1" variant="ghost" color="gray" type="button" aria-label={eye} onClick={() => setShown((v) => !v)}>
              {shown ? <EyeClosedIcon /> : <EyeOpenIcon />}
            </IconButton>
          </Tooltip>
        </TextField.Slot>
      )}
    </TextField.Root>
  );
}

/** The read-only face of a stored secret. */
export function StoredSecret({ id, testId }: { id?: string; testId?: string }) {
  return (
    <TextField.Root id={id} data-testid={testId} value={STORED_SECRET_LABEL} readOnly aria-label="Секрет задан" style={{ flex: 1, minWidth: 0 }} color="gray" variant="soft" />
  );
}

/**
 * A secret string prop (`secret`): the server keeps it encrypted and sends SECRET_MASK in its
 * place. A stored secret shows «•••• (задано)»; «Заменить» opens an empty field (left empty, the
 * stored one stays), «Убрать» clears it.
 */
export function SecretWidget({ value, onChange, id, path, invalid }: WidgetProps) {
  const current = typeof value === 'string' ? value : '';
  const isStored = current === SECRET_MASK;
  // Whether a stored value exists to fall back to while a replacement is typed.
  const [kept, setKept] = useState(isStored);
  const [replacing, setReplacing] = useState(false);
  useEffect(() => {
    if (isStored) setKept(true);
  }, [isStored]);
  const testId = fieldTestId(path);

  if (isStored && !replacing) {
    return (
      <Flex gap="2" align="center" data-secret-state="set">
        <StoredSecret id={id} testId={testId} />
        <Button size="1" variant="soft" type="button" onClick={() => setReplacing(true)} data-testid={`${testId}-replace`}>
          Заменить
        </Button>
        <Button size="1" variant="soft" color="gray" type="button" onClick={() => { setKept(false); onChange(''); }} data-testid={`${testId}-clear`}>
          Убрать
        </Button>
      </Flex>
    );
  }
  const typed = isStored ? '' : current;
  return (
    <Flex direction="column" gap="1">
      <Flex gap="2" align="center" data-secret-state={typed ? 'typed' : kept ? 'set' : 'empty'}>
        <SecretInput
          id={id}
          testId={testId}
          value={typed}
          invalid={invalid}
          autoFocus={replacing}
          placeholder={kept ? 'Новое значение' : 'Не задано'}
          onChange={(v) => onChange(v === '' && kept ? SECRET_MASK : v)}
        />
        {kept && (
          <Button size="1" variant="soft" color="gray" type="button" onClick={() => { setReplacing(false); onChange(SECRET_MASK); }} data-testid={`${testId}-cancel`}>
            Отмена
          </Button>
        )}
      </Flex>
      {kept && typed && (
        <Text size="1" color="gray">
          Новое значение заменит текущее при сохранении
        </Text>
      )}
    </Flex>
  );
}
