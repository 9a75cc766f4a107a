import { useState } from 'react';
import { Button, Callout, Dialog, Flex, Text, TextArea } from '@radix-ui/themes';
import { ExclamationTriangleIcon, LockClosedIcon, LockOpen1Icon } from '@radix-ui/react-icons';
import { adminApi, type AdminTenantDetail } from '../../api/admin.api.ts';
import { ApiError } from '../../api/client.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.component.tsx';
import { ErrorCallout } from '../../components/error-callout.component.tsx';
import { formatDateTime } from '../../components/date-format.util.ts';
import { toast } from '../../store/editor-toast.store.ts';
import { AdminSection } from './admin-section.component.tsx';

interface Props {
  tenant: AdminTenantDetail;
  onChanged: () => void;
}

/** «Заблокировать» with a reason, «Разблокировать» with a confirmation. */
export function TenantBlockSection({ tenant, onChanged }: Props) {
  const [blockOpen, setBlockOpen] = useState(false);
  const [unblockOpen, setUnblockOpen] = useState(false);
  const blocked = tenant.blocked;

  return (
    <AdminSection
      title="Доступ"
      testId="admin-block-section"
      hint={blocked ? undefined : 'Блокировка останавливает вебхуки (ответ 423) и запуски; после разблокировки всё ожидавшее продолжится.'}
      actions={
        blocked ? (
          <Button size="2" variant="soft" color="green" onClick={() => setUnblockOpen(true)} data-testid="admin-unblock">
            <LockOpen1Icon /> Разблокировать
          </Button>
        ) : (
          <Button size="2" variant="soft" color="red" onClick={() => setBlockOpen(true)} data-testid="admin-block">
            <LockClosedIcon /> Заблокировать
          </Button>
        )
      }
    >
      {blocked ? (
        <Callout.Root color="red" variant="surface" size="1" data-testid="admin-blocked-callout">
          <Callout.Icon>
            <ExclamationTriangleIcon />
          </Callout.Icon>
          <Callout.Text>
            Заблокировано {formatDateTime(blocked.at)}
            {blocked.reason ? `: ${blocked.reason}` : ''}. Вебхуки получают отказ, запуски ждут.
          </Callout.Text>
        </Callout.Root>
      ) : (
        <Text size="2" color="green">
          Пространство работает
        </Text>
      )}
      <BlockDialog tenant={tenant} open={blockOpen} onOpenChange={setBlockOpen} onDone={onChanged} />
      <ConfirmDialog
        open={unblockOpen}
        onOpenChange={setUnblockOpen}
        title={`Разблокировать «${tenant.name}»?`}
        description="Вебхуки снова будут приниматься, а ожидавшие события и запуски сразу продолжатся."
        confirmLabel="Разблокировать"
        onConfirm={async () => {
          await adminApi.unblock(tenant.id);
          toast.success(`Пространство «${tenant.name}» разблокировано`);
          onChanged();
        }}
      />
    </AdminSection>
  );
}

function BlockDialog({ tenant, open, onOpenChange, onDone }: { tenant: AdminTenantDetail; open: boolean; onOpenChange: (open: boolean) => void; onDone: () => void }) {
  const [reason, setReason] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const fieldError = error instanceof ApiError ? error.field('reason') : undefined;

  const change = (next: boolean) => {
    if (pending) return;
    if (!next) {
      setError(null);
      setReason('');
    }
    onOpenChange(next);
  };

  const submit = async () => {
    setPending(true);
    setError(null);
    try {
      await adminApi.block(tenant.id, reason.trim());
      toast.success(`Пространство «${tenant.name}» заблокировано`);
      onDone();
      setPending(false);
      change(false);
    } catch (err) {
      setError(err);
      setPending(false);
    }
  };

  return (
    <Dialog.Root open={open} onOpenChange={change}>
      <Dialog.Content maxWidth="480px" data-testid="admin-block-dialog">
        <Dialog.Title>Заблокировать «{tenant.name}»?</Dialog.Title>
        <Dialog.Description size="2" color="gray" mb="4">
          Пользователи смогут войти и увидят причину. Вебхуки получат отказ, запуски будут ждать разблокировки — ничего не потеряется.
        </Dialog.Description>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <Flex direction="column" gap="1">
            <Text as="label" size="2" weight="medium" htmlFor="block-reason">
              Причина
            </Text>
            <TextArea
              id="block-reason"
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              placeholder="Например: не оплачен счёт за декабрь"
              maxLength={500}
              autoFocus
              color={fieldError ? 'red' : undefined}
              aria-invalid={Boolean(fieldError)}
              data-testid="admin-block-reason"
            />
            {fieldError && (
              <Text size="1" color="red">
                {fieldError}
              </Text>
            )}
          </Flex>
          {error && !fieldError ? (
            <Flex mt="3">
              <ErrorCallout error={error} />
            </Flex>
          ) : null}
          <Flex gap="3" mt="4" justify="end">
            <Dialog.Close>
              <Button type="button" variant="soft" color="gray" disabled={pending}>
                Отмена
              </Button>
            </Dialog.Close>
            <Button type="submit" color="red" loading={pending} disabled={!reason.trim()} data-testid="admin-block-confirm">
              Заблокировать
            </Button>
          </Flex>
        </form>
      </Dialog.Content>
    </Dialog.Root>
  );
}
