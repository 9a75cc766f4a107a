/** Test helpers: the plugin's simulator, a connection to it through the SDK's test kit, a webhook receiver. */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { startSimulator, testRemote, type TestRemoteOptions } from '../../../core/sdk/testing.ts';
import type { LptCredentials } from '../connection/credentials.schema.ts';
import lptracker from '../index.ts';
import type { LptSimulator, LptSimulatorOptions } from '../simulator/lpt-simulator.ts';
import type { LptRemote } from './lpt-remote.ts';

export async function startSim(opts: LptSimulatorOptions = {}): Promise<LptSimulator> {
  return startSimulator(lptracker, opts as Record<string, unknown>);
}

type Limiter = NonNullable<TestRemoteOptions['limiter']>;

/** No pacing at all: for tests of behaviour against a simulator whose own limit is off. */
export const noLimit: Limiter = { take: async () => {} };

export type TestLptRemote = LptRemote & { refreshes: number };

/**
 * A connection to the simulator's account. Each gets its own connection id (the client keeps its
 * per-process login state by connection), and the plugin's own 3/s limit unless `limiter` says otherwise.
 */
export function simRemote(sim: LptSimulator, opts: Partial<TestRemoteOptions> & { credentials?: Partial<LptCredentials> } = {}): TestLptRemote {
  const credentials: LptCredentials = { login: sim.login, password: sim.password, service: 'Тесты', baseUrl: sim.url, ...opts.credentials };
  return testRemote<LptCredentials>(lptracker, { id: randomUUID(), ...opts, credentials }) as TestLptRemote;
}

/** Requests the simulator saw for a method and path. */
export function requestsTo(sim: LptSimulator, method: string, path: string): number {
  return sim.stats.requests.filter((r) => r.method === method && r.path === path).length;
}

export interface HookReceiver {
  url: string;
  received: { contentType: string; body: string }[];
  close(): Promise<void>;
}

/** Where the simulator delivers webhooks: answers 200 and keeps what came. */
export async function startHookReceiver(): Promise<HookReceiver> {
  const received: HookReceiver['received'] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ contentType: req.headers['content-type'] ?? '', body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/lpt-test`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
