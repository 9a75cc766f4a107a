import type { ReactNode } from 'react';
import { NavLink } from 'react-router';
import { Text, Tooltip } from '@radix-ui/themes';
import {
  ActivityLogIcon,
  DashboardIcon,
  DoubleArrowLeftIcon,
  DoubleArrowRightIcon,
  GearIcon,
  LockClosedIcon,
  Share1Icon,
} from '@radix-ui/react-icons';
import { useAuthStore } from '../store/auth.store.ts';
import { ProductLogo } from '../components/product-logo.component.tsx';
import { prefetchPage } from '../route-modules.ts';
import { useShellStore, useSidebarCollapsed } from './shell.store.ts';
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

function NavItemLink({ item, rail, onNavigate }: { item: NavItem; rail: boolean; onNavigate?: () => void }) {
  const link = (
    <NavLink
      to={item.to}
      end={item.end}
      className={({ isActive }) => (isActive ? 'sidebar-link active' : 'sidebar-link')}
      aria-label={rail ? item.label : undefined}
      onClick={onNavigate}
      // The page's code starts loading while the pointer is still on its way to the click.
      onPointerEnter={() => prefetchPage(item.to)}
      onFocus={() => prefetchPage(item.to)}
    >
      <span className="sidebar-link-icon" aria-hidden>
        {item.icon}
      </span>
      {rail ? null : <Text size="2">{item.label}</Text>}
    </NavLink>
  );
  return rail ? (
    <Tooltip content={item.label} side="right">
      {link}
    </Tooltip>
  ) : (
    link
  );
}

interface ContentProps {
  /** Icons only (a folded sidebar on a wide screen). */
  rail?: boolean;
  /** Called on any link click: the drawer closes even when the link leads to the current page. */
  onNavigate?: () => void;
  /** Extra control under the navigation (the fold button of the wide sidebar). */
  footerStart?: ReactNode;
}

/** Brand, main navigation and the user menu: the same in the sidebar and in the phone drawer. */
export function SidebarContent({ rail = false, onNavigate, footerStart }: ContentProps) {
  const isAdmin = useAuthStore((s) => s.user?.role === 'admin');
  const nav = isAdmin ? [...NAV, ADMIN_ITEM] : NAV;
  return (
    <>
      <NavLink to="/" className="sidebar-brand" aria-label="Конструктор интеграций — на главную" onClick={onNavigate}>
        <ProductLogo size={30} />
        {rail ? null : (
          <Text size="2" weight="bold" className="sidebar-brand-name">
            Конструктор интеграций
          </Text>
        )}
      </NavLink>
      <nav aria-label="Основная навигация" className="sidebar-nav">
        <ul className="sidebar-list">
          {nav.map((item) => (
            <li key={item.to}>
              <NavItemLink item={item} rail={rail} onNavigate={onNavigate} />
            </li>
          ))}
        </ul>
      </nav>
      <div className="sidebar-footer">
        {footerStart}
        <UserMenu compact={rail} />
      </div>
    </>
  );
}

/** The sidebar of wide screens: full, or folded to icons by the user or by a page that needs room. */
export function AppSidebar() {
  const collapsed = useSidebarCollapsed();
  const toggle = useShellStore((s) => s.toggle);
  const label = collapsed ? 'Развернуть меню' : 'Свернуть меню';
  const fold = (
    <button type="button" className="sidebar-link sidebar-fold" onClick={toggle} aria-label={label} aria-expanded={!collapsed}>
      <span className="sidebar-link-icon" aria-hidden>
        {collapsed ? <DoubleArrowRightIcon /> : <DoubleArrowLeftIcon />}
      </span>
      {collapsed ? null : <Text size="2">Свернуть</Text>}
    </button>
  );
  return (
    <aside className={collapsed ? 'app-sidebar rail' : 'app-sidebar'} aria-label="Боковая панель">
      <SidebarContent
        rail={collapsed}
        footerStart={
          collapsed ? (
            <Tooltip content={label} side="right">
              {fold}
            </Tooltip>
          ) : (
            fold
          )
        }
      />
    </aside>
  );
}
