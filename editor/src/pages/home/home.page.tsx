import { useEffect } from 'react';
import { Flex, Grid } from '@radix-ui/themes';
import { useAuthStore } from '../../store/auth.store.ts';
import { usePageTitle } from '../../hooks/use-page-title.hook.ts';
import { useApiData } from '../../hooks/use-api-data.hook.ts';
import { PageHeader } from '../../components/page-header.component.tsx';
import { AccountSummary } from './account-summary.component.tsx';
import { NextSteps } from './next-steps.component.tsx';
import { loadOverview } from './overview.api.ts';
import { TodayRunsCard } from './today-runs.card.tsx';
import { FailingRulesCard } from './failing-rules.card.tsx';
import { ConnectionsCard } from './connections-attention.card.tsx';
import { RecentEventsCard } from './recent-events.card.tsx';
import '../../styles/overview.css';

/** The figures follow what happens while the page is open (only while the tab is visible). */
const REFRESH_MS = 30_000;

function greeting(date = new Date()): string {
  const h = date.getHours();
  if (h < 5) return 'Доброй ночи';
  if (h < 12) return 'Доброе утро';
  if (h < 18) return 'Добрый день';
  return 'Добрый вечер';
}

/** «Обзор»: today's runs, rules and connections that need attention, the latest events. */
export function HomePage() {
  usePageTitle('Обзор');
  const user = useAuthStore((s) => s.user);
  const overview = useApiData(loadOverview, 'overview');
  const { reload } = overview;

  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') reload({ silent: true });
    }, REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);

  if (!user) return null;
  const firstName = user.name.trim().split(/\s+/)[0];
  const data = overview.data;
  const loading = overview.loading;
  const noRules = data?.rules ? data.rules.total === 0 : null;

  return (
    <div className="page">
      <PageHeader
        title="Обзор"
        description={`${greeting()}${firstName ? `, ${firstName}` : ''}! Это сводка по рабочему пространству «${user.tenant.name}».`}
      />
      <Flex direction="column" gap="5">
        {noRules ? <NextSteps hasRules={false} /> : null}
        <Grid columns={{ initial: '1', md: '2' }} gap="4">
          <TodayRunsCard today={data?.today} loading={loading} />
          <FailingRulesCard rules={data?.rules} loading={loading} />
          <ConnectionsCard connections={data?.connections} loading={loading} />
          <RecentEventsCard events={data?.recentEvents} loading={loading} />
        </Grid>
        {noRules === false ? <NextSteps hasRules /> : null}
        <div className="overview-account">
          <AccountSummary user={user} />
        </div>
      </Flex>
    </div>
  );
}
