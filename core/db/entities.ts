import { Tenant } from '../modules/tenants/tenant.entity.ts';
import { User } from '../modules/users/user.entity.ts';
import { UserSession } from '../modules/users/user-session.entity.ts';
import { Connection, ConnectionStateEntry } from '../modules/connections/connection.entity.ts';
import { LogEntry } from '../modules/logs/log-entry.entity.ts';
import { HookEndpoint, Workflow, WorkflowVersion } from '../modules/workflows/workflow.entity.ts';
import { EntityLink } from '../modules/links/entity-link.entity.ts';

/** Tables of the CRUD modules. The engine's hot tables are written by hand (see TABLE_OWNERS). */
export const entities = [Tenant, User, UserSession, Connection, ConnectionStateEntry, LogEntry, Workflow, WorkflowVersion, HookEndpoint, EntityLink];

/**
 * Tables without an entity and the module that owns their hand-written SQL, with the reason.
 * `test/integration/db/entities.test.ts` fails when a table is neither an entity nor listed here.
 */
export const TABLE_OWNERS: Record<string, string> = {
  inbound_event: 'core/ingest + core/engine: written thousands of times a second in batched statements',
  hook_dedupe: 'core/ingest: claimed inside the ingest statement',
  run: 'core/engine: created, claimed and finished in batched statements',
  step: 'core/engine: upserted in batches by the step store',
  workflow_kv: 'core/engine/action-context: a plugin key-value store, one statement per call',
  worker_heartbeat: 'core/queue/worker: written every 2 s by each worker',
  auth_limit: 'core/auth/attempt-limiter: checked and advanced in one atomic upsert (an ORM read-then-write would race)',
  mikro_orm_migrations: 'MikroORM migrator',
  rate_limit_slot: 'core/plugins/rate-limiter: a sliding log taken by the function rate_limit_acquire, once per remote request',
};
