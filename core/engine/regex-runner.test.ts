import { describe, expect, it } from 'vitest';
import { applyOperator } from '../graph/condition-operators.ts';
import { installRegexTimeout } from './regex-runner.ts';

describe('regex condition time limit', () => {
  it('stops a catastrophically backtracking pattern within milliseconds', () => {
    installRegexTimeout();
    expect(applyOperator('regex', 'abc-123', '\\d+', false)).toBe(true);
    const started = Date.now();
    expect(() => applyOperator('regex', '1'.repeat(9000), '\\d+\\d+x', true)).toThrow(/остановлено/);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
