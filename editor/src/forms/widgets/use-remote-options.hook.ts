import { useCallback, useEffect, useState } from 'react';
import { connectionsApi, type OptionItem } from '../../api/connections.api.ts';
import type { ApiError } from '../../api/client.ts';
import { toApiError } from '../../hooks/use-api-data.hook.ts';

/**
 * Lists are read from the connection's cached metadata: several fields of one form (and every row
 * of a field map) ask for the same list, so one answer is shared for a short while.
 */
const TTL_MS = 30_000;
const cache = new Map<string, { at: number; items: Promise<OptionItem[]> }>();

const keyOf = (connectionId: string, source: string, values: Record<string, string>) =>
  `${connectionId}|${source}|${new URLSearchParams(Object.entries(values).sort(([a], [b]) => a.localeCompare(b))).toString()}`;

function load(connectionId: string, source: string, values: Record<string, string>): Promise<OptionItem[]> {
  const key = keyOf(connectionId, source, values);
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.items;
  const items = connectionsApi.options(connectionId, source, values);
  cache.set(key, { at: Date.now(), items });
  items.catch(() => cache.delete(key));
  return items;
}

/** Drops the cached lists of a connection (after «Обновить справочники»). */
export function forgetRemoteOptions(connectionId?: string): void {
  for (const key of [...cache.keys()]) if (!connectionId || key.startsWith(`${connectionId}|`)) cache.delete(key);
}

export interface RemoteOptions {
  items: OptionItem[] | undefined;
  loading: boolean;
  error: ApiError | null;
  reload: () => void;
}

/** The option list `source` of a connection for the given dependency values; nothing without a connection. */
export function useRemoteOptions(connectionId: string | undefined, source: string, values: Record<string, string>): RemoteOptions {
  const key = connectionId && source ? keyOf(connectionId, source, values) : '';
  const [state, setState] = useState<{ key: string; items?: OptionItem[]; error: ApiError | null; loading: boolean }>({ key: '', error: null, loading: false });
  const [tick, setTick] = useState(0);

  useEffect(() => {
    if (!key || !connectionId) return;
    let live = true;
    setState((s) => ({ key, items: s.key === key ? s.items : undefined, error: null, loading: true }));
    load(connectionId, source, values).then(
      (items) => live && setState({ key, items, error: null, loading: false }),
      (err: unknown) => live && setState({ key, error: toApiError(err), loading: false }),
    );
    return () => {
      live = false;
    };
    // `key` covers the connection, the source and the values.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, tick]);

  const reload = useCallback(() => {
    if (key) cache.delete(key);
    setTick((t) => t + 1);
  }, [key]);

  const current = state.key === key;
  return { items: current ? state.items : undefined, loading: Boolean(key) && (!current || state.loading), error: current ? state.error : null, reload };
}
