import { Migration20261122000000_foundation } from './Migration20261122000000_foundation.ts';
import { Migration20261122000100_workflows } from './Migration20261122000100_workflows.ts';
import { Migration20261122000200_sessions } from './Migration20261122000200_sessions.ts';
import { Migration20261122000300_event_fks } from './Migration20261122000300_event_fks.ts';
import { Migration20261201000000_job_keys } from './Migration20261201000000_job_keys.ts';
import { Migration20261210000000_auth_limit } from './Migration20261210000000_auth_limit.ts';
import { Migration20261215000000_crm_connections } from './Migration20261215000000_crm_connections.ts';
import { Migration20261220000000_links_blocking } from './Migration20261220000000_links_blocking.ts';
import { Migration20261225000000_history_indexes } from './Migration20261225000000_history_indexes.ts';
import { Migration20261226000000_run_verdicts } from './Migration20261226000000_run_verdicts.ts';
import { Migration20261226000100_rate_limit_acquire } from './Migration20261226000100_rate_limit_acquire.ts';

/** Listed explicitly so migrations run the same under tsx, vitest and a bundled build. */
export const migrationsList = [
  { name: 'Migration20261122000000_foundation', class: Migration20261122000000_foundation },
  { name: 'Migration20261122000100_workflows', class: Migration20261122000100_workflows },
  { name: 'Migration20261122000200_sessions', class: Migration20261122000200_sessions },
  { name: 'Migration20261122000300_event_fks', class: Migration20261122000300_event_fks },
  { name: 'Migration20261201000000_job_keys', class: Migration20261201000000_job_keys },
  { name: 'Migration20261210000000_auth_limit', class: Migration20261210000000_auth_limit },
  { name: 'Migration20261215000000_crm_connections', class: Migration20261215000000_crm_connections },
  { name: 'Migration20261220000000_links_blocking', class: Migration20261220000000_links_blocking },
  { name: 'Migration20261225000000_history_indexes', class: Migration20261225000000_history_indexes },
  { name: 'Migration20261226000000_run_verdicts', class: Migration20261226000000_run_verdicts },
  { name: 'Migration20261226000100_rate_limit_acquire', class: Migration20261226000100_rate_limit_acquire },
];
