import type { BaseDeps } from './container.ts';
import { createConnectionService, type ConnectionService } from './modules/connections/connection.service.ts';
import { createHttpClient } from './plugins/http-client.ts';

/** Feature services (connections, workflows, runs, ingest…), wired from the base dependencies. */
export interface Services {
  connections: ConnectionService;
  /** Starts the job worker in this process (roles all and worker). */
  startWorker?(): Promise<void>;
  release(): Promise<void>;
}

export function createServices(deps: BaseDeps): Services {
  const connections = createConnectionService({ ...deps, http: createHttpClient() });
  return {
    connections,
    async release() {},
  };
}
