import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from '../../core/db/embedded-postgres.ts';
import { createLogger } from '../../core/logger.ts';
import { initOrm, migrate } from '../../core/db/orm.ts';
import { createPool } from '../../core/db/pool.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
    pgTemplate: string;
  }
}

const TEMPLATE = 'app_test_template';

/**
 * One PostgreSQL per test run: the server in DATABASE_URL when set, else an embedded one. A template
 * database is migrated once; every test file then clones it into a database of its own.
 */
export default async function setup(project: TestProject) {
  let embedded: EmbeddedPostgresHandle | undefined;
  let dir: string | undefined;
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    dir = mkdtempSync(path.join(os.tmpdir(), 'ic-test-pg-'));
    embedded = await startEmbeddedPostgres(dir, () => {}, { flags: ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] });
    adminUrl = embedded.url;
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${TEMPLATE} with (force)`);
  await admin.query(`create database ${TEMPLATE}`);
  await admin.end();

  const templateUrl = withDatabase(adminUrl, TEMPLATE);
  const logger = createLogger('silent');
  const pool = createPool(templateUrl, 2, logger);
  const orm = await initOrm(pool, 2);
  await migrate(orm, pool);
  await orm.close(true);
  await pool.end();

  project.provide('pgAdminUrl', adminUrl);
  project.provide('pgTemplate', TEMPLATE);

  return async () => {
    if (embedded) await embedded.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  };
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
