import { Migration } from '@mikro-orm/migrations';

/**
 * One counter row per limited key (login email+IP, login account, registrations per IP) instead of
 * a row per attempt: the counter is checked and advanced by one upsert, which PostgreSQL serialises
 * on the row, so concurrent attempts cannot all pass a check made before any of them was recorded.
 */
export class Migration20261210000000_auth_limit extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table auth_limit (
        key text primary key,
        hits int not null,
        window_ends_at timestamptz not null
      );
      create index auth_limit_window_idx on auth_limit (window_ends_at);
      drop table login_attempt;
    `);
  }

  override async down(): Promise<void> {
    this.addSql(`
      drop table auth_limit;
      create table login_attempt (
        id bigserial primary key,
        key text not null,
        attempted_at timestamptz not null default now()
      );
      create index login_attempt_key_idx on login_attempt (key, attempted_at);
    `);
  }
}
