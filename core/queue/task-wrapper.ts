import type { JobHelpers, Task } from 'graphile-worker';
import type pg from 'pg';
import type { Logger } from 'pino';
import { isDatabaseDown, looksLikeOutage } from '../db/db-errors.ts';
import { storableText } from '../db/storable.ts';
import type { Metrics } from '../metrics.ts';
import type { RunLifecycle, TaskDefinition } from './task.ts';

export interface TaskWrapperDeps {
  pool: Pick<pg.Pool, 'query'>;
  logger: Logger;
  metrics: Metrics;
  lifecycle: RunLifecycle;
}

const BUG_REASON = 'Внутренняя ошибка при обработке; подробности записаны в журнал сервера. Повторите позже.';
export const CRASH_REASON = 'Правило остановлено: аварийное завершение обработчика. Запуск можно повторить после исправления правила.';
/** A subject that took its process down this often is not tried again. */
export const MAX_CRASHES = 2;

/**
 * How many times this job's subjects crashed their process before: an attempt that ended
 * without recording an error (graphile-worker stores one for every thrown error, and recovery of
 * a dead worker's jobs leaves it as it was) ended with the process.
 */
function crashesOf(payload: { crashes?: number }, job: JobHelpers['job']): number {
  const silentAttempts = job.last_error === null ? Math.max(0, job.attempts - 1) : 0;
  return (payload.crashes ?? 0) + silentAttempts;
}

/**
 * Infrastructure retries only. The engine settles users' errors and run retries itself, so an
 * error that reaches this wrapper is either an outage (the job is thrown back to graphile-worker,
 * which retries it with its own backoff) or a bug: retrying a bug fails the same way, so what the
 * job was responsible for is failed with a reason at once and the job completes.
 */
export function wrapTask(def: TaskDefinition<any>, deps: TaskWrapperDeps): Task {
  return async (rawPayload: unknown, helpers: JobHelpers) => {
    const parsed = def.payload.safeParse(rawPayload);
    if (!parsed.success) {
      deps.metrics.jobs.inc({ task: def.name, outcome: 'invalid' });
      deps.logger.error({ task: def.name, jobId: helpers.job.id }, 'задание с неверными данными пропущено');
      return;
    }
    const crashes = crashesOf(parsed.data as { crashes?: number }, helpers.job);
    if (crashes > 0 && def.isolate) {
      const how = await def.isolate(parsed.data, deps.lifecycle, crashes);
      if (how === 'split') {
        deps.metrics.jobs.inc({ task: def.name, outcome: 'split' });
        deps.logger.warn({ task: def.name, jobId: helpers.job.id, crashes }, 'задание падало вместе с процессом: разделено по событиям');
        return;
      }
      if (crashes >= MAX_CRASHES) {
        deps.metrics.jobs.inc({ task: def.name, outcome: 'quarantined' });
        deps.logger.error({ task: def.name, jobId: helpers.job.id, crashes }, 'задание дважды завершило процесс: отправлено в карантин');
        await def.fail?.(parsed.data, deps.lifecycle, CRASH_REASON);
        return;
      }
    }
    try {
      await def.run(parsed.data, deps.lifecycle, helpers.abortSignal ?? new AbortController().signal);
      deps.metrics.jobs.inc({ task: def.name, outcome: 'ok' });
    } catch (err) {
      if (looksLikeOutage(err) || (await isDatabaseDown(deps.pool))) {
        deps.metrics.jobs.inc({ task: def.name, outcome: 'retry' });
        deps.logger.warn({ err, task: def.name, attempt: helpers.job.attempts }, 'база данных недоступна: задание будет повторено');
        throw err;
      }
      deps.metrics.jobs.inc({ task: def.name, outcome: 'failed' });
      deps.logger.error({ err, task: def.name, jobId: helpers.job.id }, 'ошибка в обработчике задания');
      // If failing the subjects hits an outage, throw: the job is retried and tries again.
      await def.fail?.(parsed.data, deps.lifecycle, storableText(BUG_REASON));
    }
  };
}
