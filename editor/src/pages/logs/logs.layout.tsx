import { Link, Outlet, useLocation } from 'react-router';
import { TabNav } from '@radix-ui/themes';
import { PageHeader } from '../../components/page-header.component.tsx';
import './logs.css';

const TABS = [
  { to: '/logs', label: 'Запуски' },
  { to: '/logs/events', label: 'Входящие события' },
  { to: '/logs/journal', label: 'Журнал операций' },
];

/** «Логи»: tabs for runs, inbound events and the operation log; each tab keeps its filters in the URL. */
export function LogsLayout() {
  const { pathname } = useLocation();
  return (
    <div className="page page-wide">
      <PageHeader
        title="Логи"
        description="Что приходило на вебхуки, как отработали правила и что записал сервер."
      />
      <TabNav.Root mb="5" aria-label="Разделы логов">
        {TABS.map((t) => (
          <TabNav.Link key={t.to} asChild active={pathname === t.to}>
            <Link to={t.to}>{t.label}</Link>
          </TabNav.Link>
        ))}
      </TabNav.Root>
      <Outlet />
    </div>
  );
}
