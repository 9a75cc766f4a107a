import { Link } from 'react-router';
import { Badge, Flex, Table, Text, Tooltip } from '@radix-ui/themes';
import { LockClosedIcon } from '@radix-ui/react-icons';
import type { AdminTenantDetail } from '../../api/admin.api.ts';
import { StatusBadge } from '../../components/status-badge.component.tsx';
import { formatDateTime, formatRelative } from '../../components/date-format.util.ts';
import { useAuthStore } from '../../store/auth.store.ts';
import { ConnectionStateBadge } from './connection-state.badge.tsx';
import { AdminSection } from './admin-section.component.tsx';

/**
 * Connections with their state and the last runs. A run links to its page only in the admin's own
 * tenant: «Логи» show the signed-in user's tenant, another tenant's run would be «не найден» there.
 */
export function TenantActivitySection({ tenant }: { tenant: AdminTenantDetail }) {
  const ownTenant = useAuthStore((s) => s.user?.tenant.id) === tenant.id;
  return (
    <>
      <AdminSection title="Подключения" testId="admin-connections">
        {tenant.connections.length === 0 ? (
          <Text size="2" color="gray">
            Подключений нет
          </Text>
        ) : (
          <Flex direction="column" gap="2">
            {tenant.connections.map((c) => (
              <Flex key={c.id} align="center" justify="between" gap="3" className="admin-list-item" data-testid="admin-connection" data-plugin={c.plugin}>
                <Flex direction="column" style={{ minWidth: 0 }}>
                  <Flex align="center" gap="2">
                    <Text size="2" weight="medium" truncate>
                      {c.name}
                    </Text>
                    {c.adminBound && (
                      <Tooltip content="Привязано администратором платформы">
                        <LockClosedIcon color="var(--gray-10)" aria-label="Привязано администратором" />
                      </Tooltip>
                    )}
                  </Flex>
                  <Text size="1" color={c.status === 'error' ? 'red' : 'gray'} truncate title={c.lastError ?? c.account ?? undefined}>
                    {c.status === 'error' && c.lastError ? c.lastError : (c.account ?? 'Аккаунт не определён')}
                  </Text>
                </Flex>
                <ConnectionStateBadge status={c.status} />
              </Flex>
            ))}
          </Flex>
        )}
      </AdminSection>
      <AdminSection title="Последние запуски" hint={tenant.recentRuns.length ? 'Двадцать последних, новые сверху' : undefined} testId="admin-runs">
        {tenant.recentRuns.length === 0 ? (
          <Text size="2" color="gray">
            Запусков ещё не было
          </Text>
        ) : (
          <Table.Root variant="surface" size="1">
            <Table.Header>
              <Table.Row>
                <Table.ColumnHeaderCell>Правило</Table.ColumnHeaderCell>
                <Table.ColumnHeaderCell>Статус</Table.ColumnHeaderCell>
                <Table.ColumnHeaderCell>Время</Table.ColumnHeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {tenant.recentRuns.map((r) => (
                <Table.Row key={r.id} align="center" data-testid="admin-run">
                  <Table.RowHeaderCell maxWidth="240px" className="truncate-cell">
                    {ownTenant ? (
                      <Link to={`/logs/runs/${encodeURIComponent(r.id)}`} className="row-link" title={r.workflowName}>
                        {r.workflowName || 'Без названия'}
                      </Link>
                    ) : (
                      <Text title={r.workflowName}>{r.workflowName || 'Без названия'}</Text>
                    )}
                  </Table.RowHeaderCell>
                  <Table.Cell>
                    <Tooltip content={r.error?.message ?? 'Без ошибок'}>
                      <span>
                        <StatusBadge kind="run" value={r.status} />
                      </span>
                    </Tooltip>
                  </Table.Cell>
                  <Table.Cell>
                    <Tooltip content={formatDateTime(r.createdAt)}>
                      <Text size="2" className="nowrap">
                        {formatRelative(r.createdAt)}
                      </Text>
                    </Tooltip>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table.Root>
        )}
      </AdminSection>
      {!ownTenant && tenant.recentRuns.length > 0 && (
        <Badge color="gray" variant="outline" radius="full" style={{ alignSelf: 'flex-start' }}>
          Подробности запусков видны только участникам пространства
        </Badge>
      )}
    </>
  );
}
