import { describe, expect, it } from 'vitest';
import { formatDate, parseDate } from './dates.ts';

const utc = (iso: string) => Date.parse(iso);

describe('parseDate', () => {
  it.each([
    ['2024-05-01T10:00:00Z', utc('2024-05-01T10:00:00Z')],
    ['2024-05-01T10:00:00.5Z', utc('2024-05-01T10:00:00.500Z')],
    ['2024-05-01T13:00:00+03:00', utc('2024-05-01T10:00:00Z')],
    ['2024-05-01T13:00:00+0300', utc('2024-05-01T10:00:00Z')],
    ['2024-05-01 05:00:00-05:00', utc('2024-05-01T10:00:00Z')],
    // No offset: Moscow time.
    ['2024-05-01T13:00:00', utc('2024-05-01T10:00:00Z')],
    ['2024-05-01', utc('2024-04-30T21:00:00Z')],
    ['01.05.2024', utc('2024-04-30T21:00:00Z')],
    ['1.5.2024 13:00', utc('2024-05-01T10:00:00Z')],
    ['01.05.2024 13:00:30', utc('2024-05-01T10:00:30Z')],
    [1714557600, utc('2024-05-01T10:00:00Z')],
    [1714557600000, utc('2024-05-01T10:00:00Z')],
    ['1714557600', utc('2024-05-01T10:00:00Z')],
    [new Date('2024-05-01T10:00:00Z'), utc('2024-05-01T10:00:00Z')],
  ])('%j', (input, expected) => {
    expect(parseDate(input)).toBe(expected);
  });

  it.each([['31.02.2024'], ['2024-13-01'], ['вчера'], [''], [null], [undefined], [NaN], [new Date('x')], [{}], ['01.05.24']])(
    '%j → null',
    (input) => {
      expect(parseDate(input)).toBeNull();
    },
  );
});

describe('formatDate', () => {
  const ms = utc('2024-01-02T21:04:05Z'); // 03.01.2024 00:04:05 in Moscow
  it.each([
    ['DD.MM.YYYY', '03.01.2024'],
    ['DD.MM.YYYY HH:mm:ss', '03.01.2024 00:04:05'],
    ['YYYY-MM-DD', '2024-01-03'],
    ['в HH:mm', 'в 00:04'],
  ])('%s → %s', (pattern, expected) => {
    expect(formatDate(ms, pattern)).toBe(expected);
  });
});
