import { Migration } from '@mikro-orm/migrations';

/** Workflows and immutable versions, webhook endpoints, inbound events, runs and steps. */
export class Migration20261122000100_workflows extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table workflow (
        id uuid primary key default gen_random_uuid(),
        tenant_id uuid not null references tenant(id) on delete cascade,
        name text not null,
        description text not null default '',
        graph jsonb not null,
        status text not null default 'draft' check (status in ('draft', 'active', 'inactive')),
        active_version_id uuid,
        latest_version int,
        draft_changed_at timestamptz not null default now(),
        published_at timestamptz,
        trigger_type text,
        max_attempts int not null default 8,
        created_by uuid references app_user(id) on delete set null,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      );
      create index workflow_tenant_idx on workflow (tenant_id, updated_at desc);

      create table workflow_version (
        id uuid primary key default gen_random_uuid(),
        tenant_id uuid not null references tenant(id) on delete cascade,
        workflow_id uuid not null references workflow(id) on delete cascade,
        version int not null,
        graph jsonb not null,
        created_by uuid references app_user(id) on delete set null,
        created_at timestamptz not null default now(),
        unique (workflow_id, version)
      );
      alter table workflow add constraint workflow_active_version_fk
        foreign key (active_version_id) references workflow_version(id) on delete set null;

      create table hook_endpoint (
        id uuid primary key default gen_random_uuid(),
        tenant_id uuid not null references tenant(id) on delete cascade,
        workflow_id uuid references workflow(id) on delete cascade,
        token text not null,
        revoked_at timestamptz,
        created_at timestamptz not null default now()
      );
      create unique index hook_endpoint_token_uq on hook_endpoint (token);
      create index hook_endpoint_workflow_idx on hook_endpoint (workflow_id) where revoked_at is null;

      create table inbound_event (
        id uuid primary key default gen_random_uuid(),
        tenant_id uuid not null references tenant(id) on delete cascade,
        endpoint_id uuid not null references hook_endpoint(id) on delete cascade,
        workflow_id uuid references workflow(id) on delete set null,
        status text not null check (status in ('queued', 'dispatched', 'skipped', 'duplicate', 'failed')),
        reason text,
        method text not null,
        content_type text not null default '',
        headers jsonb not null default '{}',
        query jsonb not null default '{}',
        body jsonb,
        dedupe_key text,
        duplicate_of uuid,
        received_at timestamptz not null default now(),
        processed_at timestamptz
      );
      create index inbound_event_tenant_idx on inbound_event (tenant_id, received_at desc);
      create index inbound_event_workflow_idx on inbound_event (workflow_id, received_at desc);

      create table hook_dedupe (
        endpoint_id uuid not null,
        key text not null,
        event_id uuid not null,
        expires_at timestamptz not null,
        primary key (endpoint_id, key)
      );

      create table run (
        id uuid primary key default gen_random_uuid(),
        tenant_id uuid not null references tenant(id) on delete cascade,
        workflow_id uuid not null references workflow(id) on delete cascade,
        version_id uuid not null references workflow_version(id) on delete cascade,
        event_id uuid references inbound_event(id) on delete set null,
        dispatch_key text,
        status text not null check (status in ('queued', 'running', 'succeeded', 'failed', 'skipped', 'cancelled')),
        attempts int not null default 0,
        max_attempts int not null default 8,
        error_code text,
        error_message text,
        trigger_output jsonb,
        replay_of uuid,
        created_at timestamptz not null default now(),
        started_at timestamptz,
        finished_at timestamptz
      );
      create unique index run_dispatch_key_uq on run (dispatch_key);
      create index run_tenant_idx on run (tenant_id, created_at desc);
      create index run_workflow_idx on run (workflow_id, created_at desc);
      create index run_event_idx on run (event_id);

      create table step (
        id uuid primary key default gen_random_uuid(),
        tenant_id uuid not null,
        run_id uuid not null references run(id) on delete cascade,
        seq int not null,
        node_id text not null,
        node_type text not null,
        status text not null check (status in ('running', 'succeeded', 'failed', 'skipped')),
        attempt int not null default 1,
        input jsonb,
        output jsonb,
        branch text,
        error_code text,
        error_message text,
        error_details jsonb,
        truncated boolean not null default false,
        started_at timestamptz not null default now(),
        finished_at timestamptz,
        unique (run_id, node_id)
      );

      create table workflow_kv (
        workflow_id uuid not null references workflow(id) on delete cascade,
        key text not null,
        value jsonb,
        primary key (workflow_id, key)
      );

      create table worker_heartbeat (
        worker_id text primary key,
        seen_at timestamptz not null default now()
      );
    `);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table worker_heartbeat; drop table workflow_kv; drop table step; drop table run; drop table hook_dedupe;
      drop table inbound_event; drop table hook_endpoint; alter table workflow drop constraint workflow_active_version_fk;
      drop table workflow_version; drop table workflow;`);
  }
}
