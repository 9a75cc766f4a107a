import { http } from './client.ts';

/** What the API shows of a connection: never the credentials. */
export interface ConnectionSummary {
  id: string;
  plugin: string;
  name: string;
  status: 'unknown' | 'ok' | 'error';
  lastError: string | null;
}

export const fetchConnections = (plugin?: string, signal?: AbortSignal) =>
  http.get<{ items: ConnectionSummary[]; total: number }>('/api/connections', { plugin }, signal).then((r) => r.items);
