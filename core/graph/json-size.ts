/**
 * About how many characters `JSON.stringify(value)` would produce, counted without building the
 * string and without walking further than needed: the walk stops as soon as the count passes
 * `cap` and returns a number above it. Budgets use it to refuse a huge value before it is copied.
 */
export function jsonSizeUpTo(value: unknown, cap: number): number {
  let size = 0;
  const stack: unknown[] = [value];
  let visited = 0;
  while (stack.length > 0) {
    const v = stack.pop();
    if (++visited > 1_000_000) return cap + 1; // a pathological shape: treat as too big
    if (v === null || v === undefined) size += 4;
    else if (typeof v === 'string') size += v.length + 2;
    else if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') size += String(v).length;
    else if (v instanceof Date) size += 26;
    else if (Array.isArray(v)) {
      size += 2 + v.length;
      for (let i = v.length - 1; i >= 0; i--) stack.push(v[i]);
    } else if (typeof v === 'object') {
      size += 2;
      for (const key of Object.keys(v)) {
        size += key.length + 4;
        stack.push((v as Record<string, unknown>)[key]);
        if (size > cap) return size;
      }
    }
    if (size > cap) return size;
  }
  return size;
}
