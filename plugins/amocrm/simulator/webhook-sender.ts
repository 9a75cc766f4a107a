import http from 'node:http';
import https from 'node:https';
import { performance } from 'node:perf_hooks';
import type { AmoDelivery, AmoState, AmoWebhookEvent } from './sim-types.ts';
import { buildWebhookBody } from './webhook-format.ts';

export interface WebhookSender {
  /** Fans the events of one change out to every matching subscriber, without waiting. */
  dispatch(events: AmoWebhookEvent[]): void;
  flush(): Promise<void>;
  close(): void;
  readonly deliveries: AmoDelivery[];
}

export interface WebhookSenderOptions {
  state: AmoState;
  /** The account URL put into `account[_links][self]`. */
  selfUrl: () => string;
  retries: number;
  /** Pause before each retry, the last repeated (amoCRM: about 5 min, 15 min, 15 min, 1 h). */
  retryDelaysMs?: number[];
  timeoutMs?: number;
  /** Deliveries in flight at once, over all subscribers; unset = no limit (every change at once). */
  concurrency?: number;
}

// amoCRM waits 2 s for an answer; anything slower counts as an invalid response.
const DEFAULT_TIMEOUT_MS = 2000;

export function createWebhookSender(o: WebhookSenderOptions): WebhookSender {
  const deliveries: AmoDelivery[] = [];
  const pending = new Set<Promise<void>>();
  const inFlight = new Set<http.ClientRequest>();
  const timeoutMs = o.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  let closed = false;
  const delays = o.retryDelaysMs ?? [];
  const waiting = new Map<NodeJS.Timeout, () => void>();
  // A pause that close() cuts short, so a closing simulator never waits out an hour-long retry.
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(() => {
        waiting.delete(t);
        resolve();
      }, ms);
      waiting.set(t, resolve);
    });

  function attempt(url: string, body: string): Promise<AmoDelivery> {
    return new Promise((resolve) => {
      let settled = false;
      const finish = (status: number | null) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        inFlight.delete(req);
        const ok = status !== null && status >= 100 && status <= 299;
        resolve({ url, body, status, ok, at: performance.now() });
      };
      let target: URL;
      try {
        target = new URL(url);
      } catch {
        resolve({ url, body, status: null, ok: false, at: performance.now() });
        return;
      }
      const lib = target.protocol === 'https:' ? https : http;
      const req = lib.request(target, {
        method: 'POST',
        agent: false,
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'content-length': Buffer.byteLength(body),
          'user-agent': 'amoCRM-WebHook-client/1.0',
        },
      });
      inFlight.add(req);
      const timer = setTimeout(() => {
        finish(null);
        req.destroy();
      }, timeoutMs);
      req.on('response', (res) => {
        finish(res.statusCode ?? null);
        res.resume();
      });
      req.on('error', () => finish(null));
      req.end(body);
    });
  }

  // A sender's pool of connections: a delivery waits for a free one (in order of the changes).
  let busy = 0;
  const queue: (() => void)[] = [];
  async function limited(url: string, body: string): Promise<AmoDelivery> {
    if (o.concurrency && busy >= o.concurrency) await new Promise<void>((resolve) => queue.push(resolve));
    if (closed) return { url, body, status: null, ok: false, at: performance.now() };
    busy++;
    try {
      return await attempt(url, body);
    } finally {
      busy--;
      queue.shift()?.();
    }
  }

  async function deliver(url: string, body: string): Promise<void> {
    for (let i = 0; i <= o.retries && !closed; i++) {
      if (i > 0 && delays.length > 0) await pause(delays[Math.min(i - 1, delays.length - 1)]!);
      if (closed) return;
      const d = await limited(url, body);
      deliveries.push(d);
      if (d.ok) return;
    }
  }

  function track(p: Promise<void>): void {
    const tracked = p.finally(() => pending.delete(tracked));
    pending.add(tracked);
  }

  return {
    deliveries,
    dispatch(events) {
      if (events.length === 0 || closed) return;
      const hooks = [...o.state.webhooks].filter((w) => !w.disabled).sort((a, b) => a.sort - b.sort);
      for (const hook of hooks) {
        const matching = events.filter((e) => hook.settings.includes(e.setting));
        if (matching.length === 0) continue;
        // Built now, not at send time: the body reflects the entity as it was at this change.
        const body = buildWebhookBody(matching, o.state.account, o.selfUrl());
        // setImmediate: the API answer goes out before the first delivery starts.
        track(new Promise<void>((r) => setImmediate(r)).then(() => deliver(hook.destination, body)));
      }
    },
    async flush() {
      while (pending.size > 0) await Promise.all([...pending]);
    },
    close() {
      closed = true;
      for (const req of inFlight) req.destroy();
      for (const next of queue.splice(0)) next();
      for (const [t, wake] of waiting) {
        clearTimeout(t);
        wake();
      }
    },
  };
}
