import http from 'node:http';
import https from 'node:https';
import type { LptDelivery } from './sim-types.ts';

export interface WebhookSenderOptions {
  /** Raw JSON body instead of the form field `data` that the real service appears to use. */
  jsonBody: boolean;
  now: () => number;
  timeoutMs?: number;
}

/**
 * Fire-and-forget delivery, like LPTracker: no signature, no retries. Deliveries to one URL keep
 * their order (a create must not overtake its stage move) and each outcome is recorded.
 */
export class WebhookSender {
  readonly deliveries: LptDelivery[] = [];
  private chains = new Map<string, Promise<void>>();

  constructor(private readonly opts: WebhookSenderOptions) {}

  send(url: string, payload: object): void {
    const json = JSON.stringify(payload);
    const body = this.opts.jsonBody ? json : new URLSearchParams({ data: json }).toString();
    const contentType = this.opts.jsonBody ? 'application/json' : 'application/x-www-form-urlencoded';
    const prev = this.chains.get(url) ?? Promise.resolve();
    const next = prev.then(() => this.deliver(url, body, contentType));
    this.chains.set(url, next);
    void next.finally(() => {
      if (this.chains.get(url) === next) this.chains.delete(url);
    });
  }

  /** Resolves once every queued delivery has its outcome recorded. */
  async flush(): Promise<void> {
    while (this.chains.size > 0) await Promise.all([...this.chains.values()]);
  }

  private deliver(url: string, body: string, contentType: string): Promise<void> {
    const at = this.opts.now();
    const record = (status: number | null) =>
      this.deliveries.push({ url, body, contentType, status, ok: status !== null && status >= 200 && status < 300, at });
    return new Promise<void>((resolve) => {
      let done = false;
      const finish = (status: number | null) => {
        if (done) return;
        done = true;
        record(status);
        resolve();
      };
      let target: URL;
      try {
        target = new URL(url);
      } catch {
        finish(null);
        return;
      }
      const lib = target.protocol === 'https:' ? https : http;
      const req = lib.request(target, {
        method: 'POST',
        headers: { 'content-type': contentType, 'content-length': Buffer.byteLength(body), 'user-agent': 'LPTracker-Simulator/1.0' },
        timeout: this.opts.timeoutMs ?? 5000,
      }, (res) => {
        res.resume();
        res.on('end', () => finish(res.statusCode ?? null));
        res.on('error', () => finish(res.statusCode ?? null));
      });
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', () => finish(null));
      req.end(body);
    });
  }
}
