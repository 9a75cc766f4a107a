import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountKey } from '../connection/credentials.schema.ts';
import lptracker from '../index.ts';
import type { LptSimulator } from '../simulator/lpt-simulator.ts';
import { lptList } from './lpt-client.ts';
import { simRemote, startSim } from './lpt-test-kit.ts';

let sim: LptSimulator;

beforeAll(async () => {
  sim = await startSim();
});
afterAll(() => sim.close());

describe('3 requests per second', () => {
  it('15 concurrent calls of one process (login included) never exceed 3 in any second, and none is refused', async () => {
    const remote = simRemote(sim);
    const results = await Promise.all(Array.from({ length: 15 }, (_, i) => lptList(remote, i % 2 ? '/staff' : '/projects')));
    expect(results.every((r) => r.length > 0)).toBe(true);
    expect(sim.stats.requests).toHaveLength(16);
    expect(sim.stats.requests[0]!.path).toBe('/login');
    expect(sim.stats.peakRequestsPerSecond()).toBeLessThanOrEqual(3);
    expect(sim.stats.requests.filter((r) => r.code !== 200)).toEqual([]);
  });

  it('is shared by every connection to one account: the limiter key is the account, not the connection', () => {
    const key = lptracker.connection!.rateLimit!.key!;
    const a = { login: 'Sales@Example.ru', password: 'x', service: 'a', baseUrl: 'https://direct.lptracker.ru/' };
    expect(key(a)).toBe(key({ ...a, login: ' sales@example.ru', service: 'b', token: 't' }));
    expect(key(a)).toBe(accountKey({ login: 'sales@example.ru' }));
    expect(key(a)).not.toBe(key({ ...a, login: 'other@example.ru' }));
    expect(lptracker.connection!.rateLimit!.perSecond).toBe(3);
  });
});
