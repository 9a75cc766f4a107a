/** Test helpers: the plugin's simulator and a connection to it through the SDK's test kit. */
import { startSimulator, testRemote, type TestRemoteOptions } from '../../../core/sdk/testing.ts';
import amocrm from '../index.ts';
import type { AmoSimulator, AmoSimulatorOptions } from '../simulator/amo-simulator.ts';
import type { AmoCredentials } from '../connection/credentials.schema.ts';
import type { AmoRemote } from './amo-remote.ts';

export async function startSim(opts: AmoSimulatorOptions = {}): Promise<AmoSimulator> {
  return (await startSimulator(amocrm, opts as Record<string, unknown>)) as AmoSimulator;
}

type Limiter = NonNullable<TestRemoteOptions['limiter']>;

/**
 * One in-memory limit for several test connections to one simulator (the SDK's test kit gives each
 * context its own unless one is passed, and does not export its factory): 7 per 1100 ms, as the
 * core's limiter.
 */
export function sharedLimiter(opts: { oneBucket?: boolean } = {}, windowMs = 1100): Limiter {
  const log = new Map<string, number[]>();
  return {
    async take(name: string, perSecond: number) {
      // One bucket: a proxy in front of the simulator has its own host, yet it is the same account.
      const key = opts.oneBucket ? '*' : name;
      for (;;) {
        const now = performance.now();
        const times = (log.get(key) ?? []).filter((t) => t > now - windowMs);
        log.set(key, times);
        if (times.length < perSecond) {
          times.push(now);
          return;
        }
        await new Promise((r) => setTimeout(r, Math.max(1, Math.ceil(times[0]! + windowMs - now))));
      }
    },
  };
}

export type TestAmoRemote = AmoRemote & { refreshes: number };

export function tokenRemote(sim: AmoSimulator, token = sim.issueLongLivedToken(), opts: Partial<TestRemoteOptions> = {}): TestAmoRemote {
  const credentials: AmoCredentials = { authType: 'token', subdomain: sim.subdomain, accessToken: token, baseUrl: sim.url };
  return testRemote<AmoCredentials>(amocrm, { ...opts, credentials }) as TestAmoRemote;
}

/** Requests the simulator saw for a method and path (`/api/v4/leads/notes`). */
export function requestsTo(sim: AmoSimulator, method: string, path: string): number {
  return sim.stats.requests.filter((r) => r.method === method && r.path === path).length;
}
