import { ReaderIcon } from '@radix-ui/react-icons';
import { logsApi, type LogLevel } from '../../api/logs.api.ts';
import { useApiData } from '../../hooks/use-api-data.hook.ts';
import { useUrlFilters } from '../../hooks/use-url-filters.hook.ts';
import { usePageTitle } from '../../hooks/use-page-title.hook.ts';
import { FilterBar } from '../../components/filter-bar.component.tsx';
import { WorkflowSelect } from '../../components/workflow-select.component.tsx';
import { FilterSelect } from '../../components/filter-select.component.tsx';
import { PeriodFilter } from '../../components/period-filter.component.tsx';
import { periodToIso } from '../../components/period.util.ts';
import { SearchField } from '../../components/search-field.component.tsx';
import { LOG_SOURCE, statusOptions } from '../../components/status-labels.constants.ts';
import { ListView } from '../../components/list-view.component.tsx';
import { JournalTable } from './journal-table.component.tsx';

const SOURCE_OPTIONS = Object.entries(LOG_SOURCE);

const KEYS = ['q', 'level', 'source', 'workflowId', 'period', 'from', 'to'] as const;

/** «Журнал операций»: what the server wrote down, with level, source, text and period filters. */
export function JournalTabPage() {
  usePageTitle('Журнал операций');
  const f = useUrlFilters(KEYS);
  const { data, error, loading, reload } = useApiData(
    (signal) =>
      logsApi.list(
        {
          q: f.values.q || undefined,
          level: (f.values.level || undefined) as LogLevel | undefined,
          source: f.values.source || undefined,
          workflowId: f.values.workflowId || undefined,
          ...periodToIso(f.values),
          limit: f.limit,
          offset: f.offset,
        },
        signal,
      ),
    `logs?${f.key}`,
  );

  return (
    <div className="fade-in">
      <FilterBar active={f.active} onReset={f.reset} onRefresh={() => reload()} refreshing={loading}>
        <SearchField
          value={f.values.q}
          onChange={(v) => f.set({ q: v })}
          placeholder="Поиск по тексту"
          ariaLabel="Поиск по тексту сообщения"
          width={220}
        />
        <FilterSelect
          value={f.values.level}
          onChange={(v) => f.set({ level: v })}
          options={statusOptions('log')}
          allLabel="Все уровни"
          ariaLabel="Уровень"
          minWidth={150}
        />
        <FilterSelect
          value={f.values.source}
          onChange={(v) => f.set({ source: v })}
          options={SOURCE_OPTIONS}
          allLabel="Все источники"
          ariaLabel="Источник записи"
          minWidth={160}
        />
        <WorkflowSelect value={f.values.workflowId} onChange={(v) => f.set({ workflowId: v })} />
        <PeriodFilter value={f.values} onChange={(p) => f.set(p)} />
      </FilterBar>
      <ListView
        data={data}
        loading={loading}
        error={error}
        errorTitle="Не удалось загрузить журнал"
        onRetry={() => reload()}
        offset={f.offset}
        limit={f.limit}
        onPage={f.setPage}
        filtersActive={f.active}
        onResetFilters={f.reset}
        icon={<ReaderIcon />}
        empty={{
          title: 'Журнал пока пуст',
          description: 'Сюда сервер записывает важные операции: запуски правил, обращения к AmoCRM и LPTracker, ошибки.',
        }}
        emptyFiltered={{
          title: 'Ничего не нашлось',
          description: 'Попробуйте изменить текст поиска, уровень, источник или период.',
        }}
      >
        {(items) => <JournalTable entries={items} dimmed={loading} />}
      </ListView>
    </div>
  );
}
