import type { Graph } from '../graph/graph.schema.ts';

export type RunStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'skipped' | 'cancelled';
export type StepStatus = 'running' | 'succeeded' | 'failed' | 'skipped';

export interface StepError {
  code: string;
  message: string;
  details?: unknown;
}

export interface StepRecord {
  nodeId: string;
  nodeType: string;
  status: StepStatus;
  attempt: number;
  input: unknown;
  output: unknown;
  branch: string | null;
  error: StepError | null;
  startedAt: Date;
  finishedAt: Date | null;
  durationMs: number | null;
  truncated: boolean;
}

/** A request to a workflow's webhook as the trigger sees it (also the shape of a test event). */
export interface TestEvent {
  body: unknown;
  headers?: Record<string, string>;
  query?: Record<string, string>;
  method?: string;
}

export interface TestRunResult {
  status: RunStatus;
  error: StepError | null;
  steps: StepRecord[];
}

export interface Engine {
  /** Dry run of a graph on a sample event: reads run, writes are described, nothing is stored. */
  testRun(input: { tenantId: string; workflowId: string; graph: Graph; event: TestEvent }): Promise<TestRunResult>;
}

/** A run in status `running`, with everything needed to execute it. */
export interface ClaimedRun {
  id: string;
  tenantId: string;
  workflowId: string;
  workflowName: string;
  /** This attempt's number (1 for the first). */
  attempts: number;
  maxAttempts: number;
  triggerOutput: unknown;
  graph: Graph;
}
