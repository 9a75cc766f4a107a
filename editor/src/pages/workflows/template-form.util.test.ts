import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client.ts';
import { templateFormErrors } from './template-form.util.ts';

const fields = new Set(['amocrmConnectionId', 'fields']);

describe('templateFormErrors', () => {
  it('puts field messages under their fields, the name apart, the rest in general', () => {
    const err = new ApiError(422, {
      code: 'VALIDATION_FAILED', message: 'Проверьте введённые данные',
      details: { fields: { amocrmConnectionId: 'Выберите подключение', 'fields.Город': 'Не строка', name: 'Слишком длинное', other: 'Странное' } },
    });
    expect(templateFormErrors(err, fields)).toEqual({
      name: 'Слишком длинное',
      fields: [
        { path: 'amocrmConnectionId', message: 'Выберите подключение', severity: 'error' },
        { path: 'fields.Город', message: 'Не строка', severity: 'error' },
      ],
      general: 'Странное',
    });
  });

  it('uses the message when no field is named, and a generic one for non-API errors', () => {
    expect(templateFormErrors(new ApiError(404, { code: 'TEMPLATE_NOT_FOUND', message: 'Шаблон не найден' }), fields).general).toBe('Шаблон не найден');
    expect(templateFormErrors(new Error(''), fields).general).toMatch(/Повторите/);
  });
});
