import { useState } from 'react';
import { Badge, Button, Callout, Card, Code, Flex, Heading, IconButton, Spinner, Text, Tooltip } from '@radix-ui/themes';
import { CheckCircledIcon, EnterIcon, ExclamationTriangleIcon, LockClosedIcon, Pencil1Icon, ReloadIcon, TrashIcon, UpdateIcon } from '@radix-ui/react-icons';
import { connectionsApi, type ConnectionView } from '../../api/connections.api.ts';
import type { PluginInfo } from '../../api/node-types.api.ts';
import { CopyButton } from '../../components/copy-button.component.tsx';
import { formatDateTime, formatRelative } from '../../components/date-format.util.ts';
import { forgetRemoteOptions } from '../../forms/widgets/use-remote-options.hook.ts';
import { errorMessage, toast } from '../../store/editor-toast.store.ts';
import { ConnectionStatusBadge } from './connection-status.badge.tsx';

interface Props {
  connection: ConnectionView;
  plugin: PluginInfo & { connection: NonNullable<PluginInfo['connection']> };
  onChanged: (view: ConnectionView) => void;
  onEdit: () => void;
  onDelete: () => void;
}

type Outcome = { tone: 'ok' | 'error'; text: string } | null;

/** «Воронки: 2 · Статусы: 9 · Поля сделок: 5». */
export const summaryText = (summary: { label: string; count: number }[]) => summary.map((s) => `${s.label}: ${s.count}`).join(' · ');

function MetadataBlock({ connection, onChanged }: { connection: ConnectionView; onChanged: (view: ConnectionView) => void }) {
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const meta = connection.metadata;

  const refresh = async () => {
    setBusy(true);
    setOutcome(null);
    try {
      const view = await connectionsApi.refreshMetadata(connection.id);
      forgetRemoteOptions(connection.id);
      onChanged(view);
      setOutcome({ tone: 'ok', text: 'Справочники обновлены' });
      toast.success(`Справочники «${view.name}» обновлены`);
    } catch (err) {
      const reason = errorMessage(err);
      setOutcome({ tone: 'error', text: `Не удалось обновить справочники: ${reason}` });
      // The server records the failure on the connection: the card shows the new status and its
      // reason, which the line under the button then need not repeat.
      try {
        const fresh = (await connectionsApi.list(connection.plugin)).find((c) => c.id === connection.id);
        if (fresh) {
          onChanged(fresh);
          if (fresh.status === 'error' && fresh.lastError === reason) setOutcome({ tone: 'error', text: 'Не удалось обновить справочники: причина указана выше' });
        }
      } catch {
        // The outcome line already says what went wrong.
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Flex direction="column" gap="2" className="connection-block" data-testid="connection-metadata">
      <Flex align="center" justify="between" gap="3" wrap="wrap">
        <Flex direction="column" gap="1" style={{ minWidth: 0 }}>
          <Text size="2" weight="medium">
            {meta ? (
              <Tooltip content={formatDateTime(meta.fetchedAt)}>
                <span data-testid="connection-metadata-date">Справочники загружены {formatRelative(meta.fetchedAt)}</span>
              </Tooltip>
            ) : (
              'Справочники ещё не загружены'
            )}
          </Text>
          {meta && meta.summary.length > 0 && (
            <Text size="2" color="gray" data-testid="connection-metadata-summary">
              {summaryText(meta.summary)}
            </Text>
          )}
        </Flex>
        <Button size="1" variant="soft" onClick={refresh} disabled={busy} data-testid="connection-refresh-metadata">
          {busy ? <Spinner size="1" /> : <UpdateIcon />}
          {busy ? 'Загружаем справочники…' : 'Обновить справочники'}
        </Button>
      </Flex>
      {busy && <div className="connection-progress" role="progressbar" aria-label="Загрузка справочников" />}
      {outcome && (
        <Flex align="center" gap="1" className="fade-in" data-testid="connection-metadata-outcome" data-tone={outcome.tone}>
          {outcome.tone === 'ok' ? <CheckCircledIcon color="var(--green-11)" /> : <ExclamationTriangleIcon color="var(--red-11)" />}
          <Text size="1" color={outcome.tone === 'ok' ? 'green' : 'red'}>
            {outcome.text}
          </Text>
        </Flex>
      )}
    </Flex>
  );
}

/** One connection: status with its reason, account, metadata, webhook address and the actions. */
export function ConnectionCard({ connection, plugin, onChanged, onEdit, onDelete }: Props) {
  const [checking, setChecking] = useState(false);
  const readOnly = connection.adminBound;
  const title = plugin.title;

  const check = async () => {
    setChecking(true);
    try {
      const view = await connectionsApi.test(connection.id);
      onChanged(view);
      if (view.status === 'ok') toast.success(`Подключение «${view.name}» работает`);
      else toast.error(`Проверка «${view.name}» не прошла: ${view.lastError ?? 'причина неизвестна'}`);
    } catch (err) {
      toast.error(errorMessage(err));
    } finally {
      setChecking(false);
    }
  };

  return (
    <Card size="2" className="connection-card fade-in" data-testid="connection-card" data-connection-id={connection.id} data-status={connection.status}>
      <Flex direction="column" gap="3">
        <Flex align="start" justify="between" gap="3" wrap="wrap">
          <Flex direction="column" gap="1" style={{ minWidth: 0 }}>
            <Flex align="center" gap="2" wrap="wrap">
              <Heading as="h3" size="3" className="connection-name" data-testid="connection-name-title">
                {connection.name}
              </Heading>
              <ConnectionStatusBadge status={connection.status} checking={checking} />
              {readOnly && (
                <Badge color="gray" variant="outline" radius="full">
                  <LockClosedIcon /> Настраивает администратор
                </Badge>
              )}
            </Flex>
            <Text size="2" color="gray">
              {connection.account ? (
                <>
                  Аккаунт: <Text color="gray" highContrast data-testid="connection-account">{connection.account}</Text>
                </>
              ) : (
                'Аккаунт ещё не определён'
              )}
              {connection.lastCheckedAt && (
                <Tooltip content={formatDateTime(connection.lastCheckedAt)}>
                  <span> · проверено {formatRelative(connection.lastCheckedAt)}</span>
                </Tooltip>
              )}
            </Text>
          </Flex>
          <Flex gap="2" align="center">
            <Button size="1" variant="soft" color="gray" onClick={check} disabled={checking || connection.oauthPending} data-testid="connection-test">
              <ReloadIcon /> Проверить
            </Button>
            {!readOnly && (
              <>
                <Button size="1" variant="soft" color="gray" onClick={onEdit} data-testid="connection-edit">
                  <Pencil1Icon /> Изменить
                </Button>
                <Tooltip content="Удалить подключение">
                  <IconButton size="1" variant="soft" color="red" aria-label="Удалить подключение" onClick={onDelete} data-testid="connection-delete">
                    <TrashIcon />
                  </IconButton>
                </Tooltip>
              </>
            )}
          </Flex>
        </Flex>

        {connection.status === 'error' && connection.lastError && (
          <Callout.Root color="red" variant="surface" size="1" className="fade-in" data-testid="connection-error">
            <Callout.Icon>
              <ExclamationTriangleIcon />
            </Callout.Icon>
            <Callout.Text>{connection.lastError}</Callout.Text>
          </Callout.Root>
        )}

        {connection.oauthPending && (
          <Callout.Root color="amber" variant="surface" size="1" className="fade-in">
            <Callout.Icon>
              <ExclamationTriangleIcon />
            </Callout.Icon>
            <Flex align="center" justify="between" gap="3" wrap="wrap" style={{ width: '100%' }}>
              <Callout.Text>Осталось разрешить доступ: войдите в {title} и подтвердите доступ для конструктора.</Callout.Text>
              {!readOnly && (
                <Button size="1" asChild>
                  <a href={connectionsApi.oauthStartUrl(connection.id)} data-testid="connection-oauth-login">
                    <EnterIcon /> Войти через {title}
                  </a>
                </Button>
              )}
            </Flex>
          </Callout.Root>
        )}

        {plugin.connection.metadata && !connection.oauthPending && <MetadataBlock connection={connection} onChanged={onChanged} />}

        {plugin.connection.webhooks && connection.hookUrl && (
          <Flex direction="column" gap="1" className="connection-block" data-testid="connection-hook">
            <Text size="2" weight="medium">
              Адрес для вебхуков
            </Text>
            <Flex align="center" gap="2" style={{ minWidth: 0 }}>
              <Code size="2" variant="soft" color="gray" className="connection-hook-url" data-testid="connection-hook-url">
                {connection.hookUrl}
              </Code>
              <span data-testid="connection-hook-copy">
                <CopyButton text={connection.hookUrl} label="Скопировать адрес вебхука" />
              </span>
            </Flex>
          </Flex>
        )}
      </Flex>
    </Card>
  );
}
