import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { Button, Callout, Dialog, Flex, Text, TextField } from '@radix-ui/themes';
import { EnterIcon, ExclamationTriangleIcon, InfoCircledIcon } from '@radix-ui/react-icons';
import { connectionsApi, type ConnectionView } from '../../api/connections.api.ts';
import type { PluginInfo } from '../../api/node-types.api.ts';
import { SchemaForm } from '../../forms/schema-form.component.tsx';
import { defaultProps } from '../../forms/json-schema.util.ts';
import { toast } from '../../store/editor-toast.store.ts';
import { CredentialSecretWidget, StoredFieldsContext } from './credential-secret.widget.tsx';
import { connectionFormErrors, type ConnectionFormErrors } from './connection-issues.util.ts';
import { credentialsToSend, visibleCredentialFields } from './credentials-form.util.ts';

export type ConnectionDialogMode = { kind: 'create' } | { kind: 'edit'; connection: ConnectionView };

interface Props {
  plugin: PluginInfo & { connection: NonNullable<PluginInfo['connection']> };
  mode: ConnectionDialogMode | null;
  defaultName: string;
  onClose: () => void;
  onSaved: (view: ConnectionView) => void;
}

const WIDGETS = { secret: CredentialSecretWidget };
const NO_ERRORS: ConnectionFormErrors = { fields: [], general: null };

/** Tells the user how the save went: the server tests the credentials (and loads metadata) at once. */
function announce(view: ConnectionView, verb: string) {
  if (view.status === 'ok') toast.success(`Подключение «${view.name}» ${verb}${view.account ? `: ${view.account}` : ''}`);
  else if (view.status === 'error') toast.warning(`Подключение «${view.name}» сохранено, но проверка не прошла: ${view.lastError ?? 'причина неизвестна'}`);
  else if (view.status !== 'pending') toast.success(`Подключение «${view.name}» сохранено`);
}

/**
 * «Добавить подключение» / «Изменить»: a name and the plugin's credentials form, rendered from its
 * JSON Schema. Secrets are never shown: a stored one is kept unless a new value is typed. An OAuth
 * connection ends with «Войти через …» (the consent page of the service).
 */
export function ConnectionDialog({ plugin, mode, defaultName, onClose, onSaved }: Props) {
  const schema = plugin.connection.schema;
  const editing = mode?.kind === 'edit' ? mode.connection : null;
  const [name, setName] = useState('');
  const [value, setValue] = useState<Record<string, unknown>>({});
  const [initial, setInitial] = useState('');
  const [errors, setErrors] = useState<ConnectionFormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const [awaitingLogin, setAwaitingLogin] = useState<ConnectionView | null>(null);

  useEffect(() => {
    if (!mode) return;
    const start = mode.kind === 'edit' ? { ...mode.connection.settings } : defaultProps(schema);
    setName(mode.kind === 'edit' ? mode.connection.name : defaultName);
    setValue(start);
    setInitial(JSON.stringify(start));
    setErrors(NO_ERRORS);
    setAwaitingLogin(null);
    // Opening the dialog (a new mode object) starts a fresh form.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [mode]);

  const stored = useMemo(() => new Set(editing?.fields ?? []), [editing]);

  // A server complaint about a field goes away once that field is edited.
  const change = (next: Record<string, unknown>) => {
    setErrors((e) => {
      const fields = e.fields.filter((i) => {
        const key = i.path.split('.')[0]!;
        return JSON.stringify(next[key]) === JSON.stringify(value[key]);
      });
      return fields.length === e.fields.length ? e : { ...e, fields };
    });
    setValue(next);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return setErrors({ ...NO_ERRORS, name: 'Укажите название' });
    setBusy(true);
    setErrors(NO_ERRORS);
    try {
      const credentials = credentialsToSend(value);
      let view: ConnectionView;
      if (editing) {
        // Untouched credentials are not sent: saving a new name alone does not re-test the account.
        const changed = JSON.stringify(value) !== initial;
        view = await connectionsApi.update(editing.id, { name: trimmed, ...(changed ? { credentials } : {}) });
        announce(view, 'сохранено');
      } else {
        view = await connectionsApi.create({ plugin: plugin.id, name: trimmed, credentials });
        announce(view, 'добавлено');
      }
      onSaved(view);
      if (view.oauthPending) setAwaitingLogin(view);
      else onClose();
    } catch (err) {
      setErrors(connectionFormErrors(err, visibleCredentialFields(schema, value)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog.Root open={mode !== null} onOpenChange={(open) => !open && !busy && onClose()}>
      <Dialog.Content maxWidth="560px" data-testid="connection-dialog" aria-describedby={undefined}>
        <Dialog.Title>{editing ? `Изменить подключение «${editing.name}»` : `Новое подключение: ${plugin.title}`}</Dialog.Title>
        {awaitingLogin ? (
          <Flex direction="column" gap="4" className="fade-in" data-testid="connection-login-step">
            <Callout.Root color="violet" variant="surface">
              <Callout.Icon>
                <InfoCircledIcon />
              </Callout.Icon>
              <Callout.Text>
                Подключение «{awaitingLogin.name}» создано. Осталось разрешить доступ: откроется страница {plugin.title}, после входа вы вернётесь сюда.
              </Callout.Text>
            </Callout.Root>
            <Flex gap="3" justify="end">
              <Button variant="soft" color="gray" type="button" onClick={onClose}>
                Позже
              </Button>
              <Button asChild>
                <a href={connectionsApi.oauthStartUrl(awaitingLogin.id)} data-testid="connection-oauth-login">
                  <EnterIcon /> Войти через {plugin.title}
                </a>
              </Button>
            </Flex>
          </Flex>
        ) : (
          <form onSubmit={submit} noValidate>
            <Text as="p" size="2" color="gray" mb="4">
              {editing
                ? 'Секретные поля пустые: сохранённые значения не показываются. Оставьте поле пустым, чтобы сохранить прежнее.'
                : 'Данные хранятся в зашифрованном виде. После сохранения подключение сразу проверяется.'}
            </Text>
            <Flex direction="column" gap="4">
              <Flex direction="column" gap="1">
                <Text as="label" htmlFor="connection-name" size="2" weight="medium">
                  Название
                </Text>
                <TextField.Root
                  id="connection-name"
                  value={name}
                  onChange={(e) => {
                    setName(e.target.value);
                    if (errors.name) setErrors({ ...errors, name: undefined });
                  }}
                  placeholder="Например, «Отдел продаж»"
                  color={errors.name ? 'red' : undefined}
                  maxLength={200}
                  data-testid="connection-name"
                />
                {errors.name && (
                  <Text size="1" color="red" className="fade-in">
                    {errors.name}
                  </Text>
                )}
              </Flex>
              <StoredFieldsContext.Provider value={stored}>
                <SchemaForm schema={schema} value={value} onChange={change} issues={errors.fields} widgets={WIDGETS} emptyText="Этому подключению не нужны данные для входа." />
              </StoredFieldsContext.Provider>
              {errors.general && (
                <Callout.Root color="red" variant="surface" role="alert" className="fade-in" data-testid="connection-dialog-error">
                  <Callout.Icon>
                    <ExclamationTriangleIcon />
                  </Callout.Icon>
                  <Callout.Text>{errors.general}</Callout.Text>
                </Callout.Root>
              )}
            </Flex>
            <Flex gap="3" mt="5" justify="end" align="center">
              {busy && (
                <Text size="1" color="gray" className="fade-in" style={{ marginRight: 'auto' }}>
                  Проверяем подключение и загружаем справочники…
                </Text>
              )}
              <Button variant="soft" color="gray" type="button" onClick={onClose} disabled={busy}>
                Отмена
              </Button>
              <Button type="submit" loading={busy} data-testid="connection-submit">
                {editing ? 'Сохранить' : 'Подключить'}
              </Button>
            </Flex>
          </form>
        )}
      </Dialog.Content>
    </Dialog.Root>
  );
}
