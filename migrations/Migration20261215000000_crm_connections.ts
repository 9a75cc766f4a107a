import { Migration } from '@mikro-orm/migrations';

/**
 * What CRM plugins need from the core: connections that remember their account and change their
 * own credentials (a version counter makes refreshes single-flight), per-connection state
 * (metadata cache, remote webhook ids), a webhook address per connection whose events fan out to
 * the tenant's rules, and a request-rate limiter shared by every process.
 */
export class Migration20261215000000_crm_connections extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      alter table connection drop constraint connection_status_check;
      alter table connection add constraint connection_status_check check (status in ('unknown', 'ok', 'error', 'pending'));
      alter table connection add column account text, add column account_id text,
        add column credentials_version int not null default 1;

      create table connection_state (
        connection_id uuid not null references connection(id) on delete cascade,
        key text not null,
        value jsonb,
        fetched_at timestamptz not null default now(),
        primary key (connection_id, key)
      );

      alter table hook_endpoint add column connection_id uuid references connection(id) on delete cascade;
      create index hook_endpoint_connection_idx on hook_endpoint (connection_id) where revoked_at is null;
      alter table inbound_event add column connection_id uuid;

      -- The connection a rule's active trigger listens on: a connection's webhook fans out to these.
      alter table workflow add column trigger_connection_id uuid;
      create index workflow_trigger_connection_idx on workflow (trigger_connection_id) where status = 'active';

      -- A sliding log of request times per limiter key, trimmed as it is used.
      create table rate_limit_slot (
        key text not null,
        at timestamptz not null
      );
      create index rate_limit_slot_key_idx on rate_limit_slot (key, at);

      -- Takes a slot for $key if fewer than $limit were taken in the last $window_ms; returns 0,
      -- or how many ms to wait. Serialised per key by an advisory lock, so processes agree.
      create function rate_limit_take(p_key text, p_limit int, p_window_ms int) returns int
      language plpgsql as $$
      declare
        v_now timestamptz := clock_timestamp();
        v_count int;
        v_oldest timestamptz;
      begin
        perform pg_advisory_xact_lock(hashtextextended('rate:' || p_key, 0));
        delete from rate_limit_slot where key = p_key and at <= v_now - make_interval(secs => p_window_ms / 1000.0);
        select count(*), min(at) into v_count, v_oldest from rate_limit_slot where key = p_key;
        if v_count < p_limit then
          insert into rate_limit_slot (key, at) values (p_key, v_now);
          return 0;
        end if;
        return greatest(1, ceil(extract(epoch from (v_oldest + make_interval(secs => p_window_ms / 1000.0) - v_now)) * 1000)::int);
      end $$;
    `);
  }

  override async down(): Promise<void> {
    this.addSql(`
      drop function rate_limit_take(text, int, int); drop table rate_limit_slot;
      drop index workflow_trigger_connection_idx; alter table workflow drop column trigger_connection_id;
      alter table inbound_event drop column connection_id;
      drop index hook_endpoint_connection_idx; alter table hook_endpoint drop column connection_id;
      drop table connection_state;
      alter table connection drop column account, drop column account_id, drop column credentials_version;
      alter table connection drop constraint connection_status_check;
      alter table connection add constraint connection_status_check check (status in ('unknown', 'ok', 'error'));
    `);
  }
}
