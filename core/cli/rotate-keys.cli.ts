import { loadConfig } from '../../config/load-config.ts';
import { resolveDatabase } from '../boot.ts';
import { createSecretBox } from '../crypto/secret-box.ts';
import { initOrm } from '../db/orm.ts';
import { createPool } from '../db/pool.ts';
import { createLogger } from '../logger.ts';
import { rotateKeys } from '../crypto/rotate-keys.ts';

/** `npm run rotate-keys`: re-encrypts every secret with the newest key of ENCRYPTION_KEYS. */
const config = loadConfig();
const logger = createLogger(config.LOG_LEVEL);
const db = await resolveDatabase(config, logger);
const pool = createPool(db.url, 4, logger);
const orm = await initOrm(pool, 2);
try {
  const result = await rotateKeys(orm, createSecretBox(config.ENCRYPTION_KEYS));
  console.log(`Перешифровано: ${result.rotated}, уже на новом ключе: ${result.current}`);
} finally {
  await orm.close(true);
  await pool.end();
  await db.embedded?.stop();
}
