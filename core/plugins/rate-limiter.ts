import type pg from 'pg';
import type { HttpClient } from '../sdk/context.ts';
import { OperationalError } from '../sdk/errors.ts';

/**
 * A request-rate limit per key (a plugin's account). `take` resolves when a request may go.
 * The window has a margin over one second: a slot is taken just before a request leaves, and a
 * request delayed on its way (a new connection, a busy process) must still arrive within the
 * remote side's own second. 100 ms proved too little on a loaded 2-core machine: a burst of new
 * connections arrived up to ~150 ms after its slots and met the next second's requests.
 */
export interface RateLimiter {
  take(key: string, perSecond: number, signal?: AbortSignal): Promise<void>;
}

export const RATE_WINDOW_MS = 1200;
/**
 * A slot older than this when its request is about to leave (the process was busy) is given up
 * and a new one taken: a request must never arrive much later than its slot says, or it would
 * bunch up with the next second's requests.
 */
export const STALE_SLOT_MS = 40;
/** A request waiting this long for a slot gives up: the run is retried later instead. */
const MAX_WAIT_MS = 60_000;

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(new OperationalError('HTTP_ABORTED', 'Ожидание очереди запросов прервано: обработчик останавливается'));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });

async function takeWith(tryTake: () => Promise<{ wait: number; at: number }>, perSecond: number, signal?: AbortSignal): Promise<void> {
  const started = Date.now();
  for (;;) {
    const { wait, at } = await tryTake();
    if (wait <= 0 && Date.now() - at <= STALE_SLOT_MS) return;
    if (wait <= 0) continue; // a stale slot: spent, take another
    if (Date.now() - started > MAX_WAIT_MS) {
      throw new OperationalError('RATE_LIMIT_QUEUE_FULL', `Очередь запросов к сервису слишком длинная (не больше ${perSecond} в секунду): шаг будет повторён позже`);
    }
    // A little jitter: waiters of several processes do not all come back at the same instant.
    await sleep(wait + Math.floor(Math.random() * 15), signal);
  }
}

/** Shared by every process of the deployment: a sliding log in PostgreSQL (function rate_limit_acquire). */
export function createPgRateLimiter(pool: Pick<pg.Pool, 'query'>): RateLimiter {
  return {
    take: (key, perSecond, signal) =>
      takeWith(async () => {
        const { rows } = await pool.query<{ wait_ms: number; at_ms: number }>('select wait_ms, at_ms from rate_limit_acquire($1, $2, $3)', [key, perSecond, RATE_WINDOW_MS]);
        return { wait: rows[0]!.wait_ms, at: rows[0]!.at_ms };
      }, perSecond, signal),
  };
}

/** One process only: for the plugin test kit. */
export function createMemoryRateLimiter(): RateLimiter {
  const log = new Map<string, number[]>();
  return {
    take: (key, perSecond, signal) =>
      takeWith(async () => {
        const now = performance.now();
        const times = (log.get(key) ?? []).filter((t) => t > now - RATE_WINDOW_MS);
        log.set(key, times);
        if (times.length < perSecond) {
          times.push(now);
          return { wait: 0, at: Date.now() };
        }
        return { wait: Math.max(1, Math.ceil(times[0]! + RATE_WINDOW_MS - now)), at: Date.now() };
      }, perSecond, signal),
  };
}

/** An HttpClient whose every request first takes a slot of `key`. */
export function rateLimitedHttp(http: HttpClient, limiter: RateLimiter, key: string, perSecond: number, signal?: AbortSignal): HttpClient {
  return {
    async request(req) {
      await limiter.take(key, perSecond, signal);
      return http.request(req);
    },
  };
}
