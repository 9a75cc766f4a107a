import { describe, expect, it } from 'vitest';
import { TokenBuckets } from './token-bucket.ts';

describe('TokenBuckets', () => {
  it('admits a burst, then the rate, per key', () => {
    let now = 0;
    const b = new TokenBuckets(10, 3, () => now);
    expect([b.take('a'), b.take('a'), b.take('a')]).toEqual([0, 0, 0]);
    expect(b.take('a')).toBe(1);
    expect(b.take('b')).toBe(0);
    now += 100; // one token refilled
    expect(b.take('a')).toBe(0);
    expect(b.take('a')).toBeGreaterThan(0);
  });

  it('refunds a token', () => {
    const b = new TokenBuckets(1, 1, () => 0);
    expect(b.take('a')).toBe(0);
    b.refund('a');
    expect(b.take('a')).toBe(0);
  });
});
