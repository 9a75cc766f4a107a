import type pg from 'pg';
import type { Logger } from 'pino';
import type { Config } from '../../config/config.schema.ts';
import type { Graph } from '../graph/graph.schema.ts';
import type { Metrics } from '../metrics.ts';
import type { ConnectionService } from '../modules/connections/connection.service.ts';
import type { OpLog } from '../modules/logs/op-log.service.ts';
import type { PluginRegistry } from '../plugins/plugin-registry.ts';
import type { Queue } from '../queue/queue.ts';
import { actionContextFactory } from './action-context.ts';
import { backoffMs } from './backoff.ts';
import type { StepRecord } from './engine.types.ts';
import { executeGraph } from './execute-graph.ts';
import { createPgStepStore, rowToStep } from './pg-step-store.ts';

export interface RunExecutorDeps {
  pool: pg.Pool;
  logger: Logger;
  config: Config;
  metrics: Metrics;
  registry: PluginRegistry;
  connections: ConnectionService;
  opLog: OpLog;
  queue: Queue;
}

interface ClaimedRun {
  id: string;
  tenant_id: string;
  workflow_id: string;
  workflow_name: string;
  attempts: number;
  max_attempts: number;
  trigger_output: unknown;
  graph: Graph;
}

/**
 * Executes (or resumes) one run: claims it, replays finished steps from the database, runs the
 * rest, and settles the run — succeeded, failed, or back to the queue with backoff on a transient
 * failure, resuming at the failed step.
 */
export function createRunExecutor(deps: RunExecutorDeps) {
  const { pool, logger, config, metrics } = deps;

  async function claim(runId: string): Promise<ClaimedRun | undefined> {
    const { rows } = await pool.query<ClaimedRun>(
      `update run r set status = 'running', attempts = r.attempts + 1, started_at = coalesce(r.started_at, now())
         from workflow_version v, workflow w
        where r.id = $1 and r.status in ('queued', 'running') and v.id = r.version_id and w.id = r.workflow_id
        returning r.id, r.tenant_id, r.workflow_id, w.name as workflow_name, r.attempts, r.max_attempts, r.trigger_output, v.graph`,
      [runId],
    );
    return rows[0];
  }

  /** `knownSteps`: the steps the caller just wrote (a fresh run), saving a read. */
  async function execute(runId: string, opts: { signal?: AbortSignal; knownSteps?: StepRecord[] } = {}): Promise<void> {
    const run = await claim(runId);
    if (!run) return; // finished or cancelled meanwhile
    const previousRows = opts.knownSteps ?? (await pool.query('select * from step where run_id = $1', [runId])).rows.map(rowToStep);
    const previous = new Map(previousRows.map((s) => [s.nodeId, s]));
    const signal = opts.signal ?? new AbortController().signal;
    const result = await executeGraph({
      graph: run.graph,
      registry: deps.registry,
      triggerOutput: run.trigger_output,
      previous,
      store: createPgStepStore(pool, { id: run.id, tenantId: run.tenant_id }, previous.size + 1),
      actionContext: actionContextFactory(deps, { runId: run.id, workflowId: run.workflow_id, tenantId: run.tenant_id, dryRun: false, signal }),
    });

    if (result.status === 'cancelled') return;
    if (result.status === 'retry' && run.attempts < run.max_attempts) {
      const delay = backoffMs(run.attempts, config.RETRY_BASE_MS, { hintMs: result.retryAfterMs });
      await pool.query(`update run set status = 'queued', error_code = $2, error_message = $3 where id = $1 and status = 'running'`, [
        run.id, result.error!.code, result.error!.message,
      ]);
      await deps.queue.add('execute-run', { runId: run.id }, { runAt: new Date(Date.now() + delay), jobKey: `run:${run.id}` });
      logger.info({ runId: run.id, attempt: run.attempts, delayMs: delay, code: result.error!.code }, 'временная ошибка: запуск будет повторён');
      return;
    }
    const status = result.status === 'retry' ? 'failed' : result.status;
    const error = result.error
      ? result.status === 'retry'
        ? { ...result.error, message: `${result.error.message} (попыток: ${run.attempts})` }
        : result.error
      : null;
    await pool.query(
      `update run set status = $2, error_code = $3, error_message = $4, finished_at = now() where id = $1 and status = 'running'`,
      [run.id, status, error?.code ?? null, error?.message ?? null],
    );
    metrics.runs.inc({ status });
    if (status === 'failed') {
      await deps.opLog.write({
        tenantId: run.tenant_id,
        level: 'error',
        source: 'run',
        message: `Запуск правила «${run.workflow_name}» завершился ошибкой: ${error?.message ?? 'неизвестная ошибка'}`,
        context: { code: error?.code },
        workflowId: run.workflow_id,
        runId: run.id,
      });
    }
  }

  return { execute };
}

export type RunExecutor = ReturnType<typeof createRunExecutor>;
