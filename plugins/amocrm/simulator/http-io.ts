import type http from 'node:http';
import { randomBytes } from 'node:crypto';
import qs from 'qs';
import type { Reply } from './problem.ts';

const MAX_BODY_BYTES = 10 * 1024 * 1024;

export type BodyResult = { ok: true; body: unknown } | { ok: false };

/** JSON or x-www-form-urlencoded (PHP bracket keys); an empty body is `undefined`. */
export async function readBody(req: http.IncomingMessage): Promise<BodyResult> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > MAX_BODY_BYTES) return { ok: false };
    chunks.push(buf);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return { ok: true, body: undefined };
  const type = String(req.headers['content-type'] ?? '').toLowerCase();
  if (type.includes('application/x-www-form-urlencoded')) return { ok: true, body: qs.parse(text, { depth: 10, arrayLimit: 1000, parameterLimit: 10000 }) };
  try {
    return { ok: true, body: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

export function parseQuery(search: string): qs.ParsedQs {
  return qs.parse(search.startsWith('?') ? search.slice(1) : search, { depth: 5, arrayLimit: 1000, parameterLimit: 2000 });
}

export function sendReply(res: http.ServerResponse, reply: Reply): void {
  if (res.writableEnded || res.destroyed) return;
  const headers: Record<string, string | number> = { 'x-request-id': randomBytes(8).toString('hex'), ...(reply.headers ?? {}) };
  let payload: string | undefined;
  if (reply.json !== undefined) payload = JSON.stringify(reply.json);
  else if (reply.text !== undefined) payload = reply.text;
  if (payload !== undefined && reply.status !== 204) {
    headers['content-type'] = reply.contentType ?? 'application/json';
    headers['content-length'] = Buffer.byteLength(payload);
    res.writeHead(reply.status, headers);
    res.end(payload);
  } else {
    res.writeHead(reply.status, headers);
    res.end();
  }
}
