import { http } from './client.ts';
import type { Graph } from '../../../core/graph/graph.schema.ts';
import type { GraphIssue, GraphValidation } from '../../../core/graph/graph-issues.ts';
import type {
  RunStatus,
  StepRecord,
  StepStatus,
  TestEvent,
  TestRunResult as EngineTestRunResult,
  WorkflowStatus,
  WorkflowSummary as ServerWorkflowSummary,
} from '../../../core/http/api-types.ts';

export type { GraphIssue, RunStatus, StepStatus, WorkflowStatus };
export type { StepError } from '../../../core/http/api-types.ts';

/** A server type as it arrives over JSON: dates become ISO strings. */
export type Wire<T> = T extends Date ? string : T extends (infer U)[] ? Wire<U>[] : T extends object ? { [K in keyof T]: Wire<T[K]> } : T;

export type WorkflowSummary = Wire<Omit<ServerWorkflowSummary, 'lastRun'>> & {
  lastRun: { id: string; status: RunStatus; createdAt: string } | null;
};

export interface Workflow extends WorkflowSummary {
  graph: Graph;
  validation: GraphValidation;
}

export interface WorkflowExport {
  format: 'integration-constructor.workflow';
  formatVersion: number;
  name: string;
  description: string;
  graph: Graph;
}

/** A run's step as the API sends it: stored with an id, dates as ISO strings. */
export type Step = Omit<StepRecord, 'startedAt' | 'finishedAt'> & {
  id: string;
  startedAt: string | null;
  finishedAt: string | null;
};

export type TestRunResult = Omit<EngineTestRunResult, 'steps'> & { steps: Step[] };

export type TestRunEvent = Omit<TestEvent, 'method'>;

export interface InboundEvent {
  id: string;
  workflowId: string;
  workflowName: string;
  status: 'queued' | 'dispatched' | 'skipped' | 'duplicate' | 'failed';
  reason: string | null;
  method: string;
  contentType: string;
  headers: Record<string, string>;
  query: Record<string, string>;
  body: unknown;
  receivedAt: string;
  runIds: string[];
  duplicateOf: string | null;
}

/** A published version in the history: who, when, and what changed against the previous one. */
export interface VersionInfo {
  id: string;
  version: number;
  createdAt: string;
  createdBy: string | null;
  author: { name: string; email: string } | null;
  changes: { first: boolean; addedNodes: number; removedNodes: number; changedNodes: number; addedEdges: number; removedEdges: number; summary: string };
}

export interface VersionDetail extends VersionInfo {
  graph: Graph;
}

export interface PublishResult {
  version: { id: string; version: number; createdAt: string };
  workflow: Workflow;
}

export interface ListResult<T> {
  items: T[];
  total: number;
}

const base = '/api/workflows';
const one = (id: string) => `${base}/${encodeURIComponent(id)}`;

export const workflowsApi = {
  list: (query: { search?: string; status?: WorkflowStatus; limit?: number; offset?: number } = {}, signal?: AbortSignal) =>
    http.get<ListResult<WorkflowSummary>>(base, query, signal),
  get: (id: string, signal?: AbortSignal) => http.get<Workflow>(one(id), undefined, signal),
  create: (body: { name: string; description?: string; graph?: Graph }) => http.post<Workflow>(base, body),
  update: (id: string, body: { name?: string; description?: string; graph?: Graph }) => http.put<Workflow>(one(id), body),
  remove: (id: string) => http.del<void>(one(id)),
  publish: (id: string) => http.post<PublishResult>(`${one(id)}/publish`),
  publishAndActivate: (id: string) => http.post<PublishResult>(`${one(id)}/publish-and-activate`),
  versions: (id: string, query: { limit?: number; offset?: number } = {}, signal?: AbortSignal) =>
    http.get<ListResult<VersionInfo>>(`${one(id)}/versions`, query, signal),
  version: (id: string, version: number, signal?: AbortSignal) => http.get<VersionDetail>(`${one(id)}/versions/${version}`, undefined, signal),
  restoreVersion: (id: string, version: number) => http.post<PublishResult & { restoredFrom: number }>(`${one(id)}/versions/${version}/restore`),
  activate: (id: string) => http.post<Workflow>(`${one(id)}/activate`),
  deactivate: (id: string) => http.post<Workflow>(`${one(id)}/deactivate`),
  testRun: (id: string, body: { event: TestRunEvent; graph?: Graph }) => http.post<TestRunResult>(`${one(id)}/test-run`, body),
  duplicate: (id: string) => http.post<Workflow>(`${one(id)}/duplicate`),
  exportOne: (id: string) => http.get<WorkflowExport>(`${one(id)}/export`),
  importOne: (body: unknown) => http.post<Workflow>(`${base}/import`, body),
  rotateHookToken: (id: string) => http.post<Workflow>(`${one(id)}/hook-token`),
  recentEvents: (workflowId: string, limit = 10) =>
    http.get<ListResult<InboundEvent>>('/api/events', { workflowId, limit }),
};
