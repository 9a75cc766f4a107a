import { createClock, type SimClock } from './clock.ts';
import { createFaults, type Faults } from './faults.ts';
import { createRandom, type SimRandom } from './random.ts';
import { RateLimiter } from './rate-limit.ts';
import { createState } from './sim-state.ts';
import type { LptCallOutcome, LptRequestRecord, LptSimulatorOptions, LptState } from './sim-types.ts';
import { WebhookSender } from './webhook-sender.ts';

export interface ResolvedOptions {
  rateLimitPerSecond: number;
  idleTimeoutMs: number;
  invalidLeadIdMs: number;
  /** Hard cap of `limit` on lead lists. */
  listLimitCap: number;
}

/** Everything the routes and the admin API share. */
export interface SimCore {
  /** Base URL, known once the server listens; recording links point here. */
  url: string;
  state: LptState;
  clock: SimClock;
  random: SimRandom;
  opts: ResolvedOptions;
  faults: Faults;
  limiter: RateLimiter;
  webhooks: WebhookSender;
  /** Outcomes for the next calls placed through the API; ANSWERED when empty. */
  callQueue: LptCallOutcome[];
  stats: { requests: LptRequestRecord[]; logins: number };
}

export const DEFAULT_LOGIN = 'demo@lptracker.local';
export const DEFAULT_PASSWORD = 'demo-password';

export function createCore(o: LptSimulatorOptions): SimCore {
  const clock = createClock();
  const random = createRandom(o.seed);
  const opts: ResolvedOptions = {
    rateLimitPerSecond: o.rateLimitPerSecond ?? 3,
    idleTimeoutMs: o.idleTimeoutMs ?? 24 * 3600_000,
    invalidLeadIdMs: o.invalidLeadIdMs ?? 0,
    listLimitCap: 100,
  };
  return {
    url: '',
    state: createState(o.login ?? DEFAULT_LOGIN, o.password ?? DEFAULT_PASSWORD),
    clock,
    random,
    opts,
    faults: createFaults(random, o.rateLimitHttp503 ?? false),
    limiter: new RateLimiter(opts.rateLimitPerSecond),
    webhooks: new WebhookSender({ jsonBody: o.webhookJsonBody ?? false, now: () => clock.now() }),
    callQueue: [],
    stats: { requests: [], logins: 0 },
  };
}
