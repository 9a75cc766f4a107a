import { ActivityLogIcon } from '@radix-ui/react-icons';
import { runsApi } from '../../api/runs.api.ts';
import { usePageTitle } from '../../hooks/use-page-title.hook.ts';
import { StatusListTab, useStatusList } from './status-list-tab.component.tsx';
import { RunsTable } from './runs-table.component.tsx';

/** The run statuses the server filters by, in the words of the outcome column. */
const RUN_STATUS_OPTIONS: [string, string][] = [
  ['succeeded', 'Выполнено или условие не подошло'],
  ['failed', 'Ошибка'],
  ['queued', 'В очереди или ждёт повтора'],
  ['running', 'В работе'],
  ['cancelled', 'Отменено'],
];

/** «Запуски»: runs with their outcome, server-side search, filters and pages. */
export function RunsTabPage() {
  usePageTitle('Запуски');
  const list = useStatusList('runs', runsApi.list);

  return (
    <StatusListTab
      list={list}
      statusKind="run"
      statusLabel="Статус запуска"
      statusOptions={RUN_STATUS_OPTIONS}
      search={{ placeholder: 'Поиск по итогу запуска', ariaLabel: 'Поиск по итогу запуска' }}
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
