import { useState } from 'react';
import { Button, Flex, Text } from '@radix-ui/themes';
import { ChevronDownIcon, ChevronRightIcon } from '@radix-ui/react-icons';
import { adminApi, type AdminConnection } from '../../api/admin.api.ts';
import { ApiError } from '../../api/client.ts';
import { ErrorCallout } from '../../components/error-callout.component.tsx';
import { FormField } from '../../components/form-field.component.tsx';

/** LPTracker signs every action of the integration with this label unless the admin names another. */
const DEFAULT_SERVICE = 'Конструктор интеграций';

interface Props {
  tenantId: string;
  /** The current binding: its login, service and address fill the form again (never the password). */
  current: AdminConnection | null;
  onBound: (view: AdminConnection) => void;
  onCancel?: () => void;
}

/** Login, password, service and, under «Дополнительно», the API address; the login is tried before saving. */
export function LptrackerForm({ tenantId, current, onBound, onCancel }: Props) {
  const setting = (k: string) => (typeof current?.settings[k] === 'string' ? String(current.settings[k]) : '');
  const [login, setLogin] = useState(setting('login'));
  const [password, setPassword] = useState('');
  const [service, setService] = useState(setting('service') || DEFAULT_SERVICE);
  const [baseUrl, setBaseUrl] = useState(setting('baseUrl'));
  const [advanced, setAdvanced] = useState(Boolean(setting('baseUrl')));
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const field = (name: string) => (error instanceof ApiError ? error.field(name) : undefined);

  const submit = async () => {
    setPending(true);
    setError(null);
    try {
      const view = await adminApi.bindLptracker(tenantId, { login: login.trim(), password, service: service.trim(), baseUrl: baseUrl.trim() || undefined });
      setPassword('');
      onBound(view);
    } catch (err) {
      setError(err);
      if (err instanceof ApiError && err.field('baseUrl')) setAdvanced(true);
    } finally {
      setPending(false);
    }
  };

  return (
    <form
      className="admin-form fade-in"
      data-testid="admin-lptracker-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Flex direction="column" gap="3">
        <FormField id="lpt-login" label="Логин" value={login} onChange={setLogin} autoComplete="off" error={field('login')} hint="Адрес почты главного аккаунта LPTracker" />
        <FormField id="lpt-password" label="Пароль" type="password" value={password} onChange={setPassword} autoComplete="new-password" error={field('password')} hint={current ? 'Введите пароль заново: сохранённый не показывается' : undefined} />
        <FormField id="lpt-service" label="Название сервиса" value={service} onChange={setService} error={field('service')} hint="Им LPTracker подписывает действия интеграции" />
        <div>
          <Button type="button" variant="ghost" color="gray" size="1" onClick={() => setAdvanced((v) => !v)} aria-expanded={advanced} data-testid="admin-lptracker-advanced">
            {advanced ? <ChevronDownIcon /> : <ChevronRightIcon />} Дополнительно
          </Button>
          {advanced && (
            <Flex direction="column" mt="2" className="fade-in">
              <FormField id="lpt-base-url" label="Адрес API" value={baseUrl} onChange={setBaseUrl} error={field('baseUrl')} hint="Пусто — https://direct.lptracker.ru" />
            </Flex>
          )}
        </div>
        {error && !['login', 'password', 'service', 'baseUrl'].some((k) => field(k)) ? <ErrorCallout error={error} title="Не удалось привязать" /> : null}
        <Flex gap="2" justify="end" align="center">
          {pending && (
            <Text size="1" color="gray">
              Проверяем вход в LPTracker…
            </Text>
          )}
          {onCancel && (
            <Button type="button" variant="soft" color="gray" onClick={onCancel} disabled={pending}>
              Отмена
            </Button>
          )}
          <Button type="submit" loading={pending} disabled={!login.trim() || !password} data-testid="admin-lptracker-submit">
            {current ? 'Заменить учётные данные' : 'Привязать'}
          </Button>
        </Flex>
      </Flex>
    </form>
  );
}
