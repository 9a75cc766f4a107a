import type { ComponentProps, ReactNode } from 'react';
import type { PagedList } from '../../api/paged-list.ts';
import { useApiData, type ApiData } from '../../hooks/use-api-data.hook.ts';
import { useUrlFilters, type UrlFilters } from '../../hooks/use-url-filters.hook.ts';
import { FilterBar } from '../../components/filter-bar.component.tsx';
import { PeriodFilter } from '../../components/period-filter.component.tsx';
import { periodToIso, type PeriodValue } from '../../components/period.util.ts';
import { ListView } from '../../components/list-view.component.tsx';
import { CursorPagination } from '../../components/cursor-pagination.component.tsx';
import { useLogPaging, type LogPaging } from './use-log-paging.hook.ts';

type PeriodKey = keyof PeriodValue;

/** What every log list sends besides its own filters: the period bounds and the page. */
export interface LogListPage {
  from?: string;
  to?: string;
  limit: number;
  offset: number;
  cursor?: string;
}

export interface LogList<K extends string, T> extends ApiData<PagedList<T>> {
  /** The tab's filters (its own and the period), kept in the URL. */
  f: UrlFilters<K | PeriodKey>;
  paging: LogPaging;
}

/**
 * A server-paged log list: filters in the URL (`keys` must include the period keys), reloaded whenever
 * they change. `load` gets the filter values and the page (period bounds counted at every request).
 */
export function useLogList<K extends string, T>(
  keys: readonly (K | PeriodKey)[],
  resource: string,
  load: (values: Record<K | PeriodKey, string>, page: LogListPage, signal: AbortSignal) => Promise<PagedList<T>>,
): LogList<K, T> {
  const f = useUrlFilters(keys);
  const paging = useLogPaging(f.limit);
  const { offset, cursor } = paging.position;
  const api = useApiData(
    (signal) => load(f.values, { ...periodToIso(f.values), limit: f.limit, offset, ...(cursor ? { cursor } : {}) }, signal),
    `${resource}?${f.key}`,
  );
  return { ...api, f, paging };
}

type ViewProps<T> = Pick<
  ComponentProps<typeof ListView<T>>,
  'errorTitle' | 'icon' | 'empty' | 'emptyFiltered' | 'children'
>;

interface Props<K extends string, T> extends ViewProps<T> {
  list: LogList<K, T>;
  /** The tab's own filters; «Период» follows them. */
  filters: ReactNode;
  /** Rendered after the list (e.g. a detail dialog). */
  after?: ReactNode;
}

/** A log tab: the filter bar with «Период», then loading, error, empty states and pages around the table. */
export function LogListTab<K extends string, T>({ list, filters, after, ...view }: Props<K, T>) {
  const { f, data, error, loading, reload, paging } = list;
  return (
    <div className="fade-in logs-list">
      <FilterBar active={f.active} onReset={f.reset} onRefresh={() => reload()} refreshing={loading}>
        {filters}
        <PeriodFilter value={f.values} onChange={(p) => f.set(p as Partial<Record<K | PeriodKey, string>>)} />
      </FilterBar>
      <ListView
        data={data}
        loading={loading}
        error={error}
        onRetry={() => reload()}
        offset={paging.position.offset}
        limit={f.limit}
        onPage={(offset, limit) => f.setPage(offset, limit)}
        filtersActive={f.active}
        onResetFilters={f.reset}
        pagination={
          data ? (
            <CursorPagination
              position={paging.position}
              limit={f.limit}
              count={data.items.length}
              total={data.total}
              totalCapped={data.totalCapped}
              hasNext={Boolean(data.nextCursor)}
              disabled={loading}
              onNext={() => data.nextCursor && paging.next(data.nextCursor)}
              onPrevious={paging.previous}
              onPage={paging.goTo}
              onLimit={(limit) => f.setPage(0, limit)}
            />
          ) : null
        }
        {...view}
      />
      {after}
    </div>
  );
}
