import type { MikroORM } from '@mikro-orm/postgresql';
import type pg from 'pg';
import type { Logger } from 'pino';
import type { Config } from '../config/config.schema.ts';
import { createAuthService, type AuthService } from './auth/auth.service.ts';
import { createAttemptLimiter } from './auth/attempt-limiter.ts';
import { createLoginThrottle } from './auth/login-throttle.ts';
import { createRegistrationLimit } from './auth/registration-limit.ts';
import { createSessions, type Sessions } from './auth/session.ts';
import { createSecretBox, type SecretBox } from './crypto/secret-box.ts';
import { createEgressPolicy, type EgressPolicy } from './net/egress-policy.ts';
import { initOrm } from './db/orm.ts';
import { createPool } from './db/pool.ts';
import { createMetrics, type Metrics } from './metrics.ts';
import { createOpLog, type OpLog } from './modules/logs/op-log.service.ts';
import { createPluginRegistry, type PluginRegistry } from './plugins/plugin-registry.ts';
import type { PluginDefinition } from './sdk/define.ts';
import type { BaseDeps } from './base-deps.ts';
import { createServices, type Services } from './services.ts';

export type { BaseDeps } from './base-deps.ts';

/** Everything a process needs, wired by hand. Built once; released in reverse order. */
export interface Container extends BaseDeps, Services {
  release(): Promise<void>;
}

export async function createContainer(opts: {
  config: Config;
  logger: Logger;
  databaseUrl: string;
  plugins: PluginDefinition[];
}): Promise<Container> {
  const { config, logger, databaseUrl } = opts;
  const egress = createEgressPolicy(config.EGRESS_ALLOW);
  const pool = createPool(databaseUrl, config.DB_POOL_SIZE, logger);
  // The process's one pool: the ORM borrows from it, graphile-worker and the hot SQL use it.
  const orm = await initOrm(pool, Math.max(2, Math.floor(config.DB_POOL_SIZE / 2))).catch(async (err) => {
    await pool.end();
    throw err;
  });
  const metrics = createMetrics();
  const secretBox = createSecretBox(config.ENCRYPTION_KEYS);
  const registry = createPluginRegistry(opts.plugins);
  const sessions = createSessions({
    secret: config.SESSION_SECRET,
    ttlHours: config.SESSION_TTL_HOURS,
    maxDays: config.SESSION_MAX_DAYS,
    secureCookies: config.PUBLIC_URL.startsWith('https:'),
    orm,
  });
  const opLog = createOpLog(orm, logger);
  const limiter = createAttemptLimiter(pool);
  const auth = createAuthService({
    orm,
    config,
    throttle: createLoginThrottle(limiter),
    registrationLimit: createRegistrationLimit(limiter, config.REGISTRATION_LIMIT_PER_HOUR),
    opLog,
  });
  const base = { config, logger, databaseUrl, pool, orm, metrics, secretBox, egress, registry, sessions, opLog, auth };
  const services = createServices(base);

  return {
    ...base,
    ...services,
    async release() {
      await services.release();
      await orm.close(true).catch((err) => logger.warn({ err }, 'ошибка при закрытии ORM'));
      await pool.end().catch((err) => logger.warn({ err }, 'ошибка при закрытии пула'));
    },
  };
}

