import type { BaseDeps } from '../../base-deps.ts';
import type { ConnectionRuntime } from '../connections/connection-runtime.ts';
import type { ConnectionService } from '../connections/connection.service.ts';
import type { RunQueries } from '../runs/run-query.service.ts';
import { createAdminAudit } from './admin-audit.ts';
import { createAdminService, type AdminService } from './admin.service.ts';
import { createCredentialsProbe } from './credentials-probe.ts';
import { createLptrackerBinding, type LptrackerBinding } from './lptracker-binding.service.ts';

export interface AdminModule {
  admin: AdminService;
  lptrackerBinding: LptrackerBinding;
}

/** Platform administration, wired from the base dependencies and the services it acts through. */
export function createAdminModule(deps: BaseDeps & { connections: ConnectionService; runtime: ConnectionRuntime; runQueries: RunQueries }): AdminModule {
  const audit = createAdminAudit(deps.opLog);
  return {
    admin: createAdminService({ ...deps, audit }),
    lptrackerBinding: createLptrackerBinding({ ...deps, audit, probe: createCredentialsProbe(deps) }),
  };
}
