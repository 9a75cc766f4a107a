import { SUMMARY_MAX } from './run-summary.ts';

/** Keys people look for first in a CRM payload, in this order. */
const PREFERRED = ['name', 'title', 'phone', 'email', 'city', 'id', 'status', 'status_id', 'price', 'stage'];

/**
 * A line that says what a webhook was about («name: Иван Петров · phone: +79181234567 · city:
 * Краснодар»): the first scalar leaves of the body, names first. Shown in «Логи» and searched.
 */
export function summarizePayload(body: unknown): string | null {
  if (body === null || body === undefined) return null;
  if (typeof body !== 'object') return clip(String(body));
  const leaves: [string, string][] = [];
  const walk = (value: unknown, path: string, depth: number) => {
    if (leaves.length >= 40 || depth > 6) return;
    if (value === null || value === undefined || value === '') return;
    if (typeof value !== 'object') {
      leaves.push([path, String(value)]);
      return;
    }
    const entries = Array.isArray(value) ? value.slice(0, 3).map((v, i) => [String(i), v] as const) : Object.entries(value).slice(0, 40);
    for (const [k, v] of entries) walk(v, path ? `${path}.${k}` : k, depth + 1);
  };
  walk(body, '', 0);
  const last = (p: string) => p.split('.').filter((s) => !/^\d+$/.test(s)).at(-1) ?? p;
  const rank = (p: string) => {
    const i = PREFERRED.indexOf(last(p));
    return i === -1 ? PREFERRED.length : i;
  };
  const picked = [...leaves].sort((a, b) => rank(a[0]) - rank(b[0])).slice(0, 6);
  return picked.length ? clip(picked.map(([p, v]) => `${last(p)}: ${v}`).join(' · ')) : null;
}

const clip = (s: string) => (s.length > SUMMARY_MAX ? `${s.slice(0, SUMMARY_MAX - 1)}…` : s);
