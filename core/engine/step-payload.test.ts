import { describe, expect, it } from 'vitest';
import { capPayload } from './step-payload.ts';

describe('capPayload', () => {
  it('cuts a big payload to a preview that never ends in half an emoji', () => {
    // The preview cut falls right between the two halves of the emoji.
    const body = { text: 'а'.repeat(4096 - '{"text":"'.length - 1) + '😀'.repeat(200_000) };
    const capped = capPayload(body);
    expect(capped.truncated).toBe(true);
    expect(capped.json).not.toMatch(/\\ud[89a-f]/i);
    const parsed = JSON.parse(capped.json!);
    expect(parsed.__truncated).toBe(true);
    expect(parsed.preview.isWellFormed()).toBe(true);
  });

  it('keeps small payloads as they are, made storable', () => {
    expect(capPayload({ a: 'x\u0000' })).toEqual({ json: '{"a":"x\uFFFD"}', truncated: false });
    expect(capPayload(undefined)).toEqual({ json: null, truncated: false });
  });
});
