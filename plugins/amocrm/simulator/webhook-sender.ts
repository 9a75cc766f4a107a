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
  timeoutMs?: number;
}

// amoCRM waits 2 s for an answer; anything slower counts as an invalid response.
const DEFAULT_TIMEOUT_MS = 2000;

export function createWebhookSender(o: WebhookSenderOptions): WebhookSender {
  const deliveries: AmoDelivery[] = [];
  const pending = new Set<Promise<void>>();
  const inFlight = new Set<http.ClientRequest>();
  const timeoutMs = o.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  let closed = false;

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

  async function deliver(url: string, body: string): Promise<void> {
    for (let i = 0; i <= o.retries && !closed; i++) {
      const d = await attempt(url, body);
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
    },
  };
}
