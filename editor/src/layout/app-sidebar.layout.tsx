import type { ReactNode } from 'react';
import { NavLink } from 'react-router';
import { Flex, Text } from '@radix-ui/themes';
import { ActivityLogIcon, DashboardIcon, GearIcon, LockClosedIcon, Share1Icon } from '@radix-ui/react-icons';
import { useAuthStore } from '../store/auth.store.ts';
import { ProductLogo } from '../components/product-logo.component.tsx';
import { UserMenu } from './user-menu.layout.tsx';

interface NavItem {
  to: string;
  label: string;
  icon: ReactNode;
  end?: boolean;
}

/** Only pages that exist are listed here. */
const NAV: NavItem[] = [
  { to: '/', label: 'Обзор', icon: <DashboardIcon />, end: true },
  { to: '/rules', label: 'Правила', icon: <Share1Icon /> },
  { to: '/logs', label: 'Логи', icon: <ActivityLogIcon /> },
  { to: '/settings', label: 'Настройки', icon: <GearIcon /> },
];

/** Platform administration: listed for admins only (members get a polite 403 if they type the address). */
const ADMIN_ITEM: NavItem = { to: '/admin', label: 'Администрирование', icon: <LockClosedIcon /> };

export function AppSidebar() {
  const isAdmin = useAuthStore((s) => s.user?.role === 'admin');
  const nav = isAdmin ? [...NAV, ADMIN_ITEM] : NAV;
  return (
    <aside className="app-sidebar" aria-label="Боковая панель">
      <NavLink to="/" className="sidebar-brand" aria-label="Конструктор интеграций — на главную">
        <ProductLogo size={30} />
        <Text size="2" weight="bold" className="sidebar-brand-name">
          Конструктор интеграций
        </Text>
      </NavLink>
      <nav aria-label="Основная навигация" className="sidebar-nav">
        <Flex direction="column" gap="1">
          {nav.map((item) => (
            <NavLink
              key={item.to}
              to={item.to}
              end={item.end}
              className={({ isActive }) => (isActive ? 'sidebar-link active' : 'sidebar-link')}
            >
              <span className="sidebar-link-icon">{item.icon}</span>
              <Text size="2">{item.label}</Text>
            </NavLink>
          ))}
        </Flex>
      </nav>
      <div className="sidebar-footer">
        <UserMenu />
      </div>
    </aside>
  );
}
