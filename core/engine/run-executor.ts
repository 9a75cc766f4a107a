import type pg from 'pg';
import type { Logger } from 'pino';
import type { Config } from '../../config/config.schema.ts';
import { looksLikeOutage } from '../db/db-errors.ts';
import { storableText } from '../db/storable.ts';
import type { Metrics } from '../metrics.ts';
import type { EgressPolicy } from '../net/egress-policy.ts';
import type { ConnectionRuntime } from '../modules/connections/connection-runtime.ts';
import type { EntityLinks } from '../modules/links/entity-links.service.ts';
import type { OpLog } from '../modules/logs/op-log.service.ts';
import type { PluginRegistry } from '../plugins/plugin-registry.ts';
import { runSecrets } from '../plugins/secret-props.ts';
import { secretAad, type SecretBox } from '../crypto/secret-box.ts';
import { coerceError } from '../sdk/errors.ts';
import { actionContextFactory, triggerEnricher } from './action-context.ts';
import type { ClaimedRun, StepRecord } from './engine.types.ts';
import { executeGraph } from './execute-graph.ts';
import { createPgStepStore, createRunFinisher, rowToStep } from './pg-step-store.ts';
import { CLAIM_RUN_SQL, FAIL_RUN_SQL, pauseRunSql } from './run-executor.sql.ts';
import { PAUSE_SECONDS } from './dispatcher.ts';
import { decideOutcome, type RunOutcome } from './run-outcome.ts';
import { runLimitsFrom } from './run-limits.ts';
import { summarizeRun } from './run-summary.ts';

export interface RunExecutorDeps {
  pool: pg.Pool;
  egress: EgressPolicy;
  logger: Logger;
  config: Config;
  metrics: Metrics;
  registry: PluginRegistry;
  connectionRuntime: ConnectionRuntime;
  links: EntityLinks;
  opLog: OpLog;
  secretBox: SecretBox;
}

/**
 * Executes (or resumes) one run: replays finished steps, runs the rest, and settles the run —
 * succeeded, failed, or back to the queue with backoff (decided in run-outcome.ts), resuming at
 * the failed step.
 */
export function createRunExecutor(deps: RunExecutorDeps) {
  const { pool, logger, config, metrics } = deps;
  const finisher = createRunFinisher(pool, config.INGEST_BATCH_MS, config.TENANT_JOB_SLOTS);
  const limits = runLimitsFrom(config);
  const PAUSE_RUN_SQL = pauseRunSql(config.TENANT_JOB_SLOTS);

  /** A run from the queue (a retry, a replay, or one left behind by a crash). */
  async function execute(runId: string, signal?: AbortSignal): Promise<void> {
    const { rows } = await pool.query<ClaimedRun>(CLAIM_RUN_SQL, [runId]);
    const run = rows[0];
    if (!run) {
      // Finished or cancelled meanwhile — or its tenant is blocked: then it waits for a later job.
      await pool.query(PAUSE_RUN_SQL, [runId, PAUSE_SECONDS]);
      return;
    }
    const steps = await pool.query('select * from step where run_id = $1', [runId]);
    await guarded(run, steps.rows.map(rowToStep), signal);
  }

  /** A run the dispatcher has just created as `running`, with its trigger step: no reads needed. */
  const executeFresh = (run: ClaimedRun, steps: StepRecord[], signal?: AbortSignal) => guarded(run, steps, signal);

  /**
   * Every run ends with a fate. An outage propagates (the job is retried and the run resumes);
   * anything else that escapes the walk (a value the database refuses, a bug) fails this run
   * only, with the reason.
   */
  async function guarded(run: ClaimedRun, steps: StepRecord[], signal?: AbortSignal): Promise<void> {
    try {
      await execute_(run, steps, signal);
    } catch (err) {
      if (looksLikeOutage(err)) throw err;
      logger.error({ err, runId: run.id }, 'запуск не удалось довести до конца');
      await failRun(run.id, `Внутренняя ошибка при выполнении запуска: ${coerceError(err).message}`);
    }
  }

  async function execute_(run: ClaimedRun, previousSteps: StepRecord[], signal = new AbortController().signal): Promise<void> {
    const previous = new Map(previousSteps.map((s) => [s.nodeId, s]));
    const store = createPgStepStore(pool, finisher, { id: run.id, tenantId: run.tenantId }, previous.size + 1);
    const result = await executeGraph({
      graph: run.graph,
      registry: deps.registry,
      triggerOutput: run.triggerOutput,
      previous,
      store,
      actionContext: actionContextFactory(deps, { runId: run.id, workflowId: run.workflowId, tenantId: run.tenantId, dryRun: false, signal }),
      enrichTrigger: triggerEnricher(deps, run.tenantId, false, signal),
      secrets: runSecrets(deps.registry.catalog, deps.secretBox, secretAad(run.tenantId, run.workflowId)),
      limits,
    });

    const decided = decideOutcome(result, run, config.RETRY_BASE_MS);
    const outcome: RunOutcome = { ...decided, ...summarizeRun(run.graph, deps.registry, [...previous.values(), ...result.steps], decided) };
    if (outcome.status === 'queued') {
      logger.info({ runId: run.id, attempt: run.attempts, delayMs: outcome.delayMs, code: outcome.error?.code }, 'временная ошибка: запуск будет повторён');
    }
    await store.finish(outcome);
    if (outcome.status === 'succeeded' || outcome.status === 'failed') metrics.runs.inc({ status: outcome.status });
    if (outcome.status === 'failed') await logFailure(run, outcome.error?.message ?? 'неизвестная ошибка', outcome.error?.code);
  }

  async function logFailure(run: Pick<ClaimedRun, 'id' | 'tenantId' | 'workflowId' | 'workflowName'>, message: string, code?: string) {
    await deps.opLog.write({
      tenantId: run.tenantId,
      level: 'error',
      source: 'run',
      message: `Запуск правила «${run.workflowName}» завершился ошибкой: ${message}`,
      context: { code },
      workflowId: run.workflowId,
      runId: run.id,
    });
  }

  /** The fate of a run that cannot go on: failed with the reason, if it is not settled yet. */
  async function failRun(runId: string, reason: string): Promise<void> {
    const message = storableText(reason).slice(0, 2000);
    const { rows } = await pool.query<Pick<ClaimedRun, 'id' | 'tenantId' | 'workflowId' | 'workflowName'>>(FAIL_RUN_SQL, [runId, message]);
    if (rows[0]) {
      metrics.runs.inc({ status: 'failed' });
      await logFailure(rows[0], message, 'RUN_ABORTED');
    }
  }

  return { execute, executeFresh, failRun };
}

export type RunExecutor = ReturnType<typeof createRunExecutor>;
