import { Migration } from '@mikro-orm/migrations';

/** Tenants, users, encrypted connections, operation log, login throttling. */
export class Migration20261122000000_foundation extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table tenant (
        id uuid primary key default gen_random_uuid(),
        name text not null,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      );
      create table app_user (
        id uuid primary key default gen_random_uuid(),
        tenant_id uuid not null references tenant(id) on delete cascade,
        email text not null,
        name text not null,
        password_hash text not null,
        role text not null check (role in ('admin', 'member')),
        tenant_role text not null default 'owner' check (tenant_role in ('owner', 'member')),
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        last_login_at timestamptz
      );
      create unique index app_user_email_uq on app_user (email);
      create index app_user_tenant_idx on app_user (tenant_id);

      create table connection (
        id uuid primary key default gen_random_uuid(),
        tenant_id uuid not null references tenant(id) on delete cascade,
        plugin text not null,
        name text not null,
        credentials text not null,
        status text not null default 'unknown' check (status in ('unknown', 'ok', 'error')),
        last_error text,
        last_checked_at timestamptz,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      );
      create unique index connection_tenant_plugin_name_uq on connection (tenant_id, plugin, name);

      create table log_entry (
        id bigserial primary key,
        tenant_id uuid references tenant(id) on delete cascade,
        level text not null check (level in ('debug', 'info', 'warn', 'error')),
        source text not null,
        message text not null,
        context jsonb not null default '{}',
        workflow_id uuid,
        run_id uuid,
        created_at timestamptz not null default now()
      );
      create index log_entry_tenant_created_idx on log_entry (tenant_id, created_at desc);
      create index log_entry_workflow_idx on log_entry (workflow_id, created_at desc) where workflow_id is not null;

      create table login_attempt (
        id bigserial primary key,
        key text not null,
        attempted_at timestamptz not null default now()
      );
      create index login_attempt_key_idx on login_attempt (key, attempted_at);
    `);
  }

  override async down(): Promise<void> {
    this.addSql('drop table login_attempt; drop table log_entry; drop table connection; drop table app_user; drop table tenant;');
  }
}
