import type { RunLifecycle } from '../queue/task.ts';
import { createDispatcher } from './dispatcher.ts';
import { createRunControl } from './run-control.ts';
import { createRunExecutor, type RunExecutorDeps } from './run-executor.ts';
import { createSweeper } from './sweeper.ts';
import { createRetention } from './retention.ts';
import { createTestRun } from './test-run.ts';
import { UserError } from '../sdk/errors.ts';
import { KeyedSemaphore } from '../util/keyed-semaphore.ts';
import { TokenBuckets } from '../util/token-bucket.ts';

/** Dispatch, execution, test runs, run control and the orphan sweeper, wired together. */
export function createEngine(deps: RunExecutorDeps) {
  const executor = createRunExecutor(deps);
  const dispatcher = createDispatcher(deps);
  const sweeper = createSweeper(deps);
  const retention = createRetention(deps);

  /**
   * One job per ingest batch of events: their runs are created in one statement and executed in
   * the same job, side by side (no second queue hop, no per-run job). A run that could not
   * settle because the database went away fails the job, which is then retried: finished runs
   * are skipped, unfinished ones resume.
   */
  async function dispatchEvents(eventIds: string[], signal: AbortSignal): Promise<void> {
    const { fresh, resume } = await dispatcher.dispatch(eventIds);
    const results = await Promise.allSettled([
      ...fresh.map((f) => executor.executeFresh(f.run, f.steps, signal)),
      ...resume.map((id) => executor.execute(id, signal)),
    ]);
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
  }

  const lifecycle: RunLifecycle = {
    dispatchEvents,
    executeRun: (runId, signal) => executor.execute(runId, signal),
    failEvents: (eventIds, reason) => dispatcher.failEvents(eventIds, reason),
    failRun: (runId, reason) => executor.failRun(runId, reason),
    splitDispatch: (eventIds, crashes) => dispatcher.splitDispatch(eventIds, crashes),
    sweepOrphans: async () => {
      await sweeper();
    },
    purgeExpired: async () => {
      await retention();
    },
  };

  // Test runs execute a tenant's graph on demand and replays create runs: both are capped per
  // tenant, so one tenant cannot keep the worker busy through the API (per process, in memory).
  const testRuns = new KeyedSemaphore(deps.config.TENANT_MAX_TEST_RUNS);
  const replays = new TokenBuckets(deps.config.TENANT_REPLAYS_PER_MINUTE / 60, deps.config.TENANT_REPLAYS_PER_MINUTE);
  const testRun = createTestRun(deps);
  const control = createRunControl({ ...deps, dispatcher });

  return {
    lifecycle,
    control: {
      ...control,
      async replay(tenantId: string, eventId: string) {
        const wait = replays.take(tenantId);
        if (wait > 0) {
          throw new UserError('REPLAY_RATE_LIMITED', `Повторять события можно не чаще ${deps.config.TENANT_REPLAYS_PER_MINUTE} раз в минуту. Повторите через ${wait} с.`, { status: 429, details: { retryAfterSeconds: wait } });
        }
        return control.replay(tenantId, eventId);
      },
    },
    async testRun(input: Parameters<typeof testRun>[0]) {
      const release = testRuns.tryAcquire(input.tenantId);
      if (!release) {
        throw new UserError('TEST_RUN_BUSY', `Одновременно можно выполнять не больше ${deps.config.TENANT_MAX_TEST_RUNS} тестовых запусков. Дождитесь окончания предыдущего.`, { status: 429, details: { retryAfterSeconds: 2 } });
      }
      try {
        return await testRun(input);
      } finally {
        release();
      }
    },
    sweep: sweeper,
    purgeExpired: retention,
  };
}

export type EngineService = ReturnType<typeof createEngine>;
