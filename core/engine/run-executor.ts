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
import { createPgStepStore, createRunFinisher, rowToStep, type RunOutcome } from './pg-step-store.ts';

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

/**
 * Executes (or resumes) one run: replays finished steps, runs the rest, and settles the run —
 * succeeded, failed, or back to the queue with backoff on a transient failure, resuming at the
 * failed step.
 */
export function createRunExecutor(deps: RunExecutorDeps) {
  const { pool, logger, config, metrics } = deps;
  const finisher = createRunFinisher(pool, config.INGEST_BATCH_MS);

  async function claim(runId: string): Promise<ClaimedRun | undefined> {
    const { rows } = await pool.query<ClaimedRun>(
      `update run r set status = 'running', attempts = r.attempts + 1, started_at = coalesce(r.started_at, now())
         from workflow_version v, workflow w
        where r.id = $1 and r.status in ('queued', 'running') and v.id = r.version_id and w.id = r.workflow_id
        returning r.id, r.tenant_id as "tenantId", r.workflow_id as "workflowId", w.name as "workflowName", r.attempts,
                  r.max_attempts as "maxAttempts", r.trigger_output as "triggerOutput", v.graph`,
      [runId],
    );
    return rows[0];
  }

  /** A run from the queue (a retry, a replay, or one left behind by a crash). */
  async function execute(runId: string, signal?: AbortSignal): Promise<void> {
    const run = await claim(runId);
    if (!run) return; // finished or cancelled meanwhile
    const { rows } = await pool.query('select * from step where run_id = $1', [runId]);
    await run_(run, rows.map(rowToStep), signal);
  }

  /** A run the dispatcher has just created as `running`, with its trigger step: no reads needed. */
  const executeFresh = (run: ClaimedRun, steps: StepRecord[], signal?: AbortSignal) => run_(run, steps, signal);

  async function run_(run: ClaimedRun, previousSteps: StepRecord[], signal = new AbortController().signal): Promise<void> {
    const previous = new Map(previousSteps.map((s) => [s.nodeId, s]));
    const store = createPgStepStore(pool, finisher, { id: run.id, tenantId: run.tenantId }, previous.size + 1);
    const result = await executeGraph({
      graph: run.graph,
      registry: deps.registry,
      triggerOutput: run.triggerOutput,
      previous,
      store,
      actionContext: actionContextFactory(deps, { runId: run.id, workflowId: run.workflowId, tenantId: run.tenantId, dryRun: false, signal }),
    });

    let outcome: RunOutcome;
    if (result.status === 'cancelled') outcome = { status: null };
    else if (result.status === 'retry' && run.attempts < run.maxAttempts) {
      const delay = backoffMs(run.attempts, config.RETRY_BASE_MS, { hintMs: result.retryAfterMs });
      outcome = { status: 'queued', error: result.error, requeueAt: new Date(Date.now() + delay) };
      logger.info({ runId: run.id, attempt: run.attempts, delayMs: delay, code: result.error?.code }, 'временная ошибка: запуск будет повторён');
    } else if (result.status === 'retry') {
      outcome = { status: 'failed', error: { ...result.error!, message: `${result.error!.message} (попыток: ${run.attempts})` } };
    } else {
      outcome = { status: result.status === 'succeeded' ? 'succeeded' : 'failed', error: result.error };
    }
    await store.finish(outcome);
    if (outcome.status === 'succeeded' || outcome.status === 'failed') metrics.runs.inc({ status: outcome.status });
    if (outcome.status === 'failed') {
      await deps.opLog.write({
        tenantId: run.tenantId,
        level: 'error',
        source: 'run',
        message: `Запуск правила «${run.workflowName}» завершился ошибкой: ${outcome.error?.message ?? 'неизвестная ошибка'}`,
        context: { code: outcome.error?.code },
        workflowId: run.workflowId,
        runId: run.id,
      });
    }
  }

  return { execute, executeFresh };
}

export type RunExecutor = ReturnType<typeof createRunExecutor>;
