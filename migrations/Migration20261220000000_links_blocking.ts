import { Migration } from '@mikro-orm/migrations';

/**
 * Cross-system links (the same lead in AmoCRM and in LPTracker, kept when a run creates one from
 * the other) and tenants a platform admin can block (webhooks refused, runs paused, nothing lost).
 */
export class Migration20261220000000_links_blocking extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table entity_link (
        id uuid primary key default gen_random_uuid(),
        tenant_id uuid not null references tenant(id) on delete cascade,
        a_system text not null, a_type text not null, a_id text not null,
        b_system text not null, b_type text not null, b_id text not null,
        run_id uuid,
        created_at timestamptz not null default now()
      );
      create unique index entity_link_pair_uq on entity_link (tenant_id, a_system, a_type, a_id, b_system, b_type, b_id);
      create index entity_link_a_idx on entity_link (tenant_id, a_system, a_type, a_id);
      create index entity_link_b_idx on entity_link (tenant_id, b_system, b_type, b_id);
      create index entity_link_run_idx on entity_link (run_id) where run_id is not null;

      alter table tenant add column blocked_at timestamptz, add column blocked_reason text;
    `);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table tenant drop column blocked_at, drop column blocked_reason; drop table entity_link;`);
  }
}
