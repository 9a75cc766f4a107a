import { http } from './client.ts';
import type { Graph } from '../../../core/graph/graph.schema.ts';
import type { RunStatus, Step } from './workflows.api.ts';
import type { PagedList } from './paged-list.ts';

/** What a salesperson asks of a run (set when it settles, or while it waits for a retry). */
export type RunVerdict = 'done' | 'filtered' | 'failed' | 'retrying' | 'cancelled';

export interface Run {
  id: string;
  workflowId: string;
  workflowName: string;
  version: number | null;
  eventId: string | null;
  status: RunStatus;
  /** Attempts made so far (the steps carry the same numbers). */
  attempts: number;
  maxAttempts: number;
  verdict: RunVerdict | null;
  /** One line: «лид создан: 12345», «Условие «…» не подошло» or the error. */
  summary: string | null;
  /** When a run waiting after a transient error tries again. */
  nextAttemptAt: string | null;
  error: { code: string; message: string } | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** Work of the last attempt, the wait between attempts excluded. */
  durationMs: number | null;
  replayOf?: string | null;
}

export interface EntityRef {
  system: string;
  type: string;
  id: string;
  /** «AmoCRM» — the plugin's title. */
  systemTitle?: string;
  /** «сделка» — how the service names this record. */
  typeTitle?: string;
  /** The record's card in the service's own interface, when it has one. */
  url?: string | null;
}

export interface RunDetail extends Run {
  steps: Step[];
  graph: Graph | null;
  /** The same record in two systems, linked by this run. */
  links?: { a: EntityRef; b: EntityRef }[];
}

export interface RunsQuery {
  workflowId?: string;
  status?: RunStatus;
  eventId?: string;
  q?: string;
  from?: string;
  to?: string;
  limit?: number;
  offset?: number;
  cursor?: string;
}

const one = (id: string) => `/api/runs/${encodeURIComponent(id)}`;

export const runsApi = {
  list: (query: RunsQuery, signal?: AbortSignal) => http.get<PagedList<Run>>('/api/runs', { ...query }, signal),
  get: (id: string, signal?: AbortSignal) => http.get<RunDetail>(one(id), undefined, signal),
  cancel: (id: string) => http.post<RunDetail>(`${one(id)}/cancel`),
  retry: (id: string) => http.post<RunDetail>(`${one(id)}/retry`),
};

/** Runs that may still change: the detail page polls them. */
export const isRunActive = (status: RunStatus) => status === 'queued' || status === 'running';
