import { useEffect, useState } from 'react';
import { Button, Callout, Code, Flex, Text, Tooltip } from '@radix-ui/themes';
import { ExclamationTriangleIcon, LinkBreak2Icon, Pencil1Icon, ReloadIcon } from '@radix-ui/react-icons';
import { adminApi, type AdminConnection, type AdminTenantDetail } from '../../api/admin.api.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.component.tsx';
import { CopyButton } from '../../components/copy-button.component.tsx';
import { formatDateTime, formatRelative } from '../../components/date-format.util.ts';
import { errorMessage, toast } from '../../store/editor-toast.store.ts';
import { ConnectionStateBadge } from './connection-state.badge.tsx';
import { LptrackerForm } from './lptracker-form.component.tsx';
import { AdminSection } from './admin-section.component.tsx';

interface Props {
  tenant: AdminTenantDetail;
  onChanged: () => void;
}

/** The tenant's LPTracker binding: its state, «Проверить подключение», replacing and unbinding. */
export function LptrackerSection({ tenant, onChanged }: Props) {
  // What an action just returned, until the reloaded tenant brings the same (undefined: follow it).
  const [view, setView] = useState<AdminConnection | null | undefined>(undefined);
  const [editing, setEditing] = useState(false);
  const [checking, setChecking] = useState(false);
  const [unbindOpen, setUnbindOpen] = useState(false);
  const current = view !== undefined ? view : tenant.lptracker;
  useEffect(() => setView(undefined), [tenant.lptracker]);

  const bound = (next: AdminConnection) => {
    setView(next);
    setEditing(false);
    if (next.status === 'ok') toast.success(`LPTracker привязан к «${tenant.name}»`);
    else toast.warning(`Учётные данные сохранены, но проверка не прошла: ${next.lastError ?? 'причина неизвестна'}`);
    onChanged();
  };

  const check = async () => {
    setChecking(true);
    try {
      const next = await adminApi.testLptracker(tenant.id);
      setView({ ...next, settings: current?.settings ?? next.settings });
      if (next.status === 'ok') toast.success('Подключение LPTracker работает');
      else toast.error(`Проверка не прошла: ${next.lastError ?? 'причина неизвестна'}`);
      onChanged();
    } catch (err) {
      toast.error(errorMessage(err));
    } finally {
      setChecking(false);
    }
  };

  return (
    <AdminSection
      title="LPTracker"
      testId="admin-lptracker"
      hint="Учётные данные привязывает администратор; пользователи пространства видят только состояние подключения."
      actions={
        current && !editing ? (
          <>
            <Button size="1" variant="soft" color="gray" onClick={check} disabled={checking} data-testid="admin-lptracker-test">
              <ReloadIcon className={checking ? 'spin' : undefined} /> Проверить подключение
            </Button>
            <Button size="1" variant="soft" color="gray" onClick={() => setEditing(true)} data-testid="admin-lptracker-edit">
              <Pencil1Icon /> Заменить
            </Button>
            <Button size="1" variant="soft" color="red" onClick={() => setUnbindOpen(true)} data-testid="admin-lptracker-unbind">
              <LinkBreak2Icon /> Отвязать
            </Button>
          </>
        ) : undefined
      }
    >
      {current ? (
        <Flex direction="column" gap="2" className="admin-binding" data-testid="admin-lptracker-binding" data-status={current.status}>
          <Flex align="center" gap="2" wrap="wrap">
            <ConnectionStateBadge status={current.status} checking={checking} testId="admin-lptracker-status" />
            <Text size="2" data-testid="admin-lptracker-account">
              {current.account ?? 'Аккаунт ещё не определён'}
            </Text>
            {current.lastCheckedAt && (
              <Tooltip content={formatDateTime(current.lastCheckedAt)}>
                <Text size="1" color="gray">
                  проверено {formatRelative(current.lastCheckedAt)}
                </Text>
              </Tooltip>
            )}
          </Flex>
          {current.status === 'error' && current.lastError && (
            <Callout.Root color="red" variant="surface" size="1">
              <Callout.Icon>
                <ExclamationTriangleIcon />
              </Callout.Icon>
              <Callout.Text>{current.lastError}</Callout.Text>
            </Callout.Root>
          )}
          {current.metadata && current.metadata.summary.length > 0 && (
            <Text size="1" color="gray">
              {current.metadata.summary.map((s) => `${s.label}: ${s.count}`).join(' · ')}
            </Text>
          )}
          {current.hookUrl && (
            <Flex align="center" gap="2" style={{ minWidth: 0 }}>
              <Text size="1" color="gray" className="nowrap">
                Адрес вебхука
              </Text>
              <Code size="1" variant="ghost" className="admin-hook-url" title={current.hookUrl}>
                {current.hookUrl}
              </Code>
              <CopyButton text={current.hookUrl} label="Скопировать адрес вебхука" />
            </Flex>
          )}
        </Flex>
      ) : (
        <Text as="p" size="2" color="gray" mb="3">
          Не привязан. Укажите данные главного аккаунта LPTracker: вход проверяется сразу, неверные данные не сохраняются.
        </Text>
      )}
      {(!current || editing) && (
        <div className={current ? 'admin-form-spaced' : undefined}>
          <LptrackerForm tenantId={tenant.id} current={current} onBound={bound} onCancel={current ? () => setEditing(false) : undefined} />
        </div>
      )}
      <ConfirmDialog
        open={unbindOpen}
        onOpenChange={setUnbindOpen}
        color="red"
        title={`Отвязать LPTracker от «${tenant.name}»?`}
        description="Учётные данные будут удалены. Правила пространства с узлами LPTracker перестанут работать, пока подключение не привяжут снова."
        confirmLabel="Отвязать"
        onConfirm={async () => {
          await adminApi.unbindLptracker(tenant.id);
          setView(null);
          setEditing(false);
          toast.success(`LPTracker отвязан от «${tenant.name}»`);
          onChanged();
        }}
      />
    </AdminSection>
  );
}
