import { Badge, Flex, Table, Text, Tooltip } from '@radix-ui/themes';
import { LockClosedIcon } from '@radix-ui/react-icons';
import type { AdminTenantRow } from '../../api/admin.api.ts';
import { formatDate, formatDateTime, formatNumber, formatRelative } from '../../components/date-format.util.ts';
import { ConnectionStateBadge } from './connection-state.badge.tsx';

interface Props {
  tenants: AdminTenantRow[];
  dimmed: boolean;
  selectedId: string | null;
  onOpen: (id: string) => void;
}

/** The platform's tenants; a row opens the tenant's card. */
export function TenantsTable({ tenants, dimmed, selectedId, onOpen }: Props) {
  return (
    <Table.Root variant="surface" className={dimmed ? 'table table-cards dimmed' : 'table table-cards'} data-testid="admin-tenants">
      <Table.Header>
        <Table.Row>
          <Table.ColumnHeaderCell>Пространство</Table.ColumnHeaderCell>
          <Table.ColumnHeaderCell justify="end">Пользователи</Table.ColumnHeaderCell>
          <Table.ColumnHeaderCell justify="end">Подключения</Table.ColumnHeaderCell>
          <Table.ColumnHeaderCell justify="end">Запуски за 24 ч</Table.ColumnHeaderCell>
          <Table.ColumnHeaderCell>Активность</Table.ColumnHeaderCell>
          <Table.ColumnHeaderCell>Привязка LPTracker</Table.ColumnHeaderCell>
          <Table.ColumnHeaderCell>Создано</Table.ColumnHeaderCell>
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {tenants.map((t) => (
          <Table.Row
            key={t.id}
            align="center"
            tabIndex={0}
            className={t.id === selectedId ? 'clickable-row admin-row-selected' : 'clickable-row'}
            onClick={() => onOpen(t.id)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' || e.key === ' ') {
                e.preventDefault();
                onOpen(t.id);
              }
            }}
            data-testid="admin-tenant-row"
            data-tenant-id={t.id}
            aria-label={`Открыть пространство «${t.name}»`}
          >
            <Table.RowHeaderCell maxWidth="300px" className="truncate-cell card-title">
              <Flex align="center" gap="2">
                <Text weight="medium" truncate title={t.name}>
                  {t.name}
                </Text>
                {t.blocked && (
                  <Tooltip content={t.blocked.reason ? `Причина: ${t.blocked.reason}` : 'Причина не указана'}>
                    <Badge color="red" variant="soft" radius="full" data-testid="admin-tenant-blocked">
                      <LockClosedIcon /> Заблокировано
                    </Badge>
                  </Tooltip>
                )}
              </Flex>
            </Table.RowHeaderCell>
            <Table.Cell justify="end" className="card-inline" data-label="Пользователи">
              {formatNumber(t.usersCount)}
            </Table.Cell>
            <Table.Cell justify="end" className="card-inline" data-label="Подключения">
              {formatNumber(t.connectionsCount)}
            </Table.Cell>
            <Table.Cell justify="end" className="card-inline" data-label="Запуски за 24 ч">
              <Text color={t.runs24h ? undefined : 'gray'}>{formatNumber(t.runs24h)}</Text>
            </Table.Cell>
            <Table.Cell className="card-inline" data-label="Активность">
              {t.lastActivityAt ? (
                <Tooltip content={formatDateTime(t.lastActivityAt)}>
                  <Text className="nowrap">{formatRelative(t.lastActivityAt)}</Text>
                </Tooltip>
              ) : (
                <Text color="gray">—</Text>
              )}
            </Table.Cell>
            <Table.Cell className="card-inline" data-label="LPTracker">
              <Tooltip content={t.lptracker?.lastError ?? t.lptracker?.account ?? 'Учётные данные LPTracker не привязаны'}>
                <span>
                  <ConnectionStateBadge status={t.lptracker?.status ?? null} testId="admin-tenant-lptracker" />
                </span>
              </Tooltip>
            </Table.Cell>
            <Table.Cell className="card-inline" data-label="Создано">
              <Text className="nowrap" color="gray">
                {formatDate(t.createdAt)}
              </Text>
            </Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table.Root>
  );
}
