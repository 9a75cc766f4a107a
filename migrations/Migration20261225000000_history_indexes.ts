import { Migration } from '@mikro-orm/migrations';

/**
 * «Логи» at a million runs: indexes that match the list filters (newest first, by status), and
 * trigram indexes for substring search in the operation log (pg_trgm ships with PostgreSQL).
 */
export class Migration20261225000000_history_indexes extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create extension if not exists pg_trgm;
      drop index if exists run_tenant_idx;
      create index run_tenant_idx on run (tenant_id, created_at desc, id desc);
      create index run_tenant_status_idx on run (tenant_id, status, created_at desc, id desc);
      drop index if exists run_workflow_idx;
      create index run_workflow_idx on run (workflow_id, created_at desc, id desc);
      drop index if exists inbound_event_tenant_idx;
      create index inbound_event_tenant_idx on inbound_event (tenant_id, received_at desc, id desc);
      create index inbound_event_tenant_status_idx on inbound_event (tenant_id, status, received_at desc, id desc);
      drop index if exists inbound_event_workflow_idx;
      create index inbound_event_workflow_idx on inbound_event (workflow_id, received_at desc, id desc);
      drop index if exists log_entry_tenant_created_idx;
      create index log_entry_tenant_created_idx on log_entry (tenant_id, created_at desc, id desc);
      create index log_entry_message_trgm_idx on log_entry using gin (message gin_trgm_ops);
    `);
  }

  override async down(): Promise<void> {
    this.addSql(`
      drop index log_entry_message_trgm_idx; drop index inbound_event_tenant_status_idx; drop index run_tenant_status_idx;
      drop index run_tenant_idx; create index run_tenant_idx on run (tenant_id, created_at desc);
      drop index run_workflow_idx; create index run_workflow_idx on run (workflow_id, created_at desc);
      drop index inbound_event_tenant_idx; create index inbound_event_tenant_idx on inbound_event (tenant_id, received_at desc);
      drop index inbound_event_workflow_idx; create index inbound_event_workflow_idx on inbound_event (workflow_id, received_at desc);
      drop index log_entry_tenant_created_idx; create index log_entry_tenant_created_idx on log_entry (tenant_id, created_at desc);
    `);
  }
}
