import { describe, expect, it } from 'vitest';
import type { JobHelpers } from 'graphile-worker';
import pino from 'pino';
import { createMetrics } from '../metrics.ts';
import type { RunLifecycle } from './task.ts';
import { CRASH_REASON, wrapTask } from './task-wrapper.ts';
import { dispatchEventsTask } from './tasks/dispatch-events.task.ts';
import { executeRunTask } from './tasks/execute-run.task.ts';

const ids = ['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002'];
const RUN = '00000000-0000-4000-8000-0000000000aa';

function harness(opts: { throwing?: unknown; dbUp?: boolean } = {}) {
  const calls: string[] = [];
  const lifecycle: RunLifecycle = {
    dispatchEvents: async (e) => {
      calls.push(`dispatch:${e.length}`);
      if (opts.throwing) throw opts.throwing;
    },
    executeRun: async () => {
      calls.push('execute');
      if (opts.throwing) throw opts.throwing;
    },
    failEvents: async (e, reason) => void calls.push(`failEvents:${e.length}:${reason}`),
    failRun: async (_r, reason) => void calls.push(`failRun:${reason}`),
    splitDispatch: async (e, crashes) => void calls.push(`split:${e.length}:${crashes}`),
    sweepOrphans: async () => {},
    purgeExpired: async () => {},
  };
  const pool = { query: async () => (opts.dbUp === false ? Promise.reject(new Error('down')) : { rows: [] }) } as never;
  const deps = { pool, logger: pino({ level: 'silent' }), metrics: createMetrics(), lifecycle };
  const job = (attempts: number, lastError: string | null) =>
    ({ job: { id: '1', attempts, last_error: lastError }, abortSignal: new AbortController().signal }) as unknown as JobHelpers;
  return { calls, deps, job };
}

describe('wrapTask', () => {
  it('runs a job on its first attempt', async () => {
    const h = harness();
    await wrapTask(dispatchEventsTask, h.deps)({ eventIds: ids }, h.job(1, null));
    expect(h.calls).toEqual(['dispatch:2']);
  });

  it('throws an outage back to graphile-worker (retried), and fails the subjects of a bug at once', async () => {
    const outage = harness({ throwing: Object.assign(new Error('x'), { code: 'ECONNREFUSED' }) });
    await expect(wrapTask(dispatchEventsTask, outage.deps)({ eventIds: ids }, outage.job(1, null))).rejects.toThrow();
    const down = harness({ throwing: new Error('Connection terminated unexpectedly'), dbUp: false });
    await expect(wrapTask(executeRunTask, down.deps)({ runId: RUN }, down.job(1, null))).rejects.toThrow();
    const bug = harness({ throwing: new TypeError('boom') });
    await wrapTask(executeRunTask, bug.deps)({ runId: RUN }, bug.job(1, null));
    expect(bug.calls[1]).toMatch(/^failRun:Внутренняя ошибка/);
  });

  it('splits a batch whose previous attempt took the process down, carrying the count', async () => {
    const h = harness();
    await wrapTask(dispatchEventsTask, h.deps)({ eventIds: ids }, h.job(2, null));
    expect(h.calls).toEqual(['split:2:1']);
  });

  it('runs a single event that crashed once again, and quarantines it after the second crash', async () => {
    const once = harness();
    await wrapTask(dispatchEventsTask, once.deps)({ eventIds: [ids[0]!], crashes: 1 }, once.job(1, null));
    expect(once.calls).toEqual(['dispatch:1']);
    const twice = harness();
    await wrapTask(dispatchEventsTask, twice.deps)({ eventIds: [ids[0]!], crashes: 1 }, twice.job(2, null));
    expect(twice.calls).toEqual([`failEvents:1:${CRASH_REASON}`]);
    const run = harness();
    await wrapTask(executeRunTask, run.deps)({ runId: RUN }, run.job(3, null));
    expect(run.calls).toEqual([`failRun:${CRASH_REASON}`]);
  });

  it('does not count an attempt that recorded an error as a crash', async () => {
    const h = harness();
    await wrapTask(executeRunTask, h.deps)({ runId: RUN }, h.job(3, 'database went away'));
    expect(h.calls).toEqual(['execute']);
  });
});
