import type { MikroORM } from '@mikro-orm/postgresql';
import type pg from 'pg';
import type { Logger } from 'pino';
import type { Config } from '../config/config.schema.ts';
import type { AuthService } from './auth/auth.service.ts';
import type { Sessions } from './auth/session.ts';
import type { SecretBox } from './crypto/secret-box.ts';
import type { Metrics } from './metrics.ts';
import type { OpLog } from './modules/logs/op-log.service.ts';
import type { EgressPolicy } from './net/egress-policy.ts';
import type { PluginRegistry } from './plugins/plugin-registry.ts';

/** The infrastructure every service is built from (see container.ts). */
export interface BaseDeps {
  config: Config;
  databaseUrl: string;
  logger: Logger;
  pool: pg.Pool;
  orm: MikroORM;
  metrics: Metrics;
  secretBox: SecretBox;
  /** The policy every outgoing request of a plugin obeys (EGRESS_ALLOW). */
  egress: EgressPolicy;
  registry: PluginRegistry;
  sessions: Sessions;
  opLog: OpLog;
  auth: AuthService;
}

