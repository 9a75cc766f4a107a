export interface RateLimiterOptions {
  perSecond: number;
  /** 429s within a minute that get the account banned; 0 = never. */
  banAfterViolations: number;
}

export type RateDecision = { ok: true } | { ok: false; retryAfterSec: number };

const WINDOW_MS = 1000;
const BAN_WINDOW_MS = 60_000;

/**
 * Sliding-window limiter: a request is accepted when fewer than `perSecond` accepted requests
 * arrived in the preceding 1000 ms. Rejected requests do not take a slot (a client that backs off
 * gets through), but they count as violations towards the ban.
 */
export class RateLimiter {
  private accepted: number[] = [];
  private violations: number[] = [];
  banned = false;

  constructor(private o: RateLimiterOptions) {}

  hit(now: number): RateDecision {
    while (this.accepted.length > 0 && this.accepted[0]! <= now - WINDOW_MS) this.accepted.shift();
    if (this.accepted.length < this.o.perSecond) {
      this.accepted.push(now);
      return { ok: true };
    }
    const retryAfterSec = Math.max(1, Math.ceil((this.accepted[0]! + WINDOW_MS - now) / 1000));
    this.violations.push(now);
    while (this.violations.length > 0 && this.violations[0]! <= now - BAN_WINDOW_MS) this.violations.shift();
    if (this.o.banAfterViolations > 0 && this.violations.length >= this.o.banAfterViolations) this.banned = true;
    return { ok: false, retryAfterSec };
  }

  unban(): void {
    this.banned = false;
    this.violations = [];
  }

  reset(): void {
    this.unban();
    this.accepted = [];
  }
}

/**
 * The largest number of timestamps inside any window of `windowMs` (half-open: [t, t + windowMs)),
 * over all window positions, not aligned buckets. `times` must be ascending.
 */
export function peakInWindow(times: number[], windowMs = WINDOW_MS): number {
  let best = 0;
  let start = 0;
  for (let end = 0; end < times.length; end++) {
    while (times[end]! - times[start]! >= windowMs) start++;
    best = Math.max(best, end - start + 1);
  }
  return best;
}
