import type { IncomingMessage } from 'node:http';
import qs from 'qs';
import { SimError } from './envelope.ts';
import type { JsonObject } from './json-input.ts';

const MAX_BODY = 10 * 1024 * 1024;

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new SimError(413, 'Слишком большое тело запроса'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export function parseQuery(search: string): JsonObject {
  // PHP-style brackets (sort[updated_at]=3, filter[created_at_from]=...), as http_build_query writes them.
  return qs.parse(search.replace(/^\?/, ''), { depth: 5, arrayLimit: 100 }) as JsonObject;
}

/** The real API is a PHP app: it reads JSON bodies and also plain form posts. */
export function parseBody(raw: string, contentType: string): JsonObject {
  if (raw.trim() === '') return {};
  // Like PHP reading php://input, a JSON-looking body is JSON whatever the content type says.
  if (!/^\s*[[{]/.test(raw) && (/application\/x-www-form-urlencoded/i.test(contentType) || /^[^=&\s]+=/.test(raw))) return parseQuery(raw);
  let value: ReturnType<typeof JSON.parse>;
  try {
    value = JSON.parse(raw);
  } catch {
    throw new SimError(400, 'Некорректное тело запроса: ожидается JSON');
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new SimError(400, 'Тело запроса должно быть JSON-объектом');
  return value as JsonObject;
}
