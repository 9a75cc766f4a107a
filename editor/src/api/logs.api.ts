import { http } from './client.ts';
import type { PagedList } from './paged-list.ts';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface LogEntry {
  id: string;
  level: LogLevel;
  source: string;
  message: string;
  context: unknown;
  workflowId: string | null;
  runId: string | null;
  createdAt: string;
}

export interface LogsQuery {
  level?: LogLevel;
  source?: string;
  workflowId?: string;
  q?: string;
  from?: string;
  to?: string;
  limit?: number;
  offset?: number;
  cursor?: string;
}

export const logsApi = {
  list: (query: LogsQuery, signal?: AbortSignal) => http.get<PagedList<LogEntry>>('/api/logs', { ...query }, signal),
};
