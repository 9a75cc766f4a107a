import { Migration } from '@mikro-orm/migrations';

/**
 * The limiter also reports when the slot was taken, so a caller that got to send too late (its
 * event loop was busy) takes a fresh slot instead of arriving out of step with the others.
 */
export class Migration20261226000100_rate_limit_acquire extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create function rate_limit_acquire(p_key text, p_limit int, p_window_ms int, out wait_ms int, out at_ms double precision)
      language plpgsql as $$
      declare
        v_now timestamptz := clock_timestamp();
        v_count int;
        v_oldest timestamptz;
      begin
        perform pg_advisory_xact_lock(hashtextextended('rate:' || p_key, 0));
        delete from rate_limit_slot where key = p_key and at <= v_now - make_interval(secs => p_window_ms / 1000.0);
        select count(*), min(at) into v_count, v_oldest from rate_limit_slot where key = p_key;
        at_ms := extract(epoch from v_now) * 1000;
        if v_count < p_limit then
          insert into rate_limit_slot (key, at) values (p_key, v_now);
          wait_ms := 0;
        else
          wait_ms := greatest(1, ceil(extract(epoch from (v_oldest + make_interval(secs => p_window_ms / 1000.0) - v_now)) * 1000)::int);
        end if;
      end $$;
      drop function rate_limit_take(text, int, int);
    `);
  }

  override async down(): Promise<void> {
    this.addSql(`drop function rate_limit_acquire(text, int, int);`);
  }
}
