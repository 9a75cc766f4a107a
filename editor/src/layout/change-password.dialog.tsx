import { useState, type FormEvent } from 'react';
import { Button, Dialog, Flex } from '@radix-ui/themes';
import { authApi } from '../api/auth.api.ts';
import { FormField } from '../components/form-field.component.tsx';
import { ErrorCallout } from '../components/error-callout.component.tsx';
import { compact, splitServerError, type FieldErrors } from '../pages/auth/auth-validation.util.ts';

type Field = 'currentPassword' | 'newPassword' | 'repeat';
type Values = Record<Field, string>;
const EMPTY: Values = { currentPassword: '', newPassword: '', repeat: '' };
const SERVER_FIELDS: readonly Field[] = ['currentPassword', 'newPassword'];

function validate(v: Values): FieldErrors<Field> {
  return compact<Field>({
    currentPassword: v.currentPassword ? undefined : 'Введите текущий пароль',
    newPassword: !v.newPassword
      ? 'Введите новый пароль'
      : v.newPassword.length < 8
        ? 'Пароль должен быть не короче 8 символов'
        : v.newPassword === v.currentPassword
          ? 'Новый пароль должен отличаться от текущего'
          : undefined,
    repeat: !v.repeat ? 'Повторите новый пароль' : v.repeat !== v.newPassword ? 'Пароли не совпадают' : undefined,
  });
}

interface Props {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** After the server changed the password: how many other sessions it ended. */
  onChanged: (endedSessions: number) => void;
}

/** Current, new and repeated password; the server ends the user's other sessions. */
export function ChangePasswordDialog({ open, onOpenChange, onChanged }: Props) {
  const [values, setValues] = useState<Values>(EMPTY);
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const [general, setGeneral] = useState<unknown>(null);
  const [pending, setPending] = useState(false);

  const change = (next: boolean) => {
    if (pending) return;
    if (!next) {
      setValues(EMPTY);
      setErrors({});
      setGeneral(null);
    }
    onOpenChange(next);
  };

  const field = (name: Field) => ({
    id: `change-password-${name}`,
    value: values[name],
    error: errors[name],
    onChange: (value: string) => {
      setValues((v) => ({ ...v, [name]: value }));
      // The message goes once the user starts correcting the field.
      if (errors[name]) setErrors((e) => ({ ...e, [name]: undefined }));
    },
  });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found = validate(values);
    setErrors(found);
    setGeneral(null);
    if (Object.keys(found).length) return;
    setPending(true);
    try {
      const { endedSessions } = await authApi.changePassword({ currentPassword: values.currentPassword, newPassword: values.newPassword });
      setPending(false);
      setValues(EMPTY);
      onOpenChange(false);
      onChanged(endedSessions);
    } catch (err) {
      const split = splitServerError(err, SERVER_FIELDS);
      setErrors(split.fieldErrors);
      setGeneral(split.general);
      setPending(false);
    }
  };

  return (
    <Dialog.Root open={open} onOpenChange={change}>
      <Dialog.Content maxWidth="440px">
        <Dialog.Title>Смена пароля</Dialog.Title>
        <Dialog.Description size="2" color="gray" mb="4">
          После смены пароля все другие сеансы завершатся: на других устройствах нужно будет войти заново.
        </Dialog.Description>
        <form onSubmit={submit} noValidate>
          <Flex direction="column" gap="4">
            <FormField {...field('currentPassword')} label="Текущий пароль" type="password" autoComplete="current-password" autoFocus />
            <FormField {...field('newPassword')} label="Новый пароль" type="password" autoComplete="new-password" hint="Не короче 8 символов" />
            <FormField {...field('repeat')} label="Повторите новый пароль" type="password" autoComplete="new-password" />
            <ErrorCallout error={general} />
            <Flex gap="3" justify="end" mt="1">
              <Dialog.Close>
                <Button type="button" variant="soft" color="gray" disabled={pending}>
                  Отмена
                </Button>
              </Dialog.Close>
              <Button type="submit" loading={pending}>
                Сменить пароль
              </Button>
            </Flex>
          </Flex>
        </form>
      </Dialog.Content>
    </Dialog.Root>
  );
}
