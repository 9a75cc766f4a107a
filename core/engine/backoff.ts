/**
 * Exponential backoff with jitter: base·2^(attempt−1), capped, then a random 50–100 % of it so
 * that runs failing together do not retry in lockstep. A remote Retry-After is respected.
 */
export function backoffMs(attempt: number, baseMs: number, opts: { capMs?: number; hintMs?: number; random?: () => number } = {}): number {
  const cap = opts.capMs ?? 10 * 60 * 1000;
  const exp = Math.min(cap, baseMs * 2 ** Math.max(0, attempt - 1));
  const jittered = exp * (0.5 + 0.5 * (opts.random ?? Math.random)());
  return Math.round(Math.max(jittered, Math.min(opts.hintMs ?? 0, cap)));
}
