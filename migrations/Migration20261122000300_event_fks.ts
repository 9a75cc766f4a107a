import { Migration } from '@mikro-orm/migrations';

/**
 * Webhook ingest is the hottest insert. An event's tenant and workflow are taken from its
 * endpoint in the same statement, and deleting a tenant or a workflow deletes its endpoints,
 * which cascades to the events: the two extra foreign-key checks per event bought nothing and
 * cost about a third of the insert.
 */
export class Migration20261122000300_event_fks extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      alter table inbound_event drop constraint inbound_event_tenant_id_fkey;
      alter table inbound_event drop constraint inbound_event_workflow_id_fkey;
    `);
  }

  override async down(): Promise<void> {
    this.addSql(`
      alter table inbound_event add constraint inbound_event_tenant_id_fkey foreign key (tenant_id) references tenant(id) on delete cascade;
      alter table inbound_event add constraint inbound_event_workflow_id_fkey foreign key (workflow_id) references workflow(id) on delete set null;
    `);
  }
}
