/** What a request body or query string can hold after JSON.parse / qs.parse. */
export type Json = string | number | boolean | null | Json[] | JsonObject;
export interface JsonObject { [key: string]: Json | undefined }

export function asObject(v: Json | undefined): JsonObject | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? v : undefined;
}

export function asArray(v: Json | undefined): Json[] | undefined {
  if (Array.isArray(v)) return v;
  // qs turns `a[0]=x&a[1]=y` into an array, but a PHP-style client may send an indexed object.
  const o = asObject(v);
  if (o && Object.keys(o).every((k) => /^\d+$/.test(k))) return Object.values(o).filter((x): x is Json => x !== undefined);
  return undefined;
}

/** Integer ids arrive as numbers (JSON) or digit strings (query strings, sloppy clients). */
export function asInt(v: Json | undefined): number | undefined {
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  if (typeof v === 'string' && /^-?\d+$/.test(v.trim())) return Number(v.trim());
  return undefined;
}

export function asString(v: Json | undefined): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

/** PHP clients send booleans as 1/0 or "true"/"false". */
export function asBool(v: Json | undefined): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (v === 1 || v === '1' || v === 'true') return true;
  if (v === 0 || v === '0' || v === 'false' || v === '') return false;
  return undefined;
}

export function has(o: JsonObject, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(o, key) && o[key] !== undefined;
}
