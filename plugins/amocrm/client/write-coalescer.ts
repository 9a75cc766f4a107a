/**
 * Concurrent runs writing to one account share requests: the items of many runs (notes, lead
 * changes) go out in one batch request of up to 250. Per account and kind there is at most one
 * batch in flight; while it waits for the rate limiter or for AmoCRM, new items gather for the
 * next one. Each caller gets its own item's result or error.
 *
 * The state is per process, keyed by connection and account: it only ever holds items in transit.
 */
import type { AmoRemote } from './amo-remote.ts';
import type { Settled } from './batch-write.ts';
import { apiBase } from '../connection/credentials.schema.ts';

export interface WriteKind<I, R> {
  /** e.g. `notes:leads`, `leads:patch`. */
  name: string;
  /** Items per request (AmoCRM: 250). */
  max: number;
  /** Items with the same key never share a batch, so two changes of one lead keep their order. */
  conflictKey?(item: I): string;
  send(remote: AmoRemote, items: I[]): Promise<Settled<R>[]>;
}

interface Waiting<I, R> {
  item: I;
  remote: AmoRemote;
  resolve(value: R): void;
  reject(err: unknown): void;
}

interface Lane {
  queue: Waiting<any, any>[];
  busy: boolean;
}

const lanes = new Map<string, Lane>();

/** Batches sent so far per kind, for tests and the benchmark's «notes per request». */
export const coalescerStats = { batches: new Map<string, number>(), items: new Map<string, number>() };

export function submitWrite<I, R>(remote: AmoRemote, kind: WriteKind<I, R>, item: I): Promise<R> {
  const key = `${kind.name}\n${remote.id}\n${apiBase(remote.credentials)}`;
  let lane = lanes.get(key);
  if (!lane) {
    lane = { queue: [], busy: false };
    lanes.set(key, lane);
  }
  const l = lane;
  return new Promise<R>((resolve, reject) => {
    l.queue.push({ item, remote, resolve, reject });
    if (!l.busy) {
      l.busy = true;
      // One macrotask of gathering: the runs that reach this point together share the first batch.
      setImmediate(() => void drain(key, l, kind));
    }
  });
}

function takeBatch<I, R>(lane: Lane, kind: WriteKind<I, R>): Waiting<I, R>[] {
  const batch: Waiting<I, R>[] = [];
  const keys = new Set<string>();
  const rest: Waiting<I, R>[] = [];
  for (const w of lane.queue as Waiting<I, R>[]) {
    const k = kind.conflictKey?.(w.item);
    if (batch.length >= kind.max || (k !== undefined && keys.has(k))) {
      rest.push(w);
      continue;
    }
    if (k !== undefined) keys.add(k);
    batch.push(w);
  }
  lane.queue = rest;
  return batch;
}

async function drain<I, R>(key: string, lane: Lane, kind: WriteKind<I, R>): Promise<void> {
  while (lane.queue.length > 0) {
    const batch = takeBatch(lane, kind);
    coalescerStats.batches.set(kind.name, (coalescerStats.batches.get(kind.name) ?? 0) + 1);
    coalescerStats.items.set(kind.name, (coalescerStats.items.get(kind.name) ?? 0) + batch.length);
    let results: Settled<R>[];
    try {
      results = await kind.send(batch[0]!.remote, batch.map((w) => w.item));
    } catch (err) {
      results = batch.map(() => ({ ok: false, error: err }));
    }
    batch.forEach((w, i) => {
      const r = results[i];
      if (r?.ok) w.resolve(r.value);
      else w.reject(r ? r.error : new Error('batch result missing'));
    });
  }
  lane.busy = false;
  lanes.delete(key);
}
