import { backoffMs } from './backoff.ts';
import type { StepError } from './engine.types.ts';
import type { ExecuteGraphResult } from './execute-graph.ts';

export interface RunOutcome {
  /** null: only write the buffered steps (the run was cancelled meanwhile). */
  status: 'succeeded' | 'failed' | 'queued' | null;
  error?: StepError | null;
  /** With status 'queued': when the `execute-run` job should resume the run. */
  requeueAt?: Date;
  /** With status 'queued': the backoff chosen, for logs. */
  delayMs?: number;
  /** What «Логи» show (see run-summary.ts); filled in by the executor. */
  verdict?: string | null;
  summary?: string | null;
}

/**
 * The one place where a run's retry is decided: a transient failure goes back to the queue with
 * exponential backoff (respecting the remote side's hint) until its attempts run out; everything
 * else settles the run.
 */
export function decideOutcome(
  result: Pick<ExecuteGraphResult, 'status' | 'error' | 'retryAfterMs'>,
  run: { attempts: number; maxAttempts: number },
  retryBaseMs: number,
  now = Date.now(),
  random: () => number = Math.random,
): RunOutcome {
  switch (result.status) {
    case 'cancelled':
      return { status: null };
    case 'succeeded':
      return { status: 'succeeded', error: null };
    case 'retry': {
      const error = result.error ?? { code: 'TRANSIENT', message: 'Временный сбой' };
      if (run.attempts >= run.maxAttempts) {
        return { status: 'failed', error: { ...error, message: `${error.message} (попыток: ${run.attempts})` } };
      }
      const delayMs = backoffMs(run.attempts, retryBaseMs, { hintMs: result.retryAfterMs, random });
      return { status: 'queued', error, requeueAt: new Date(now + delayMs), delayMs };
    }
    default:
      return { status: 'failed', error: result.error };
  }
}
