/**
 * Reading values out of a remote service's payload (webhook bodies, API answers). Types are mixed
 * in practice (ids as numbers or strings, flags as 0/1, "1" or booleans, form bodies give every
 * leaf as a string) and a hostile sender may put anything anywhere, so every reader accepts
 * `unknown` and never throws. Shared by every CRM plugin, so each reads payloads the same way.
 */

export type Dict = Record<string, unknown>;

export function isDict(value: unknown): value is Dict {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A key of the object itself: `constructor` or `__proto__` in a payload never reach the prototype. */
export function own(obj: Dict, key: string): unknown {
  return Object.hasOwn(obj, key) ? obj[key] : undefined;
}

/** A dictionary assignment that keeps a `__proto__` key as data instead of changing the prototype. */
export function setOwn<T>(obj: Record<string, T>, key: string, value: T): void {
  if (key === '__proto__') Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  else obj[key] = value;
}

/** Text of a string, a finite number or a flag (`1`/`0`, as forms send them); null otherwise. */
export function str(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'boolean') return value ? '1' : '0';
  return null;
}

/** A non-empty trimmed string, or null. */
export function nonEmpty(value: unknown): string | null {
  const s = str(value)?.trim();
  return s ? s : null;
}

/** A safe integer from a number or digits (at most 16); null otherwise. */
export function int(value: unknown): number | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? value : null;
  if (typeof value !== 'string') return null;
  const s = value.trim();
  if (!/^-?\d{1,16}$/.test(s)) return null;
  const n = Number(s);
  return Number.isSafeInteger(n) ? n : null;
}

/** CRM ids are positive integers; anything else means "no id". */
export function positiveInt(value: unknown): number | null {
  const n = int(value);
  return n !== null && n > 0 ? n : null;
}

/** A number from `450`, `"450"`, `"1 250,50"`; null for empty or non-numeric text. */
export function num(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string') return null;
  const s = value.replace(/[\s\u00a0]/g, '').replace(',', '.');
  if (!/^-?\d+(?:\.\d+)?$/.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

/** A flag: `true`, `1`, `"1"`, `"true"`; anything else is false. */
export function bool(value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  const text = str(value)?.trim().toLowerCase();
  return text === '1' || text === 'true';
}

/** cyrb53: a short stable hash for dedupe keys of items without a timestamp (not cryptographic). */
export function hash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}
