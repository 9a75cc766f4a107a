/**
 * Russian phone numbers to E.164 (`+7XXXXXXXXXX`).
 *
 * CRMs and web forms send the same number as `8 (918) 123-45-67`, `+7 918 123 45 67`,
 * `79181234567` or `9181234567`; comparing or sending them requires one canonical form.
 */

/** Separators people type inside a number; anything else (letters, `доб.`) makes it "not a phone". */
const ALLOWED = /^\+?[\d\s()\-.]+$/;

/**
 * The first digit of a Russian national number: 3, 4, 8 (geographic and 8-800) or 9 (mobile).
 * `+7 7xx` belongs to Kazakhstan, so it is not treated as Russian.
 */
const RUSSIAN_NATIONAL = /^[3489]\d{9}$/;

/** `+79181234567`, or null when the input is not a valid Russian number. */
export function normalizePhone(input: unknown): string | null {
  if (typeof input === 'number') {
    if (!Number.isSafeInteger(input) || input <= 0) return null;
    input = String(input);
  }
  if (typeof input !== 'string') return null;
  const raw = input.trim();
  if (raw === '' || !ALLOWED.test(raw)) return null;
  const plus = raw.startsWith('+');
  const digits = raw.replace(/\D/g, '');
  let national: string;
  if (plus) {
    // With a `+`, only the +7 country code is Russian; `+8…` is not a valid international number.
    if (digits.length !== 11 || digits[0] !== '7') return null;
    national = digits.slice(1);
  } else if (digits.length === 11 && (digits[0] === '7' || digits[0] === '8')) {
    national = digits.slice(1);
  } else if (digits.length === 10) {
    national = digits;
  } else {
    return null;
  }
  return RUSSIAN_NATIONAL.test(national) ? `+7${national}` : null;
}

/** The template filter: E.164 for Russian numbers, the trimmed input otherwise (never loses data). */
export function formatPhone(input: unknown): unknown {
  if (input === undefined || input === null) return input;
  const normalized = normalizePhone(input);
  if (normalized) return normalized;
  return typeof input === 'string' ? input.trim() : input;
}
