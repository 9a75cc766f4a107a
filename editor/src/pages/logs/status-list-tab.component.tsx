import type { ComponentProps } from 'react';
import { Link } from 'react-router';
import { Button } from '@radix-ui/themes';
import type { PagedList } from '../../api/paged-list.ts';
import { WorkflowSelect } from '../../components/workflow-select.component.tsx';
import { FilterSelect } from '../../components/filter-select.component.tsx';
import { SearchField } from '../../components/search-field.component.tsx';
import { statusOptions } from '../../components/status-labels.constants.ts';
import { LogListTab, useLogList, type LogList, type LogListPage } from './log-list-tab.component.tsx';

/** `id` opens one event (a link from a run); the runs tab never sets it. */
const KEYS = ['q', 'id', 'workflowId', 'status', 'period', 'from', 'to'] as const;

type StatusList<T> = LogList<(typeof KEYS)[number], T>;

/** A log list filtered by text, rule, status and period (runs, inbound events). */
export function useStatusList<S extends string, T>(
  resource: string,
  list: (query: { q?: string; id?: string; workflowId?: string; status?: S } & LogListPage, signal: AbortSignal) => Promise<PagedList<T>>,
): StatusList<T> {
  return useLogList(KEYS, resource, (v, page, signal) =>
    list(
      {
        q: v.q || undefined,
        ...(v.id ? { id: v.id } : {}),
        workflowId: v.workflowId || undefined,
        status: (v.status || undefined) as S | undefined,
        ...page,
      },
      signal,
    ),
  );
}

type TabProps<T> = ComponentProps<typeof LogListTab<(typeof KEYS)[number], T>>;

interface Props<T> extends Pick<TabProps<T>, 'errorTitle' | 'icon' | 'children' | 'after'> {
  list: StatusList<T>;
  statusKind: 'run' | 'event';
  /** The status select's accessible name. */
  statusLabel: string;
  /** The search field: what it looks through. */
  search: { placeholder: string; ariaLabel: string };
  /** Empty list without filters (it offers to go to the rules). */
  empty: { title: string; description: string };
  /** Empty list with filters. */
  emptyFilteredTitle: string;
  /** Status options of the select (the run tab offers outcomes). */
  statusOptions?: [string, string][];
}

/** The tab of a `useStatusList`: search, «Правило», «Статус» and «Период» filters over the table. */
export function StatusListTab<T>({ list, statusKind, statusLabel, search, empty, emptyFilteredTitle, statusOptions: options, ...rest }: Props<T>) {
  const { f } = list;
  return (
    <LogListTab
      list={list}
      filters={
        <>
          <SearchField value={f.values.q} onChange={(v) => f.set({ q: v })} placeholder={search.placeholder} ariaLabel={search.ariaLabel} width={260} />
          <WorkflowSelect value={f.values.workflowId} onChange={(v) => f.set({ workflowId: v })} />
          <FilterSelect
            value={f.values.status}
            onChange={(v) => f.set({ status: v })}
            options={options ?? statusOptions(statusKind)}
            allLabel="Все статусы"
            ariaLabel={statusLabel}
          />
        </>
      }
      empty={{
        ...empty,
        action: (
          <Button asChild variant="soft">
            <Link to="/rules">К правилам</Link>
          </Button>
        ),
      }}
      emptyFiltered={{
        title: emptyFilteredTitle,
        description: 'Попробуйте изменить текст поиска, правило, статус или период.',
      }}
      {...rest}
    />
  );
}
