import { describe, expect, it } from 'vitest';
import { backoffMs } from './backoff.ts';

describe('backoffMs', () => {
  it('doubles per attempt within a 50–100 % jitter band', () => {
    expect(backoffMs(1, 1000, { random: () => 1 })).toBe(1000);
    expect(backoffMs(3, 1000, { random: () => 1 })).toBe(4000);
    expect(backoffMs(3, 1000, { random: () => 0 })).toBe(2000);
  });
  it('is capped and honours Retry-After', () => {
    expect(backoffMs(30, 1000, { random: () => 1, capMs: 60_000 })).toBe(60_000);
    expect(backoffMs(1, 1000, { random: () => 1, hintMs: 5000 })).toBe(5000);
  });
});
