import { ReaderIcon } from '@radix-ui/react-icons';
import { logsApi, type LogLevel } from '../../api/logs.api.ts';
import { usePageTitle } from '../../hooks/use-page-title.hook.ts';
import { WorkflowSelect } from '../../components/workflow-select.component.tsx';
import { FilterSelect } from '../../components/filter-select.component.tsx';
import { SearchField } from '../../components/search-field.component.tsx';
import { LOG_SOURCE, statusOptions } from '../../components/status-labels.constants.ts';
import { LogListTab, useLogList } from './log-list-tab.component.tsx';
import { JournalTable } from './journal-table.component.tsx';

const SOURCE_OPTIONS = Object.entries(LOG_SOURCE);

const KEYS = ['q', 'level', 'source', 'workflowId', 'period', 'from', 'to'] as const;

/** «Журнал операций»: what the server wrote down, with level, source, text and period filters. */
export function JournalTabPage() {
  usePageTitle('Журнал операций');
  const list = useLogList(KEYS, 'logs', (v, page, signal) =>
    logsApi.list(
      {
        q: v.q || undefined,
        level: (v.level || undefined) as LogLevel | undefined,
        source: v.source || undefined,
        workflowId: v.workflowId || undefined,
        ...page,
      },
      signal,
    ),
  );
  const { f } = list;

  return (
    <LogListTab
      list={list}
      filters={
        <>
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
        </>
      }
      errorTitle="Не удалось загрузить журнал"
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
      {(items) => <JournalTable entries={items} dimmed={list.loading} />}
    </LogListTab>
  );
}
