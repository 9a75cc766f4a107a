import type { BaseDeps } from './base-deps.ts';
import { createEngine, type EngineService } from './engine/engine.ts';
import { installRegexTimeout } from './engine/regex-runner.ts';
import { createIngest, type Ingest } from './ingest/ingest.service.ts';
import { createConnectionService, type ConnectionService } from './modules/connections/connection.service.ts';
import { createRunQueries, type RunQueries } from './modules/runs/run-query.service.ts';
import { createWorkflowService, type WorkflowService } from './modules/workflows/workflow.service.ts';
import { createWorkflowTemplates, type WorkflowTemplates } from './modules/workflows/workflow-templates.service.ts';
import { createConnectionRuntime, type ConnectionRuntime } from './modules/connections/connection-runtime.ts';
import { createConnectionOAuth, type ConnectionOAuth } from './modules/connections/connection-oauth.ts';
import { createConnectionWebhooks } from './modules/connections/connection-webhooks.ts';
import { createEntityLinks, type EntityLinks } from './modules/links/entity-links.service.ts';
import { createLinkViews, type LinkViews } from './modules/links/link-view.ts';
import { createAdminModule, type AdminModule } from './modules/admin/admin.module.ts';
import { tasks } from './queue/tasks/index.ts';
import { wrapTask } from './queue/task-wrapper.ts';
import { startWorker } from './queue/worker.ts';

/** Feature services (connections, workflows, runs, ingest…), wired from the base dependencies. */
export interface Services extends AdminModule {
  connections: ConnectionService;
  connectionRuntime: ConnectionRuntime;
  connectionOAuth: ConnectionOAuth;
  links: EntityLinks;
  /** A run's links as «Логи» show them (names and card addresses). */
  linkViews: LinkViews;
  workflows: WorkflowService;
  workflowTemplates: WorkflowTemplates;
  engine: EngineService;
  ingest: Ingest;
  runQueries: RunQueries;
  /** Starts the job worker in this process (roles all and worker). */
  startWorker(): Promise<void>;
  release(): Promise<void>;
}

/** Periodic jobs, once per tick across the deployment (graphile-worker's crontab dedupes them). */
const CRONTAB = [
  '* * * * * sweep-orphans ?max=1&jobKey=sweep-orphans',
  '17 * * * * purge-expired ?max=1&jobKey=purge-expired',
].join('\n');

export function createServices(deps: BaseDeps): Services {
  installRegexTimeout();
  const connectionRuntime = createConnectionRuntime(deps);
  const connections = createConnectionService({ ...deps, runtime: connectionRuntime });
  const connectionOAuth = createConnectionOAuth({ ...deps, runtime: connectionRuntime, connections });
  const connectionHooks = createConnectionWebhooks({ ...deps, runtime: connectionRuntime });
  const links = createEntityLinks(deps);
  const engine = createEngine({ ...deps, connectionRuntime, links });
  const ingest = createIngest(deps);
  const runQueries = createRunQueries(deps.pool, deps.registry.catalog);
  const workflows = createWorkflowService({ ...deps, connectionHooks });
  let worker: Awaited<ReturnType<typeof startWorker>> | undefined;
  return {
    connections,
    connectionRuntime,
    connectionOAuth,
    links,
    linkViews: createLinkViews({ orm: deps.orm, registry: deps.registry, runtime: connectionRuntime, logger: deps.logger }),
    engine,
    workflows,
    workflowTemplates: createWorkflowTemplates({ pool: deps.pool, registry: deps.registry, workflows }),
    ingest,
    runQueries,
    ...createAdminModule({ ...deps, connections, runtime: connectionRuntime, runQueries }),
    async startWorker() {
      const wrapDeps = { pool: deps.pool, logger: deps.logger, metrics: deps.metrics, lifecycle: engine.lifecycle };
      worker = await startWorker({
        pool: deps.pool,
        logger: deps.logger,
        concurrency: deps.config.WORKER_CONCURRENCY,
        crontab: CRONTAB,
        taskList: Object.fromEntries(tasks.map((t) => [t.name, wrapTask(t, wrapDeps)])),
      });
    },
    async release() {
      await worker?.stop();
      ingest.release();
    },
  };
}
