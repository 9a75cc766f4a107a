import { ActivityLogIcon } from '@radix-ui/react-icons';
import { runsApi } from '../../api/runs.api.ts';
import { usePageTitle } from '../../hooks/use-page-title.hook.ts';
import { StatusListTab, useStatusList } from './status-list-tab.component.tsx';
import { RunsTable } from './runs-table.component.tsx';

/** «Запуски»: runs with server-side filters and pages. */
export function RunsTabPage() {
  usePageTitle('Запуски');
  const list = useStatusList('runs', runsApi.list);

  return (
    <StatusListTab
      list={list}
      statusKind="run"
      statusLabel="Статус запуска"
      errorTitle="Не удалось загрузить запуски"
      icon={<ActivityLogIcon />}
      empty={{
        title: 'Запусков пока нет',
        description: 'Запуск появится, когда включённое правило получит первое событие на свой адрес вебхука.',
      }}
      emptyFilteredTitle="Нет запусков по этим фильтрам"
    >
      {(items) => <RunsTable runs={items} dimmed={list.loading} />}
    </StatusListTab>
  );
}
