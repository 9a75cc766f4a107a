import { describe, expect, it } from 'vitest';
import { formatDmyHi, formatDmyHis, formatHi, parseDmy } from './dates.ts';

describe('LPTracker dates (Moscow time, no zone in the text)', () => {
  const ms = Date.UTC(2020, 5, 25, 11, 5, 9); // 14:05:09 in Moscow

  it('formats d.m.Y H:i, d.m.Y H:i:s and H:i', () => {
    expect(formatDmyHi(ms)).toBe('25.06.2020 14:05');
    expect(formatDmyHis(ms)).toBe('25.06.2020 14:05:09');
    expect(formatHi(ms)).toBe('14:05');
  });

  it('parses what it formats, plus two-digit years; rejects impossible dates', () => {
    expect(parseDmy('25.06.2020 14:05')).toBe(Date.UTC(2020, 5, 25, 11, 5));
    expect(parseDmy('25.06.2020 14:05:09')).toBe(ms);
    expect(parseDmy('25.06.20')).toBe(Date.UTC(2020, 5, 24, 21, 0));
    expect(parseDmy('31.02.2020 10:00')).toBeUndefined();
    expect(parseDmy('2020-06-25 14:05')).toBeUndefined();
  });
});
