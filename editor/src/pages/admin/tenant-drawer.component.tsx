import { Badge, Dialog, Flex, IconButton, Text } from '@radix-ui/themes';
import { Cross2Icon, LockClosedIcon } from '@radix-ui/react-icons';
import { adminApi } from '../../api/admin.api.ts';
import { ErrorCallout } from '../../components/error-callout.component.tsx';
import { LoadingState } from '../../components/loading-state.component.tsx';
import { formatDate } from '../../components/date-format.util.ts';
import { useApiData } from '../../hooks/use-api-data.hook.ts';
import { TenantBlockSection } from './tenant-block.section.tsx';
import { LptrackerSection } from './lptracker.section.tsx';
import { TenantUsersSection } from './tenant-users.section.tsx';
import { TenantActivitySection } from './tenant-activity.section.tsx';
import '../../styles/side-sheet.css';

interface Props {
  tenantId: string | null;
  onClose: () => void;
  /** Something in the tenant changed: the list behind refreshes its row. */
  onChanged: () => void;
}

/** The side sheet of one tenant: block, LPTracker, users, connections and recent runs. */
export function TenantDrawer({ tenantId, onClose, onChanged }: Props) {
  return (
    <Dialog.Root open={Boolean(tenantId)} onOpenChange={(open) => !open && onClose()}>
      <Dialog.Content className="side-sheet" aria-describedby={undefined} data-testid="admin-tenant-drawer">
        {tenantId && <TenantCard key={tenantId} tenantId={tenantId} onChanged={onChanged} />}
      </Dialog.Content>
    </Dialog.Root>
  );
}

function TenantCard({ tenantId, onChanged }: { tenantId: string; onChanged: () => void }) {
  const detail = useApiData((signal) => adminApi.tenant(tenantId, signal), `admin-tenant:${tenantId}`);
  const t = detail.data;
  const changed = () => {
    detail.reload({ silent: true });
    onChanged();
  };

  return (
    <Flex direction="column" gap="5">
      <Flex align="start" justify="between" gap="3">
        <Flex direction="column" gap="1" style={{ minWidth: 0 }}>
          <Dialog.Title size="5" mb="0" className="admin-sheet-title">
            {t?.name ?? 'Пространство'}
          </Dialog.Title>
          {t && (
            <Flex align="center" gap="2" wrap="wrap">
              <Text size="2" color="gray">
                Создано {formatDate(t.createdAt)}
              </Text>
              {t.blocked && (
                <Badge color="red" variant="soft" radius="full">
                  <LockClosedIcon /> Заблокировано
                </Badge>
              )}
            </Flex>
          )}
        </Flex>
        <Dialog.Close>
          <IconButton variant="ghost" color="gray" aria-label="Закрыть карточку пространства">
            <Cross2Icon />
          </IconButton>
        </Dialog.Close>
      </Flex>
      {detail.error && <ErrorCallout error={detail.error} title="Не удалось загрузить пространство" onRetry={() => detail.reload()} />}
      {!t && detail.loading && <LoadingState label="Загружаем пространство…" />}
      {t && (
        <>
          <TenantBlockSection tenant={t} onChanged={changed} />
          <LptrackerSection tenant={t} onChanged={changed} />
          <TenantUsersSection tenant={t} onChanged={changed} />
          <TenantActivitySection tenant={t} />
        </>
      )}
    </Flex>
  );
}
