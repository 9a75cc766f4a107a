import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/client.ts';

export interface ApiData<T> {
  data: T | undefined;
  error: ApiError | null;
  /** True while a request is in flight (the previous data stays visible meanwhile). */
  loading: boolean;
  /** Ask again; `silent` keeps `loading` false (for background refresh). */
  reload: (options?: { silent?: boolean }) => void;
}

export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  return new ApiError(0, { code: 'UNKNOWN', message: 'Непредвиденная ошибка. Обновите страницу.' });
}

/**
 * Loads data from the API whenever `key` changes; aborts the stale request.
 * `key` should describe everything the fetcher depends on (e.g. the query string).
 */
export function useApiData<T>(fetcher: (signal: AbortSignal) => Promise<T>, key: string): ApiData<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  const silentRef = useRef(false);
  const fetcherRef = useRef(fetcher);
  fetcherRef.current = fetcher;

  useEffect(() => {
    const controller = new AbortController();
    if (!silentRef.current) setLoading(true);
    silentRef.current = false;
    fetcherRef
      .current(controller.signal)
      .then((result) => {
        if (controller.signal.aborted) return;
        setData(result);
        setError(null);
      })
      .catch((err: unknown) => {
        if (controller.signal.aborted || (err as Error)?.name === 'AbortError') return;
        setError(toApiError(err));
      })
      .finally(() => {
        if (!controller.signal.aborted) setLoading(false);
      });
    return () => controller.abort();
  }, [key, tick]);

  const reload = useCallback((options?: { silent?: boolean }) => {
    silentRef.current = Boolean(options?.silent);
    setTick((t) => t + 1);
  }, []);

  return { data, error, loading, reload };
}
