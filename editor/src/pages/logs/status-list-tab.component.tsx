import type { ComponentProps } from 'react';
import { Link } from 'react-router';
import { Button } from '@radix-ui/themes';
import type { ListResult } from '../../api/workflows.api.ts';
import { WorkflowSelect } from '../../components/workflow-select.component.tsx';
import { FilterSelect } from '../../components/filter-select.component.tsx';
import { statusOptions } from '../../components/status-labels.constants.ts';
import { LogListTab, useLogList, type LogList, type LogListPage } from './log-list-tab.component.tsx';

const KEYS = ['workflowId', 'status', 'period', 'from', 'to'] as const;

type StatusList<T> = LogList<(typeof KEYS)[number], T>;

/** A log list filtered by rule, status and period (runs, inbound events). */
export function useStatusList<S extends string, T>(
  resource: string,
  list: (query: { workflowId?: string; status?: S } & LogListPage, signal: AbortSignal) => Promise<ListResult<T>>,
): StatusList<T> {
  return useLogList(KEYS, resource, (v, page, signal) =>
    list({ workflowId: v.workflowId || undefined, status: (v.status || undefined) as S | undefined, ...page }, signal),
  );
}

type TabProps<T> = ComponentProps<typeof LogListTab<(typeof KEYS)[number], T>>;

interface Props<T> extends Pick<TabProps<T>, 'errorTitle' | 'icon' | 'children' | 'after'> {
  list: StatusList<T>;
  statusKind: 'run' | 'event';
  /** The status select's accessible name. */
  statusLabel: string;
  /** Empty list without filters (it offers to go to the rules). */
  empty: { title: string; description: string };
  /** Empty list with filters. */
  emptyFilteredTitle: string;
}

/** The tab of a `useStatusList`: «Правило», «Статус» and «Период» filters over the table. */
export function StatusListTab<T>({ list, statusKind, statusLabel, empty, emptyFilteredTitle, ...rest }: Props<T>) {
  const { f } = list;
  return (
    <LogListTab
      list={list}
      filters={
        <>
          <WorkflowSelect value={f.values.workflowId} onChange={(v) => f.set({ workflowId: v })} />
          <FilterSelect
            value={f.values.status}
            onChange={(v) => f.set({ status: v })}
            options={statusOptions(statusKind)}
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
        description: 'Попробуйте выбрать другое правило, статус или период.',
      }}
      {...rest}
    />
  );
}
