import type { z } from 'zod';
import type { TaskName, TaskPayloads } from './jobs.ts';

/**
 * What the tasks ask of the engine. The queue defines the interface and the engine implements
 * it, so the queue never imports the engine.
 */
export interface RunLifecycle {
  dispatchEvents(eventIds: string[], signal: AbortSignal): Promise<void>;
  executeRun(runId: string, signal: AbortSignal): Promise<void>;
  /** Gives a fate to the events of a job that cannot complete (a bug, not an outage). */
  failEvents(eventIds: string[], reason: string): Promise<void>;
  failRun(runId: string, reason: string): Promise<void>;
  sweepOrphans(): Promise<void>;
}

export interface TaskDefinition<T extends TaskName = TaskName> {
  name: T;
  payload: z.ZodType<TaskPayloads[T]>;
  run(payload: TaskPayloads[T], lifecycle: RunLifecycle, signal: AbortSignal): Promise<void>;
  /**
   * Called when the job failed for a reason other than the database being unreachable: retrying
   * would fail the same way, so whatever the job was responsible for gets a `failed` fate now.
   */
  fail?(payload: TaskPayloads[T], lifecycle: RunLifecycle, reason: string): Promise<void>;
}

export function defineTask<T extends TaskName>(def: TaskDefinition<T>): TaskDefinition<T> {
  return def;
}
