/**
 * LPTracker documents 3 requests per second; the scope is unverified, so the simulator applies it
 * per account (all tokens of one login together), the strictest reading a shared deployment meets.
 */
export class RateLimiter {
  private accepted = new Map<number, number[]>();

  constructor(private readonly perSecond: number) {}

  /** Counts the request against the account's sliding second unless that second is already full. */
  allow(accountId: number, now: number): boolean {
    if (this.perSecond <= 0) return true;
    const times = (this.accepted.get(accountId) ?? []).filter((t) => t > now - 1000);
    const ok = times.length < this.perSecond;
    if (ok) times.push(now);
    this.accepted.set(accountId, times);
    return ok;
  }
}

/** Most arrivals inside any window [t, t + windowMs): the figure a throttling client must keep ≤ the limit. */
export function peakPerWindow(arrivals: readonly number[], windowMs = 1000): number {
  const times = [...arrivals].sort((a, b) => a - b);
  let peak = 0;
  let end = 0;
  for (let start = 0; start < times.length; start++) {
    while (end < times.length && times[end]! < times[start]! + windowMs) end++;
    peak = Math.max(peak, end - start);
  }
  return peak;
}
