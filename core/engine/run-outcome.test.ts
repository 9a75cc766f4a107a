import { describe, expect, it } from 'vitest';
import { decideOutcome } from './run-outcome.ts';

const err = { code: 'HTTP_SERVER_ERROR', message: 'Сервер ответил 503' };

describe('decideOutcome', () => {
  it('settles success and user errors at once', () => {
    expect(decideOutcome({ status: 'succeeded', error: null }, { attempts: 1, maxAttempts: 8 }, 1000)).toEqual({ status: 'succeeded', error: null });
    expect(decideOutcome({ status: 'failed', error: err }, { attempts: 1, maxAttempts: 8 }, 1000).status).toBe('failed');
  });

  it('requeues a transient failure with backoff and jitter while attempts remain', () => {
    const o = decideOutcome({ status: 'retry', error: err }, { attempts: 3, maxAttempts: 8 }, 1000, 0, () => 1);
    expect(o.status).toBe('queued');
    expect(o.delayMs).toBe(4000);
    expect(o.requeueAt?.getTime()).toBe(4000);
  });

  it('respects the remote Retry-After hint', () => {
    const o = decideOutcome({ status: 'retry', error: err, retryAfterMs: 30_000 }, { attempts: 1, maxAttempts: 8 }, 1000, 0, () => 0);
    expect(o.delayMs).toBe(30_000);
  });

  it('fails when the attempts are spent, saying how many', () => {
    const o = decideOutcome({ status: 'retry', error: err }, { attempts: 8, maxAttempts: 8 }, 1000);
    expect(o).toEqual({ status: 'failed', error: { ...err, message: 'Сервер ответил 503 (попыток: 8)' } });
  });

  it('writes only the steps of a cancelled run', () => {
    expect(decideOutcome({ status: 'cancelled', error: null }, { attempts: 1, maxAttempts: 8 }, 1000)).toEqual({ status: null });
  });
});
