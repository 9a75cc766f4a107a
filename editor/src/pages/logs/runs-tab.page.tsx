import { Link } from 'react-router';
import { Button } from '@radix-ui/themes';
import { ActivityLogIcon } from '@radix-ui/react-icons';
import { runsApi } from '../../api/runs.api.ts';
import type { RunStatus } from '../../api/workflows.api.ts';
import { useApiData } from '../../hooks/use-api-data.hook.ts';
import { useUrlFilters } from '../../hooks/use-url-filters.hook.ts';
import { usePageTitle } from '../../hooks/use-page-title.hook.ts';
import { FilterBar } from '../../components/filter-bar.component.tsx';
import { WorkflowSelect } from '../../components/workflow-select.component.tsx';
import { FilterSelect } from '../../components/filter-select.component.tsx';
import { PeriodFilter } from '../../components/period-filter.component.tsx';
import { periodToIso } from '../../components/period.util.ts';
import { statusOptions } from '../../components/status-labels.constants.ts';
import { ListView } from '../../components/list-view.component.tsx';
import { RunsTable } from './runs-table.component.tsx';

const KEYS = ['workflowId', 'status', 'period', 'from', 'to'] as const;

/** «Запуски»: runs with server-side filters and pages. */
export function RunsTabPage() {
  usePageTitle('Запуски');
  const f = useUrlFilters(KEYS);
  const { data, error, loading, reload } = useApiData(
    (signal) =>
      runsApi.list(
        {
          workflowId: f.values.workflowId || undefined,
          status: (f.values.status || undefined) as RunStatus | undefined,
          ...periodToIso(f.values),
          limit: f.limit,
          offset: f.offset,
        },
        signal,
      ),
    `runs?${f.key}`,
  );

  return (
    <div className="fade-in">
      <FilterBar active={f.active} onReset={f.reset} onRefresh={() => reload()} refreshing={loading}>
        <WorkflowSelect value={f.values.workflowId} onChange={(v) => f.set({ workflowId: v })} />
        <FilterSelect
          value={f.values.status}
          onChange={(v) => f.set({ status: v })}
          options={statusOptions('run')}
          allLabel="Все статусы"
          ariaLabel="Статус запуска"
        />
        <PeriodFilter value={f.values} onChange={(p) => f.set(p)} />
      </FilterBar>
      <ListView
        data={data}
        loading={loading}
        error={error}
        errorTitle="Не удалось загрузить запуски"
        onRetry={() => reload()}
        offset={f.offset}
        limit={f.limit}
        onPage={f.setPage}
        filtersActive={f.active}
        onResetFilters={f.reset}
        icon={<ActivityLogIcon />}
        empty={{
          title: 'Запусков пока нет',
          description: 'Запуск появится, когда включённое правило получит первое событие на свой адрес вебхука.',
          action: (
            <Button asChild variant="soft">
              <Link to="/rules">К правилам</Link>
            </Button>
          ),
        }}
        emptyFiltered={{
          title: 'Нет запусков по этим фильтрам',
          description: 'Попробуйте выбрать другое правило, статус или период.',
        }}
      >
        {(items) => <RunsTable runs={items} dimmed={loading} />}
      </ListView>
    </div>
  );
}
