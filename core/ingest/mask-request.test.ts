import { describe, expect, it } from 'vitest';
import { MASKED, maskHeaders, maskQuery, NO_SECRETS } from './mask-request.ts';

describe('masking a stored webhook request', () => {
  it('masks credential-looking query keys by default, in any case', () => {
    const q = { api_token: 'a', TOKEN: 'b', secret: 'c', key: 'd', Password: 'e', signature: 'f', apikey: 'g', page: '2', monkey: 'h' };
    expect(maskQuery(q, NO_SECRETS)).toEqual({
      api_token: MASKED, TOKEN: MASKED, secret: MASKED, key: MASKED, Password: MASKED, signature: MASKED, apikey: MASKED, page: '2', monkey: 'h',
    });
  });

  it('masks what the trigger declares, on top of the generic rules', () => {
    const declared = { headers: ['x-sign'], query: ['s'] };
    expect(maskHeaders({ 'X-Sign': 'v', accept: '*/*' }, declared)).toEqual({ 'X-Sign': MASKED, accept: '*/*' });
    expect(maskQuery({ S: 'v', page: '1' }, declared)).toEqual({ S: MASKED, page: '1' });
  });
});
