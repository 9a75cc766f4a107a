import { createContext, useContext } from 'react';
import { Flex } from '@radix-ui/themes';
import { SecretInput } from '../../forms/widgets/secret.widget.tsx';
import { fieldTestId, type WidgetProps } from '../../forms/widgets/widget.types.ts';

/** Names of the credential fields the stored connection has (the API says which, never their values). */
export const StoredFieldsContext = createContext<ReadonlySet<string>>(new Set());

/**
 * A secret credential (token, client secret) in the connection form. The browser never gets the
 * stored value, so the field starts empty; a stored one says so in its placeholder, and left empty
 * it is not sent, so the server keeps it.
 */
export function CredentialSecretWidget({ value, onChange, id, path, invalid }: WidgetProps) {
  const stored = useContext(StoredFieldsContext);
  const name = path.split('.').pop() ?? path;
  const isStored = stored.has(name);
  // A row, so the input keeps its height (it grows sideways with `flex: 1`).
  return (
    <Flex>
      <SecretInput
        id={id}
        testId={fieldTestId(path)}
        value={typeof value === 'string' ? value : ''}
        invalid={invalid}
        placeholder={isStored ? 'Задано — введите новое, чтобы заменить' : 'Секретное значение'}
        onChange={(v) => onChange(v === '' ? undefined : v)}
      />
    </Flex>
  );
}
