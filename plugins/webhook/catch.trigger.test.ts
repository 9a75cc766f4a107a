import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { InboundRequest } from '../../core/sdk/index.ts';
import { catchTrigger } from './catch.trigger.ts';

const SECRET = 'общий-секрет';
const props = (p: Record<string, unknown>) =>
  catchTrigger.props.parse({ secretValue: `sha256:${createHash('sha256').update(SECRET).digest('hex')}`, ...p });
const request = (headers: Record<string, string>, query: Record<string, string> = {}): InboundRequest => ({
  method: 'POST', headers, query, body: {}, rawBody: '{}', contentType: 'application/json',
});
const thrown = (fn: () => void): unknown => {
  try {
    fn();
  } catch (err) {
    return err;
  }
  return null;
};
const verify = (p: ReturnType<typeof props>, req: InboundRequest) => () => catchTrigger.verify!(req, p);

describe('webhook.catch shared secret', () => {
  it('is accepted in the header or in the query key, and refused otherwise with 401 in Russian', () => {
    const p = props({ secretHeader: 'X-Hook-Secret', secretQueryParam: 'api_token' });
    expect(verify(p, request({ 'x-hook-secret': SECRET }))).not.toThrow();
    expect(verify(p, request({}, { api_token: SECRET }))).not.toThrow();
    expect(verify(p, request({}, { API_TOKEN: SECRET }))).not.toThrow();
    expect(verify(p, request({ 'x-hook-secret': 'чужой' }, { api_token: 'чужой' }))).toThrow(/Неверный или отсутствующий секрет в заголовке X-Hook-Secret или параметре api_token/);
    expect(thrown(verify(p, request({})))).toMatchObject({ code: 'WEBHOOK_SECRET_MISMATCH', status: 401 });
  });

  it('checks only where it was told to look', () => {
    const byQuery = props({ secretQueryParam: 'key' });
    expect(verify(byQuery, request({ key: SECRET }))).toThrow(/параметре key/);
    expect(verify(byQuery, request({}, { key: SECRET }))).not.toThrow();
    expect(verify(props({ secretValue: '', secretHeader: 'X-A' }), request({}))).not.toThrow();
  });

  it('declares the header and the query key secret, so ingest stores them masked', () => {
    const p = props({ secretHeader: 'X-Hook-Secret', secretQueryParam: 'api_token' });
    expect(catchTrigger.secretHeaders!(p)).toEqual(['X-Hook-Secret']);
    expect(catchTrigger.secretQuery!(p)).toEqual(['api_token']);
    expect(catchTrigger.secretHeaders!(props({}))).toEqual([]);
  });
});
