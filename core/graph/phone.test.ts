import { describe, expect, it } from 'vitest';
import { formatPhone, normalizePhone } from './phone.ts';

describe('normalizePhone', () => {
  it.each([
    ['8 (918) 123-45-67', '+79181234567'],
    ['+7 918 123 45 67', '+79181234567'],
    ['79181234567', '+79181234567'],
    ['9181234567', '+79181234567'],
    ['  +7(918)1234567 ', '+79181234567'],
    ['8.918.123.45.67', '+79181234567'],
    ['8 800 555-35-35', '+78005553535'],
    ['(495) 123-45-67', '+74951234567'],
    ['8\u00a0918\u00a0123\u00a045\u00a067', '+79181234567'],
    [79181234567, '+79181234567'],
    [9181234567, '+79181234567'],
  ])('%j → %s', (input, expected) => {
    expect(normalizePhone(input)).toBe(expected);
  });

  it.each([
    ['+380 44 123 45 67'], // Ukraine
    ['+7 701 123 45 67'], // Kazakhstan shares +7
    ['+8 918 123 45 67'],
    ['918123456'], // too short
    ['891812345678'], // too long
    ['1234567890'],
    ['8 918 123-45-67 доб. 12'],
    ['тел 89181234567'],
    ['+'],
    [''],
    [null],
    [undefined],
    [{}],
    [-79181234567],
    [1.5],
  ])('%j → null', (input) => {
    expect(normalizePhone(input)).toBeNull();
  });
});

describe('formatPhone (the filter)', () => {
  it.each([
    ['8 (918) 123-45-67', '+79181234567'],
    ['  +380 44 123 45 67 ', '+380 44 123 45 67'],
    ['не телефон', 'не телефон'],
    [null, null],
    [undefined, undefined],
    [12, 12],
  ])('%j → %j', (input, expected) => {
    expect(formatPhone(input)).toBe(expected);
  });
});
