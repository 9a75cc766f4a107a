import { http } from './client.ts';
import type { Graph } from '../../../core/graph/graph.schema.ts';
import type { ListResult, RunStatus, Step } from './workflows.api.ts';

export interface Run {
  id: string;
  workflowId: string;
  workflowName: string;
  version: number | null;
  eventId: string | null;
  status: RunStatus;
  attempts: number;
  error: { code: string; message: string } | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  durationMs: number | null;
}

export interface RunDetail extends Run {
  steps: Step[];
  graph: Graph | null;
}

export interface RunsQuery {
  workflowId?: string;
  status?: RunStatus;
  from?: string;
  to?: string;
  limit?: number;
  offset?: number;
}

const one = (id: string) => `/api/runs/${encodeURIComponent(id)}`;

export const runsApi = {
  list: (query: RunsQuery, signal?: AbortSignal) => http.get<ListResult<Run>>('/api/runs', { ...query }, signal),
  get: (id: string, signal?: AbortSignal) => http.get<RunDetail>(one(id), undefined, signal),
  cancel: (id: string) => http.post<Run>(`${one(id)}/cancel`),
  retry: (id: string) => http.post<Run>(`${one(id)}/retry`),
};

/** Runs that may still change: the detail page polls them. */
export const isRunActive = (status: RunStatus) => status === 'queued' || status === 'running';
