import { describe, expect, it } from 'vitest';
import { discriminatedUnionOf, schemaType, widgetOf, type JsonSchema } from './json-schema.util.ts';

// The shape zod 4 gives a discriminatedUnion of credentials (the AmoCRM connection form).
const credentials: JsonSchema = {
  oneOf: [
    { type: 'object', title: 'Долгосрочный токен', properties: { authType: { type: 'string', const: 'token' }, subdomain: { type: 'string' }, accessToken: { type: 'string', 'x-widget': 'secret' } } },
    { type: 'object', properties: { authType: { type: 'string', const: 'oauth', title: 'OAuth 2.0' }, subdomain: { type: 'string' }, clientId: { type: 'string' } } },
  ],
};

describe('discriminatedUnionOf', () => {
  it('finds the const property and titles each variant from the object or its const', () => {
    const union = discriminatedUnionOf(credentials, credentials)!;
    expect(union.key).toBe('authType');
    expect(union.variants.map((v) => [v.value, v.title])).toEqual([
      ['token', 'Долгосрочный токен'],
      ['oauth', 'OAuth 2.0'],
    ]);
    expect(Object.keys(union.variants[1]!.schema.properties!)).toEqual(['authType', 'subdomain', 'clientId']);
  });

  it('follows $ref members', () => {
    const root: JsonSchema = { anyOf: [{ $ref: '#/$defs/a' }, { $ref: '#/$defs/b' }], $defs: { a: { properties: { kind: { const: 1 } } }, b: { properties: { kind: { const: 2 } } } } };
    expect(discriminatedUnionOf(root, root)?.variants.map((v) => v.value)).toEqual([1, 2]);
  });

  it('is null for plain unions, a single member, or repeated discriminator values', () => {
    expect(discriminatedUnionOf({ anyOf: [{ type: 'string' }, { type: 'number' }] }, {})).toBeNull();
    expect(discriminatedUnionOf({ oneOf: [credentials.oneOf![0]!] }, {})).toBeNull();
    expect(discriminatedUnionOf({ oneOf: [credentials.oneOf![0]!, credentials.oneOf![0]!] }, {})).toBeNull();
    expect(discriminatedUnionOf({ oneOf: [{ properties: { a: { type: 'string' } } }, { properties: { a: { type: 'string' } } }] }, {})).toBeNull();
  });
});

describe('a union of one JSON type', () => {
  it("is edited as that type ('' or a URL is a text field)", () => {
    const baseUrl: JsonSchema = { anyOf: [{ type: 'string', const: '' }, { type: 'string', pattern: '^https?://' }] };
    expect(schemaType(baseUrl)).toBe('string');
    expect(widgetOf(baseUrl)).toBe('text');
    expect(schemaType({ anyOf: [{ type: 'string' }, { type: 'number' }] })).toBeUndefined();
  });
});
