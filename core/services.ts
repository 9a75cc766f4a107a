import type { BaseDeps } from './container.ts';

/** Feature services (workflows, runs, ingest…), wired from the base dependencies. */
export interface Services {
  /** Starts the job worker in this process (roles all and worker). */
  startWorker?(): Promise<void>;
  release(): Promise<void>;
}

export function createServices(_deps: BaseDeps): Services {
  return {
    async release() {},
  };
}
