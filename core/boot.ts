import type { Logger } from 'pino';
import type { Config } from '../config/config.schema.ts';
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from './db/embedded-postgres.ts';

export interface Database {
  url: string;
  embedded?: EmbeddedPostgresHandle;
}

/** DATABASE_URL when given; otherwise the embedded PostgreSQL in DATA_DIR/pg. */
export async function resolveDatabase(config: Config, logger: Logger): Promise<Database> {
  if (config.DATABASE_URL) return { url: config.DATABASE_URL };
  const embedded = await startEmbeddedPostgres(config.DATA_DIR, (msg) => logger.info(msg));
  const { Client } = (await import('pg')).default;
  const client = new Client({ connectionString: embedded.url });
  await client.connect();
  const { rowCount } = await client.query("select 1 from pg_database where datname = 'app'");
  await client.end();
  if (!rowCount) await embedded.createDatabase('app');
  logger.info('Встроенный PostgreSQL запущен');
  return { url: embedded.urlFor('app'), embedded };
}
