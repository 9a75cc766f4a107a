import { describe, expect, it } from 'vitest';
import { jsonSizeUpTo } from './json-size.ts';

describe('jsonSizeUpTo', () => {
  it('is close to the JSON length', () => {
    const value = { name: 'Иван', items: [1, 2, { deep: 'x'.repeat(100) }], ok: true, none: null };
    const real = JSON.stringify(value).length;
    expect(Math.abs(jsonSizeUpTo(value, 1e9) - real)).toBeLessThan(10);
  });

  it('stops early past the cap', () => {
    const big = 'x'.repeat(400_000);
    const shared = Array.from({ length: 12_000 }, () => big); // 4.8 G characters if serialised
    const started = performance.now();
    expect(jsonSizeUpTo(shared, 1_000_000)).toBeGreaterThan(1_000_000);
    expect(performance.now() - started).toBeLessThan(50);
  });
});
