import { Flex } from '@radix-ui/themes';
import { useAuthStore } from '../../store/auth.store.ts';
import { usePageTitle } from '../../hooks/use-page-title.hook.ts';
import { useApiData } from '../../hooks/use-api-data.hook.ts';
import { PageHeader } from '../../components/page-header.component.tsx';
import { AccountSummary } from './account-summary.component.tsx';
import { HomeStats } from './home-stats.component.tsx';
import { NextSteps } from './next-steps.component.tsx';
import { loadHomeStats } from './home-stats.api.ts';

function greeting(date = new Date()): string {
  const h = date.getHours();
  if (h < 5) return 'Доброй ночи';
  if (h < 12) return 'Доброе утро';
  if (h < 18) return 'Добрый день';
  return 'Добрый вечер';
}

/** «Обзор»: the account as the server knows it, totals and where to go next. */
export function HomePage() {
  usePageTitle('Обзор');
  const user = useAuthStore((s) => s.user);
  const stats = useApiData(loadHomeStats, 'home-stats');
  if (!user) return null;
  const firstName = user.name.trim().split(/\s+/)[0];

  return (
    <div className="page">
      <PageHeader
        title="Обзор"
        description={`${greeting()}${firstName ? `, ${firstName}` : ''}! Это сводка по рабочему пространству «${user.tenant.name}».`}
      />
      <Flex direction="column" gap="6">
        <HomeStats stats={stats.data} loading={stats.loading} />
        <NextSteps hasRules={stats.data?.workflows == null ? null : stats.data.workflows > 0} />
        <div style={{ maxWidth: 640 }}>
          <AccountSummary user={user} />
        </div>
      </Flex>
    </div>
  );
}
