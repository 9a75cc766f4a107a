import { useState } from 'react';
import { Avatar, Badge, DropdownMenu, Flex, Text } from '@radix-ui/themes';
import { CaretSortIcon, ExitIcon, LockClosedIcon, MobileIcon } from '@radix-ui/react-icons';
import { ROLE_LABELS, useAuthStore } from '../store/auth.store.ts';
import { ConfirmDialog } from '../components/confirm-dialog.component.tsx';
import { ChangePasswordDialog } from './change-password.dialog.tsx';
import { AccountNotice, useAccountNotice } from './account-notice.component.tsx';

function initials(name: string, email: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length ? parts.slice(0, 2).map((p) => p[0]) : [email[0] ?? '?'];
  return letters.join('').toUpperCase();
}

/**
 * Name, e-mail, role, «Сменить пароль», «Выйти на всех устройствах» and «Выйти». The signed-in
 * layout sends to /login once the user is gone.
 */
export function UserMenu({ compact = false }: { compact?: boolean }) {
  const user = useAuthStore((s) => s.user);
  const logout = useAuthStore((s) => s.logout);
  const logoutAll = useAuthStore((s) => s.logoutAll);
  const [dialog, setDialog] = useState<'password' | 'everywhere' | null>(null);
  const notice = useAccountNotice();
  if (!user) return null;

  const dialogProps = (name: 'password' | 'everywhere') => ({
    open: dialog === name,
    onOpenChange: (open: boolean) => setDialog(open ? name : null),
  });

  return (
    <>
      <DropdownMenu.Root>
        <DropdownMenu.Trigger>
          <button
            type="button"
            className={compact ? 'user-menu-trigger compact' : 'user-menu-trigger'}
            // Icon-only: the name comes from the label; otherwise from the visible name and e-mail.
            aria-label={compact ? `Меню пользователя: ${user.name || user.email}` : undefined}
          >
            <span aria-hidden className="user-menu-avatar">
              <Avatar
                size="2"
                radius="full"
                color="violet"
                variant="soft"
                // Drawn by CSS when the button is icon-only: its name is the label, and letters in the
                // markup would read as visible text missing from that name.
                fallback={compact ? <span className="avatar-initials" data-initials={initials(user.name, user.email)} /> : initials(user.name, user.email)}
              />
            </span>
            {compact ? null : (
              <>
                <span className="visually-hidden">Меню пользователя: </span>
                <Flex direction="column" style={{ minWidth: 0, flex: 1 }} align="start">
                  <Text size="2" weight="medium" truncate style={{ maxWidth: '100%' }}>
                    {user.name || user.email}
                  </Text>
                  <Text size="1" color="gray" truncate style={{ maxWidth: '100%' }}>
                    {user.email}
                  </Text>
                </Flex>
                <CaretSortIcon className="user-menu-caret" aria-hidden />
              </>
            )}
          </button>
        </DropdownMenu.Trigger>
        <DropdownMenu.Content side={compact ? 'right' : 'top'} align={compact ? 'end' : 'start'} style={{ minWidth: 240, maxWidth: 'calc(100vw - 24px)' }}>
          <Flex direction="column" gap="1" px="3" py="2">
            <Text size="2" weight="medium">
              {user.name || 'Без имени'}
            </Text>
            <Text size="1" color="gray">
              {user.email}
            </Text>
            <Text size="1" color="gray">
              Рабочее пространство: {user.tenant.name}
            </Text>
            <Flex mt="1">
              <Badge color={user.role === 'admin' ? 'violet' : 'gray'} variant="soft">
                {ROLE_LABELS[user.role] ?? user.role}
              </Badge>
            </Flex>
          </Flex>
          <DropdownMenu.Separator />
          <DropdownMenu.Item onSelect={() => setDialog('password')}>
            <LockClosedIcon /> Сменить пароль
          </DropdownMenu.Item>
          <DropdownMenu.Item onSelect={() => setDialog('everywhere')}>
            <MobileIcon /> Выйти на всех устройствах
          </DropdownMenu.Item>
          <DropdownMenu.Separator />
          <DropdownMenu.Item color="red" onSelect={() => void logout().catch(() => undefined)}>
            <ExitIcon /> Выйти
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Root>
      <ChangePasswordDialog
        {...dialogProps('password')}
        onChanged={(ended) => notice.show(ended > 0 ? `Пароль изменён. Завершено других сеансов: ${ended}` : 'Пароль изменён')}
      />
      <ConfirmDialog
        {...dialogProps('everywhere')}
        title="Выйти на всех устройствах?"
        description="Все сеансы завершатся, включая этот: войти придётся заново на каждом устройстве. Сделайте так, если потеряли телефон или входили с чужого компьютера."
        confirmLabel="Выйти везде"
        color="red"
        onConfirm={logoutAll}
      />
      <AccountNotice message={notice.message} onDismiss={notice.dismiss} />
    </>
  );
}
