import { Migration } from '@mikro-orm/migrations';

/**
 * Every queued event and unfinished run names the job responsible for it (`job_key`), so the
 * sweeper can find those whose job is gone; `sweeps` counts how often one was re-enqueued.
 */
export class Migration20261201000000_job_keys extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      alter table inbound_event add column job_key text, add column sweeps int not null default 0;
      alter table run add column job_key text, add column sweeps int not null default 0;
      create index inbound_event_queued_idx on inbound_event (received_at) where status = 'queued';
      create index run_unfinished_idx on run (created_at) where status in ('queued', 'running');
    `);
  }

  override async down(): Promise<void> {
    this.addSql(`
      drop index run_unfinished_idx; drop index inbound_event_queued_idx;
      alter table run drop column job_key, drop column sweeps;
      alter table inbound_event drop column job_key, drop column sweeps;
    `);
  }
}
