import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { conditionGroupSchema } from './conditions.ts';
import { fieldName } from './graph-issues.ts';

const schema = z.toJSONSchema(
  z.object({
    group: conditionGroupSchema,
    url: z.string().meta({ title: 'Адрес' }),
    headers: z.record(z.string(), z.string()).meta({ title: 'Заголовки' }),
    plain: z.string(),
  }),
) as Record<string, unknown>;

describe('fieldName', () => {
  it('names fields by their titles and numbers list items, never showing the path', () => {
    expect(fieldName(schema, 'url')).toBe('«Адрес»');
    expect(fieldName(schema, 'group.rules.0.left')).toBe('«Условия», проверка 1, «Поле»');
    expect(fieldName(schema, 'group.rules.1.rules.0.right')).toBe('«Условия», группа проверок 2, проверка 1, «Значение»');
    expect(fieldName(schema, 'headers.X-Key')).toBe('«Заголовки»');
  });
  it('falls back to the key only for a field without a title', () => {
    expect(fieldName(schema, 'plain')).toBe('«plain»');
    expect(fieldName(undefined, 'a.b')).toBe('«a»');
  });
});
