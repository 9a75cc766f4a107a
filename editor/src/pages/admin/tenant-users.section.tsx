import { useState } from 'react';
import { Badge, Button, Flex, Table, Text, Tooltip } from '@radix-ui/themes';
import { adminApi, type AdminTenantDetail, type AdminTenantUser } from '../../api/admin.api.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.component.tsx';
import { formatDateTime, formatRelative } from '../../components/date-format.util.ts';
import { ROLE_LABELS, useAuthStore } from '../../store/auth.store.ts';
import { toast } from '../../store/editor-toast.store.ts';
import { AdminSection } from './admin-section.component.tsx';

interface Props {
  tenant: AdminTenantDetail;
  onChanged: () => void;
}

/** The tenant's users with «Сделать администратором» / «Снять права администратора». */
export function TenantUsersSection({ tenant, onChanged }: Props) {
  const me = useAuthStore((s) => s.user);
  const [target, setTarget] = useState<AdminTenantUser | null>(null);
  const promote = target?.role !== 'admin';
  const self = target?.id === me?.id;

  return (
    <AdminSection title="Пользователи" testId="admin-users">
      <Table.Root variant="surface" size="1">
        <Table.Header>
          <Table.Row>
            <Table.ColumnHeaderCell>Пользователь</Table.ColumnHeaderCell>
            <Table.ColumnHeaderCell>Роль</Table.ColumnHeaderCell>
            <Table.ColumnHeaderCell>Последний вход</Table.ColumnHeaderCell>
            <Table.ColumnHeaderCell />
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {tenant.users.map((u) => (
            <Table.Row key={u.id} align="center" data-testid="admin-user-row" data-user-id={u.id}>
              <Table.RowHeaderCell>
                <Flex direction="column">
                  <Text size="2" weight="medium">
                    {u.name}
                  </Text>
                  <Text size="1" color="gray">
                    {u.email}
                  </Text>
                </Flex>
              </Table.RowHeaderCell>
              <Table.Cell>
                <Badge color={u.role === 'admin' ? 'violet' : 'gray'} variant="soft" radius="full" data-testid="admin-user-role">
                  {ROLE_LABELS[u.role]}
                </Badge>
              </Table.Cell>
              <Table.Cell>
                {u.lastLoginAt ? (
                  <Tooltip content={formatDateTime(u.lastLoginAt)}>
                    <Text size="2" className="nowrap">
                      {formatRelative(u.lastLoginAt)}
                    </Text>
                  </Tooltip>
                ) : (
                  <Text color="gray">—</Text>
                )}
              </Table.Cell>
              <Table.Cell justify="end">
                <Button size="1" variant="soft" color={u.role === 'admin' ? 'gray' : 'violet'} onClick={() => setTarget(u)} data-testid="admin-user-role-toggle">
                  {u.role === 'admin' ? 'Снять права администратора' : 'Сделать администратором'}
                </Button>
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table.Root>
      <ConfirmDialog
        open={Boolean(target)}
        onOpenChange={(open) => !open && setTarget(null)}
        color={promote ? 'violet' : 'orange'}
        title={promote ? `Сделать ${target?.email} администратором платформы?` : self ? 'Снять с себя права администратора?' : `Снять права администратора с ${target?.email}?`}
        description={
          promote
            ? 'Администратор видит все пространства, привязывает учётные данные LPTracker, блокирует пространства и назначает других администраторов.'
            : self
              ? 'Раздел «Администрирование» сразу станет вам недоступен. Последний администратор платформы снять права с себя не может.'
              : 'Пользователь сразу потеряет доступ к разделу «Администрирование».'
        }
        confirmLabel={promote ? 'Назначить' : 'Снять права'}
        onConfirm={async () => {
          if (!target) return;
          await adminApi.setRole(target.id, promote ? 'admin' : 'member');
          toast.success(promote ? `${target.email} — администратор платформы` : `${target.email} больше не администратор`);
          if (self) await useAuthStore.getState().load();
          else onChanged();
        }}
      />
    </AdminSection>
  );
}
