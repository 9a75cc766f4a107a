import type { JobHelpers } from 'graphile-worker';
import type { RunExecutorDeps } from './run-executor.ts';
import { createRunExecutor } from './run-executor.ts';
import { createDispatcher } from './dispatcher.ts';
import { createTestRun } from './test-run.ts';
import type { Engine } from './engine.types.ts';
import { NotFoundError, UserError } from '../sdk/errors.ts';

/** Dispatch, execution, test runs and run control (cancel, retry, replay), wired together. */
export function createEngine(deps: RunExecutorDeps) {
  const executor = createRunExecutor(deps);
  const dispatcher = createDispatcher(deps);
  const testRun = createTestRun(deps);

  /**
   * Task `dispatch-event`: one job per ingest batch of events. Creates their runs in one statement
   * and executes them in the same job, side by side (no second queue hop, no per-run job).
   */
  async function dispatchTask(payload: { eventIds?: string[]; eventId?: string }, helpers?: JobHelpers) {
    const ids = payload.eventIds ?? (payload.eventId ? [payload.eventId] : []);
    const { fresh, resume } = await dispatcher.dispatch(ids);
    const signal = helpers?.abortSignal;
    const results = await Promise.allSettled([
      ...fresh.map((f) => executor.executeFresh(f.run, f.steps, signal)),
      ...resume.map((id) => executor.execute(id, signal)),
    ]);
    // A run that could not settle (e.g. the database went away) is retried with the whole job:
    // finished runs are skipped then, unfinished ones resume.
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
  }

  async function executeTask(payload: { runId: string }, helpers?: JobHelpers) {
    await executor.execute(payload.runId, helpers?.abortSignal);
  }

  async function cancel(tenantId: string, runId: string) {
    const { rows } = await deps.pool.query(
      `update run set status = 'cancelled', finished_at = now(), error_code = 'CANCELLED', error_message = 'Отменён пользователем'
        where id = $1 and tenant_id = $2 and status in ('queued', 'running') returning workflow_id`,
      [runId, tenantId],
    );
    if (!rows[0]) await assertRun(tenantId, runId, 'Отменить можно только запуск в очереди или в работе');
    else await deps.opLog.write({ tenantId, level: 'info', source: 'run', message: 'Запуск отменён пользователем', workflowId: rows[0].workflow_id, runId });
  }

  /** Resumes a failed run at its failed step, with a fresh attempt budget. */
  async function retry(tenantId: string, runId: string) {
    const { rows } = await deps.pool.query(
      `update run set status = 'queued', attempts = 0, error_code = null, error_message = null, finished_at = null
        where id = $1 and tenant_id = $2 and status = 'failed' returning workflow_id`,
      [runId, tenantId],
    );
    if (!rows[0]) return assertRun(tenantId, runId, 'Повторить можно только запуск с ошибкой');
    await deps.queue.add('execute-run', { runId }, { jobKey: `run:${runId}` });
    await deps.opLog.write({ tenantId, level: 'info', source: 'run', message: 'Запуск отправлен на повтор с шага с ошибкой', workflowId: rows[0].workflow_id, runId });
  }

  async function replay(tenantId: string, eventId: string): Promise<string[]> {
    const { rows } = await deps.pool.query('select 1 from inbound_event where id = $1 and tenant_id = $2', [eventId, tenantId]);
    if (!rows[0]) throw new NotFoundError('Событие не найдено');
    const runIds = await dispatcher.replay(eventId, tenantId);
    if (runIds.length === 0) throw new UserError('TRIGGER_NOT_MATCHED', 'Событие не подходит под условия триггера текущей версии');
    for (const runId of runIds) await deps.queue.add('execute-run', { runId }, { jobKey: `run:${runId}` });
    return runIds;
  }

  async function assertRun(tenantId: string, runId: string, conflictMessage: string): Promise<never> {
    const { rows } = await deps.pool.query('select 1 from run where id = $1 and tenant_id = $2', [runId, tenantId]);
    if (!rows[0]) throw new NotFoundError('Запуск не найден');
    throw new UserError('RUN_STATE_CONFLICT', conflictMessage, { status: 409 });
  }

  const engine: Engine & Record<string, unknown> = { testRun };
  return Object.assign(engine, { dispatchTask, executeTask, cancel, retry, replay, executor });
}

export type EngineService = ReturnType<typeof createEngine>;
