import { loadConfig } from '../../config/load-config.ts';
import { resolveDatabase } from '../boot.ts';
import { initOrm, migrate } from '../db/orm.ts';
import { createPool } from '../db/pool.ts';
import { createLogger } from '../logger.ts';

/** `npm run migrate`: applies pending migrations (ours and graphile-worker's), then exits. */
const config = loadConfig();
const logger = createLogger(config.LOG_LEVEL);
const db = await resolveDatabase(config, logger);
const pool = createPool(db.url, 2, logger);
const orm = await initOrm(pool, 2);
try {
  await migrate(orm, pool);
  console.log('Миграции применены');
} finally {
  await orm.close(true);
  await pool.end();
  await db.embedded?.stop();
}
