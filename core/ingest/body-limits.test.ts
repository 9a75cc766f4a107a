import { describe, expect, it } from 'vitest';
import { jsonDepthExceeds } from './body-limits.ts';

describe('jsonDepthExceeds', () => {
  it('counts brackets outside strings only', () => {
    expect(jsonDepthExceeds('{"a":{"b":[1,2,{"c":3}]}}', 4)).toBe(false);
    expect(jsonDepthExceeds('{"a":{"b":[1,2,{"c":3}]}}', 3)).toBe(true);
    expect(jsonDepthExceeds('{"a":"[[[[[[[[[[[[\\"[[["}', 2)).toBe(false);
  });

  it('flags 6,000 levels at once, in linear time', () => {
    const deep = '['.repeat(6000) + ']'.repeat(6000);
    const started = performance.now();
    expect(jsonDepthExceeds(deep)).toBe(true);
    expect(performance.now() - started).toBeLessThan(50);
    expect(jsonDepthExceeds('['.repeat(64) + ']'.repeat(64))).toBe(false);
    expect(jsonDepthExceeds('['.repeat(65) + ']'.repeat(65))).toBe(true);
  });
});
