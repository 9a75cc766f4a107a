import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AmoSimulator } from './amo-simulator.ts';

// Helpers for tests that talk to the simulator over real HTTP.

export interface ApiResponse {
  status: number;
  headers: Headers;
  text: string;
  /** Parsed JSON body, or undefined for an empty or non-JSON body. */
  json: any;
}

export type ApiCall = (method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<ApiResponse>;

/** A fetch wrapper bound to one simulator and bearer token (pass null for no Authorization). */
export function apiClient(sim: AmoSimulator, token: string | null): ApiCall {
  return async (method, path, body, headers = {}) => {
    const h: Record<string, string> = { ...headers };
    if (token !== null) h.authorization = `Bearer ${token}`;
    let payload: string | undefined;
    if (body !== undefined) {
      payload = typeof body === 'string' ? body : JSON.stringify(body);
      h['content-type'] ??= 'application/json';
    }
    const res = await fetch(sim.url + path, { method, headers: h, body: payload, redirect: 'manual' });
    const text = await res.text();
    let json: any;
    try {
      json = text === '' ? undefined : JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: res.status, headers: res.headers, text, json };
  };
}

export interface ReceivedHook {
  body: string;
  headers: http.IncomingHttpHeaders;
  /** Decoded form pairs in order, keys exactly as sent (PHP bracket keys). */
  pairs: [string, string][];
  get(key: string): string | undefined;
}

export interface HookReceiver {
  url: string;
  received: ReceivedHook[];
  /** Status to answer with (default 200) and optional delay before answering. */
  respond: { status: number; delayMs: number };
  close(): Promise<void>;
}

export async function startHookReceiver(): Promise<HookReceiver> {
  const received: ReceivedHook[] = [];
  const respond = { status: 200, delayMs: 0 };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const pairs = [...new URLSearchParams(body).entries()];
      received.push({ body, headers: req.headers, pairs, get: (k) => pairs.find(([key]) => key === k)?.[1] });
      setTimeout(() => {
        res.writeHead(respond.status);
        res.end('ok');
      }, respond.delayMs);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    respond,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
