import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

export const PAGE_SIZES = [25, 50, 100] as const;
const DEFAULT_LIMIT = 50;

export interface UrlFilters<K extends string> {
  values: Record<K, string>;
  limit: number;
  offset: number;
  /** Whether any of the filter keys is set (pagination aside). */
  active: boolean;
  /** Changes filters; the page goes back to the first one. Empty values are removed from the URL. */
  set: (patch: Partial<Record<K, string | null>>) => void;
  setPage: (offset: number, limit: number) => void;
  reset: () => void;
  /** The query string of the current filters, stable for `useApiData` keys. */
  key: string;
}

/** Filters of a list page kept in the URL query, so the page can be shared and refreshed. */
export function useUrlFilters<K extends string>(keys: readonly K[]): UrlFilters<K> {
  const [params, setParams] = useSearchParams();

  const values = useMemo(() => {
    const out = {} as Record<K, string>;
    for (const k of keys) out[k] = params.get(k) ?? '';
    return out;
  }, [params, keys.join(',')]);

  const limitRaw = Number(params.get('limit'));
  const limit = (PAGE_SIZES as readonly number[]).includes(limitRaw) ? limitRaw : DEFAULT_LIMIT;
  const offsetRaw = Number(params.get('offset'));
  const offset = Number.isInteger(offsetRaw) && offsetRaw > 0 ? offsetRaw : 0;

  const set = useCallback(
    (patch: Partial<Record<K, string | null>>) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [k, v] of Object.entries(patch) as [string, string | null | undefined][]) {
            if (v === null || v === undefined || v === '') next.delete(k);
            else next.set(k, v);
          }
          // A new filter starts from the first page, whichever way the page was reached.
          next.delete('offset');
          next.delete('cursor');
          next.delete('page');
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  const setPage = useCallback(
    (nextOffset: number, nextLimit: number) => {
      setParams((prev) => {
        const next = new URLSearchParams(prev);
        next.delete('cursor');
        next.delete('page');
        if (nextOffset > 0) next.set('offset', String(nextOffset));
        else next.delete('offset');
        if (nextLimit !== DEFAULT_LIMIT) next.set('limit', String(nextLimit));
        else next.delete('limit');
        return next;
      });
    },
    [setParams],
  );

  const reset = useCallback(() => {
    setParams(
      (prev) => {
        const next = new URLSearchParams();
        const l = prev.get('limit');
        if (l) next.set('limit', l);
        return next;
      },
      { replace: true },
    );
  }, [setParams]);

  const active = keys.some((k) => values[k] !== '');
  return { values, limit, offset, active, set, setPage, reset, key: params.toString() };
}
