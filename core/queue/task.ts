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
  /** Gives each event of a batch its own job, carrying the batch's crash count. */
  splitDispatch(eventIds: string[], crashes: number): Promise<void>;
  sweepOrphans(): Promise<void>;
  purgeExpired(): Promise<void>;
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
  /**
   * Called when earlier attempts of the job took their process down (an out-of-memory, a native
   * crash). A job of many subjects is split so the culprit is isolated; one subject that crashed
   * twice is quarantined through `fail`.
   */
  isolate?(payload: TaskPayloads[T], lifecycle: RunLifecycle, crashes: number): Promise<'split' | 'single'>;
}

export function defineTask<T extends TaskName>(def: TaskDefinition<T>): TaskDefinition<T> {
  return def;
}
