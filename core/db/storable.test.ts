import { describe, expect, it } from 'vitest';
import { sliceCodePoints, sliceUtf8, storableJson, storableText, storableValue } from './storable.ts';

describe('storable values', () => {
  it('replaces lone surrogates and NUL in text, keeps valid pairs', () => {
    expect(storableText('a\ud800b')).toBe('a\uFFFDb');
    expect(storableText('a\u0000b')).toBe('a\uFFFDb');
    expect(storableText('эмодзи 😀')).toBe('эмодзи 😀');
  });

  it('walks objects, keys included', () => {
    expect(storableValue({ 'k\u0000': ['\udc00', 1, null, { x: 'ok' }] })).toEqual({ 'k\uFFFD': ['\uFFFD', 1, null, { x: 'ok' }] });
  });

  it('emits JSON that has neither \\u0000 nor a surrogate escape', () => {
    const json = storableJson({ a: '\ud83d', b: 'x\u0000y', c: '😀' });
    expect(json).not.toMatch(/\\u0000|\\ud[89a-f]/i);
    expect(JSON.parse(json)).toEqual({ a: '\uFFFD', b: 'x\uFFFDy', c: '😀' });
    expect(storableJson(undefined)).toBe('null');
  });

  it('cuts on code point boundaries', () => {
    const s = 'ab😀cd';
    expect(sliceCodePoints(s, 3)).toBe('ab');
    expect(sliceCodePoints(s, 4)).toBe('ab😀');
    expect(sliceCodePoints(s, 100)).toBe(s);
    expect(sliceUtf8('яя😀', 5)).toBe('яя');
    expect(sliceUtf8('яя😀', 8)).toBe('яя😀');
  });
});
