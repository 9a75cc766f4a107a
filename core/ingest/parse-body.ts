import qs from 'qs';
import { sliceCodePoints } from '../db/storable.ts';
import { UserError } from '../sdk/errors.ts';
import { jsonDepthExceeds, MAX_FORM_FIELDS, MAX_JSON_DEPTH } from './body-limits.ts';

export interface ParsedBody {
  body: unknown;
  /** Set when the body could not be read as its content type says: stored, answered with 400. */
  error?: string;
}

const RAW_PREVIEW = 64 * 1024;

/**
 * JSON, and `x-www-form-urlencoded` with PHP-style nested keys as AmoCRM sends them
 * (`leads[status][0][id]=5` → `{"leads":{"status":[{"id":"5"}]}}`). Anything else is kept as text.
 */
export function parseWebhookBody(contentType: string, raw: string): ParsedBody {
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  if (raw.trim() === '') return { body: null };
  if (type === 'application/json' || type.endsWith('+json') || (type === '' && /^\s*[[{]/.test(raw))) {
    if (jsonDepthExceeds(raw)) {
      return { body: { raw: sliceCodePoints(raw, RAW_PREVIEW) }, error: `Слишком глубокая вложенность JSON (больше ${MAX_JSON_DEPTH} уровней)` };
    }
  }
  if (type === 'application/json' || type.endsWith('+json')) {
    try {
      return { body: JSON.parse(raw) };
    } catch {
      return { body: { raw: sliceCodePoints(raw, RAW_PREVIEW) }, error: 'Тело запроса — некорректный JSON' };
    }
  }
  if (type === 'application/x-www-form-urlencoded') {
    try {
      return { body: qs.parse(raw, { depth: 20, arrayLimit: 1000, parameterLimit: MAX_FORM_FIELDS, throwOnLimitExceeded: true, allowPrototypes: false }) };
    } catch {
      // Never a silent cut: a form with more fields is refused whole, so the sender knows.
      throw new UserError('WEBHOOK_TOO_MANY_FIELDS', `В форме больше ${MAX_FORM_FIELDS.toLocaleString('ru-RU')} полей: такой запрос не принимается`, { status: 413 });
    }
  }
  if (type === '' && /^\s*[[{]/.test(raw)) {
    try {
      return { body: JSON.parse(raw) };
    } catch {
      // plain text that merely starts with a brace
    }
  }
  return { body: raw };
}

const SECRET_HEADER = /cookie|authorization|secret|token|signature|api[-_]?key|password/i;
const DROPPED = new Set(['connection', 'keep-alive', 'content-length', 'transfer-encoding']);

/** Headers worth keeping with the event; secrets are masked, hop-by-hop headers dropped. */
export function storedHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || DROPPED.has(name)) continue;
    out[name] = SECRET_HEADER.test(name) ? '[скрыто]' : Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}
