import { useCallback, useEffect, useRef, useState } from 'react';
import { workflowsApi, type WorkflowSummary } from '../../api/workflows.api.ts';
import { errorMessage } from '../../store/editor-toast.store.ts';

const PAGE = 50;

/** The rules list with a debounced search and «Показать ещё». */
export function useWorkflowsList(search: string) {
  const [items, setItems] = useState<WorkflowSummary[]>([]);
  const [total, setTotal] = useState(0);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [limit, setLimit] = useState(PAGE);
  const [reloadKey, setReloadKey] = useState(0);
  const first = useRef(true);

  useEffect(() => setLimit(PAGE), [search]);

  useEffect(() => {
    const ctrl = new AbortController();
    const delay = first.current ? 0 : 250;
    first.current = false;
    const timer = setTimeout(() => {
      setLoading(true);
      workflowsApi
        .list({ search: search.trim() || undefined, limit, offset: 0 }, ctrl.signal)
        .then((res) => {
          setItems(res.items);
          setTotal(res.total);
          setError(null);
        })
        .catch((err) => {
          if ((err as Error).name !== 'AbortError') setError(errorMessage(err));
        })
        .finally(() => {
          if (!ctrl.signal.aborted) setLoading(false);
        });
    }, delay);
    return () => {
      clearTimeout(timer);
      ctrl.abort();
    };
  }, [search, limit, reloadKey]);

  const reload = useCallback(() => setReloadKey((k) => k + 1), []);
  const more = useCallback(() => setLimit((l) => Math.min(l + PAGE, 200)), []);
  return { items, total, loading, error, reload, more, canMore: items.length < total && limit < 200 };
}
