/** Test helpers: the plugin's simulator and a connection to it through the SDK's test kit. */
import { startSimulator, testRemote, type TestRemoteOptions } from '../../../core/sdk/testing.ts';
import amocrm from '../index.ts';
import type { AmoSimulator, AmoSimulatorOptions } from '../simulator/amo-simulator.ts';
import type { AmoCredentials } from '../connection/credentials.schema.ts';
import type { AmoRemote } from './amo-remote.ts';
import { startLossyProxy, type LossyProxy } from './lossy-proxy.ts';

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

export type LossyRig = { sim: AmoSimulator; proxy: LossyProxy; remote: TestAmoRemote; lossy: TestAmoRemote; close(): Promise<void> };

/**
 * A simulator with two connections to one account sharing one limit: `remote` direct, `lossy`
 * through a proxy that can lose answers (writes whose answer never comes back). Both warmed up.
 */
export async function startLossyRig(lossyId: string): Promise<LossyRig> {
  const sim = await startSim();
  const proxy = await startLossyProxy(sim.url);
  const token = sim.issueLongLivedToken();
  const limiter = sharedLimiter({ oneBucket: true });
  const remote = tokenRemote(sim, token, { limiter });
  const credentials: AmoCredentials = { authType: 'token', subdomain: sim.subdomain, accessToken: token, baseUrl: proxy.url };
  const lossy = testRemote<AmoCredentials>(amocrm, { credentials, id: lossyId, limiter }) as TestAmoRemote;
  await remote.metadata();
  await lossy.metadata();
  return {
    sim,
    proxy,
    remote,
    lossy,
    async close() {
      await proxy.close();
      await sim.close();
    },
  };
}
