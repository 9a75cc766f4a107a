import { Migration } from '@mikro-orm/migrations';

/** Server-side session records, so that logout (or removing a user) ends a session at once. */
export class Migration20261122000200_sessions extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table user_session (
        id uuid primary key default gen_random_uuid(),
        user_id uuid not null references app_user(id) on delete cascade,
        created_at timestamptz not null default now(),
        expires_at timestamptz not null
      );
      create index user_session_user_idx on user_session (user_id);
      create index user_session_expires_idx on user_session (expires_at);
    `);
  }

  override async down(): Promise<void> {
    this.addSql('drop table user_session;');
  }
}
