import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdmin, type LptAdmin } from './admin-ops.ts';
import { createDispatcher } from './dispatch.ts';
import type { FaultControl } from './faults.ts';
import { peakPerWindow } from './rate-limit.ts';
import { Router } from './router.ts';
import { registerAuthRoutes } from './routes/auth.routes.ts';
import { registerCallRoutes } from './routes/calls.routes.ts';
import { registerContactRoutes } from './routes/contacts.routes.ts';
import { registerLeadDetailRoutes } from './routes/lead-details.routes.ts';
import { registerLeadRoutes } from './routes/leads.routes.ts';
import { registerProjectRoutes } from './routes/projects.routes.ts';
import { registerStaffRoutes } from './routes/staff.routes.ts';
import { createCore } from './sim-core.ts';
import type { LptDelivery, LptRequestRecord, LptSimulatorOptions, LptState } from './sim-types.ts';

export type * from './sim-types.ts';
export type { LptAdmin } from './admin-ops.ts';
export type { FaultControl } from './faults.ts';

export interface LptSimulatorStats {
  /** Every API request (not /__sim/, not recordings) in arrival order; `code` is the envelope code or HTTP status, 0 if unanswered. */
  requests: LptRequestRecord[];
  /** Successful logins. */
  readonly logins: number;
  /** Most API requests that arrived inside any 1000 ms window. */
  peakRequestsPerSecond(): number;
  reset(): void;
}

export interface LptSimulator {
  url: string;
  login: string;
  password: string;
  close(): Promise<void>;
  clock: { now(): number; advance(ms: number): void };
  state: LptState;
  admin: LptAdmin;
  faults: FaultControl;
  stats: LptSimulatorStats;
  deliveries: LptDelivery[];
  /** Waits until every webhook queued so far has been delivered (or has failed). */
  flushWebhooks(): Promise<void>;
}

function buildRouter(): Router {
  const router = new Router();
  registerAuthRoutes(router);
  registerProjectRoutes(router);
  registerStaffRoutes(router);
  registerContactRoutes(router);
  registerLeadRoutes(router);
  registerLeadDetailRoutes(router);
  registerCallRoutes(router);
  return router;
}

/** Starts a stateful fake of https://direct.lptracker.ru on 127.0.0.1 (a free port by default). */
export async function startLptSimulator(opts: LptSimulatorOptions = {}): Promise<LptSimulator> {
  const core = createCore(opts);
  const admin = createAdmin(core);
  const dispatch = createDispatcher(core, buildRouter(), admin);
  const server = http.createServer((req, res) => void dispatch(req, res));
  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  core.url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  const account = core.state.accounts[0]!;
  let closed: Promise<void> | undefined;

  return {
    url: core.url,
    login: account.login,
    password: account.password,
    clock: core.clock,
    state: core.state,
    admin,
    faults: core.faults.control,
    stats: {
      requests: core.stats.requests,
      get logins() {
        return core.stats.logins;
      },
      peakRequestsPerSecond: () => peakPerWindow(core.stats.requests.map((r) => r.at)),
      reset() {
        core.stats.requests.length = 0;
        core.stats.logins = 0;
      },
    },
    deliveries: core.webhooks.deliveries,
    flushWebhooks: () => core.webhooks.flush(),
    close() {
      closed ??= (async () => {
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        // Keep-alive sockets and requests held open by the timeout fault would block close().
        server.closeAllConnections();
        await stopped;
        await core.webhooks.flush();
      })();
      return closed;
    },
  };
}
