import type { ReactNode } from 'react';
import { Button } from '@radix-ui/themes';
import type { ApiError } from '../api/client.ts';
import type { ListResult } from '../api/workflows.api.ts';
import { ErrorCallout } from './error-callout.component.tsx';
import { EmptyState } from './empty-state.component.tsx';
import { LoadingState } from './loading-state.component.tsx';
import { Pagination } from './pagination.component.tsx';

interface Props<T> {
  data: ListResult<T> | undefined;
  loading: boolean;
  error: ApiError | null;
  errorTitle: string;
  onRetry: () => void;
  /** Pagination, straight from `useUrlFilters`. */
  offset: number;
  limit: number;
  onPage: (offset: number, limit: number) => void;
  filtersActive: boolean;
  onResetFilters: () => void;
  icon: ReactNode;
  /** Empty list without filters. */
  empty: { title: string; description: ReactNode; action?: ReactNode };
  /** Empty list with filters. */
  emptyFiltered: { title: string; description: ReactNode };
  children: (items: T[]) => ReactNode;
  /** Replaces the offset pages (a history list pages by cursor). */
  pagination?: ReactNode;
}

/** Loading, error, empty states and pagination around a server-paged table. */
export function ListView<T>(p: Props<T>) {
  const { data } = p;
  return (
    <>
      {p.error ? <ErrorCallout error={p.error} title={p.errorTitle} onRetry={p.onRetry} /> : null}
      {!data && p.loading ? <LoadingState /> : null}
      {data && data.items.length === 0 && data.total > 0 ? (
        <EmptyState
          icon={p.icon}
          title="На этой странице ничего нет"
          description="Записей стало меньше, чем было, когда открывали страницу."
          action={
            <Button variant="soft" onClick={() => p.onPage(0, p.limit)}>
              На первую страницу
            </Button>
          }
        />
      ) : null}
      {data && data.total === 0 && data.items.length === 0 ? (
        p.filtersActive ? (
          <EmptyState
            icon={p.icon}
            title={p.emptyFiltered.title}
            description={p.emptyFiltered.description}
            action={
              <Button variant="soft" onClick={p.onResetFilters}>
                Сбросить фильтры
              </Button>
            }
          />
        ) : (
          <EmptyState icon={p.icon} title={p.empty.title} description={p.empty.description} action={p.empty.action} />
        )
      ) : null}
      {data && data.items.length > 0 ? (
        <>
          {p.children(data.items)}
          {p.pagination ?? <Pagination total={data.total} offset={p.offset} limit={p.limit} onChange={p.onPage} disabled={p.loading} />}
        </>
      ) : null}
    </>
  );
}
