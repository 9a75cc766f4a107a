import type { JobHelpers, Task } from 'graphile-worker';
import type { Logger } from 'pino';
import type { Metrics } from '../metrics.ts';
import { isTransientError } from '../engine/run-errors.ts';

/**
 * The one place where a task's failure becomes a retry decision: transient failures (database or
 * network) are thrown back so graphile-worker retries the job; anything else is logged and the job
 * completes, because running it again would fail the same way.
 */
export function wrapTask<P>(name: string, handler: (payload: P, helpers: JobHelpers) => Promise<void>, deps: { logger: Logger; metrics: Metrics }): Task {
  return async (payload, helpers) => {
    try {
      await handler(payload as P, helpers);
      deps.metrics.jobs.inc({ task: name, outcome: 'ok' });
    } catch (err) {
      if (isTransientError(err)) {
        deps.metrics.jobs.inc({ task: name, outcome: 'retry' });
        deps.logger.warn({ err, task: name, attempt: helpers.job.attempts }, 'задание будет повторено');
        throw err;
      }
      deps.metrics.jobs.inc({ task: name, outcome: 'failed' });
      deps.logger.error({ err, task: name, payload }, 'задание завершилось ошибкой');
    }
  };
}
