import { Link, Outlet, useLocation } from 'react-router';
import { TabNav } from '@radix-ui/themes';
import { PageHeader } from '../../components/page-header.component.tsx';
import './logs.css';

// Short labels on a phone: the three tabs then fit 390 px without scrolling sideways.
const TABS = [
  { to: '/logs', label: 'Запуски', short: 'Запуски' },
  { to: '/logs/events', label: 'Входящие события', short: 'События' },
  { to: '/logs/journal', label: 'Журнал операций', short: 'Журнал' },
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
            <Link to={t.to}>
              <span className="hide-compact">{t.label}</span>
              <span className="show-compact">{t.short}</span>
            </Link>
          </TabNav.Link>
        ))}
      </TabNav.Root>
      <Outlet />
    </div>
  );
}
