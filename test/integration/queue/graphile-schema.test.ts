import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { createTestDatabase } from '../../support/test-db.ts';

/**
 * Dead-worker recovery and the orphan sweeper read graphile-worker's public surface, pinned to
 * 0.17.3: the `graphile_worker.jobs` view and `force_unlock_workers` / `add_jobs` / `remove_job`.
 * This test fails if an upgrade changes that surface, before recovery silently stops working.
 */
let db: Awaited<ReturnType<typeof createTestDatabase>>;
let client: pg.Client;

beforeAll(async () => {
  db = await createTestDatabase();
  client = new pg.Client({ connectionString: db.url });
  await client.connect();
});
afterAll(async () => {
  await client.end();
  await db.drop();
});

describe('graphile-worker public surface', () => {
  it('the jobs view has the columns recovery and the sweeper read', async () => {
    const { rows } = await client.query(
      `select column_name, data_type from information_schema.columns where table_schema = 'graphile_worker' and table_name = 'jobs'`);
    const cols = Object.fromEntries(rows.map((r) => [r.column_name, r.data_type]));
    expect(cols).toMatchObject({
      key: 'text', locked_by: 'text', locked_at: 'timestamp with time zone', attempts: 'smallint', max_attempts: 'smallint', task_identifier: 'text',
    });
  });

  it('the functions we call exist with the signatures we use', async () => {
    const { rows } = await client.query(
      `select p.proname, pg_get_function_identity_arguments(p.oid) as args from pg_proc p join pg_namespace n on n.oid = p.pronamespace
        where n.nspname = 'graphile_worker' and p.proname in ('force_unlock_workers', 'add_jobs', 'remove_job')`);
    const sigs = rows.map((r) => `${r.proname}(${r.args})`).sort();
    expect(sigs).toEqual([
      'add_jobs(specs graphile_worker.job_spec[], job_key_preserve_run_at boolean)',
      'force_unlock_workers(worker_ids text[])',
      'remove_job(job_key text)',
    ]);
  });

  it('job_spec has the field order our SQL builds', async () => {
    const { rows } = await client.query(
      `select a.attname from pg_attribute a join pg_type t on t.typrelid = a.attrelid join pg_namespace n on n.oid = t.typnamespace
        where n.nspname = 'graphile_worker' and t.typname = 'job_spec' and a.attnum > 0 order by a.attnum`);
    expect(rows.map((r) => r.attname)).toEqual(['identifier', 'payload', 'queue_name', 'run_at', 'max_attempts', 'job_key', 'priority', 'flags']);
  });
});
