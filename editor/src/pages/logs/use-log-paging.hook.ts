import { useCallback } from 'react';
import { useLocation, useSearchParams } from 'react-router';
import {
  byOffset, nextPage, positionFromParams, previousPage, writePosition, type PagePosition,
} from '../../components/cursor-paging.util.ts';

export interface LogPaging {
  position: PagePosition;
  next: (nextCursor: string) => void;
  previous: () => void;
  goTo: (page: number) => void;
}

interface PagingState {
  /** The pages «Далее» came from, for «Назад»: kept in the history entry, so Back and reload keep it too. */
  pageStack?: PagePosition[];
}

/** The page of a history list, in the URL (`offset`, or `cursor` and `page`), with a stack of cursors for «Назад». */
export function useLogPaging(limit: number): LogPaging {
  const [params, setParams] = useSearchParams();
  const location = useLocation();
  const position = positionFromParams(params, limit);
  const stack = (location.state as PagingState | null)?.pageStack ?? [];

  const go = useCallback(
    (to: PagePosition, pageStack: PagePosition[]) => {
      const state: PagingState = { ...(location.state as object | null), pageStack };
      setParams((prev) => writePosition(prev, to), { state });
    },
    [location.state, setParams],
  );

  return {
    position,
    next: (nextCursor) => {
      const r = nextPage(position, nextCursor, stack);
      go(r.position, r.stack);
    },
    previous: () => {
      const r = previousPage(position, stack, limit);
      go(r.position, r.stack);
    },
    goTo: (page) => go(byOffset(page, limit), []),
  };
}
