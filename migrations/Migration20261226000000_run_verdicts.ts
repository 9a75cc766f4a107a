import { Migration } from '@mikro-orm/migrations';

/**
 * Logs in business language: a run's verdict (done / condition not met / failed / retrying /
 * cancelled), a one-line summary («лид создан: 12345») and when a retrying run tries again; an
 * event's payload summary. Both summaries are searchable by substring (trigram indexes).
 */
export class Migration20261226000000_run_verdicts extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      alter table run add column verdict text, add column summary text, add column next_attempt_at timestamptz;
      alter table inbound_event add column summary text;
      create index run_summary_trgm_idx on run using gin (summary gin_trgm_ops);
      create index inbound_event_summary_trgm_idx on inbound_event using gin (summary gin_trgm_ops);
    `);
  }

  override async down(): Promise<void> {
    this.addSql(`
      drop index inbound_event_summary_trgm_idx; drop index run_summary_trgm_idx;
      alter table inbound_event drop column summary;
      alter table run drop column verdict, drop column summary, drop column next_attempt_at;
    `);
  }
}
