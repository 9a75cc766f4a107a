import type { RunLifecycle } from '../queue/task.ts';
import { createDispatcher } from './dispatcher.ts';
import { createRunControl } from './run-control.ts';
import { createRunExecutor, type RunExecutorDeps } from './run-executor.ts';
import { createSweeper } from './sweeper.ts';
import { createTestRun } from './test-run.ts';

/** Dispatch, execution, test runs, run control and the orphan sweeper, wired together. */
export function createEngine(deps: RunExecutorDeps) {
  const executor = createRunExecutor(deps);
  const dispatcher = createDispatcher(deps);
  const sweeper = createSweeper(deps);

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
    sweepOrphans: async () => {
      await sweeper();
    },
  };

  return {
    lifecycle,
    control: createRunControl({ ...deps, dispatcher }),
    testRun: createTestRun(deps),
    sweep: sweeper,
  };
}

export type EngineService = ReturnType<typeof createEngine>;
