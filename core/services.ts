import type { BaseDeps } from './container.ts';
import { createEngine, type EngineService } from './engine/engine.ts';
import { installRegexTimeout } from './engine/regex-runner.ts';
import { createIngest, type Ingest } from './ingest/ingest.service.ts';
import { createConnectionService, type ConnectionService } from './modules/connections/connection.service.ts';
import { createRunQueries, type RunQueries } from './modules/runs/run-query.service.ts';
import { createWorkflowService, type WorkflowService } from './modules/workflows/workflow.service.ts';
import { createHttpClient } from './plugins/http-client.ts';
import { createQueue, type Queue } from './queue/queue.ts';
import { wrapTask } from './queue/task-wrapper.ts';
import { startWorker } from './queue/worker.ts';
import { createPool } from './db/pool.ts';

/** Feature services (connections, workflows, runs, ingest…), wired from the base dependencies. */
export interface Services {
  connections: ConnectionService;
  workflows: WorkflowService;
  engine: EngineService;
  ingest: Ingest;
  queue: Queue;
  runQueries: RunQueries;
  /** Starts the job worker in this process (roles all and worker). */
  startWorker(): Promise<void>;
  release(): Promise<void>;
}

export function createServices(deps: BaseDeps): Services {
  installRegexTimeout();
  const connections = createConnectionService({ ...deps, http: createHttpClient() });
  const queue = createQueue(deps.pool);
  const engine = createEngine({ ...deps, connections, queue });
  let worker: Awaited<ReturnType<typeof startWorker>> | undefined;
  const ingestPool = createPool(deps.databaseUrl, 4, deps.logger);
  return {
    connections,
    queue,
    engine,
    workflows: createWorkflowService(deps),
    // Acknowledging a webhook must never queue behind run execution for a connection: the ingest
    // path has a few connections of its own.
    ingest: createIngest({ ...deps, pool: ingestPool }),
    runQueries: createRunQueries(deps.pool),
    async startWorker() {
      const t = { logger: deps.logger, metrics: deps.metrics };
      worker = await startWorker({
        pool: deps.pool,
        logger: deps.logger,
        concurrency: deps.config.WORKER_CONCURRENCY,
        taskList: {
          'dispatch-event': wrapTask('dispatch-event', engine.dispatchTask, t),
          'execute-run': wrapTask('execute-run', engine.executeTask, t),
        },
      });
    },
    async release() {
      await worker?.stop();
      await ingestPool.end().catch(() => {});
    },
  };
}
