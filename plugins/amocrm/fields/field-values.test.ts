import { describe, expect, it } from 'vitest';
import { UserError } from '../../../core/sdk/index.ts';
import type { AmoFieldMeta } from '../metadata/amo-metadata.types.ts';
import { asReadForm, fieldWrites, toUnixSeconds } from './field-values.ts';

const enums = (...values: string[]) => values.map((value, i) => ({ id: 100 + i, value }));
const FIELDS: AmoFieldMeta[] = [
  { id: 1, name: 'Город', type: 'select', code: null, enums: enums('Краснодар', 'Москва') },
  { id: 2, name: 'Количество', type: 'numeric', code: null, enums: null },
  { id: 3, name: 'Дата встречи', type: 'date', code: null, enums: null },
  { id: 4, name: 'Услуги', type: 'multiselect', code: null, enums: enums('Доставка', 'Монтаж', 'Гарантия') },
  { id: 5, name: 'Согласие', type: 'checkbox', code: null, enums: null },
  { id: 6, name: 'Комментарий', type: 'text', code: null, enums: null },
  { id: 7, name: 'Телефон', type: 'multitext', code: 'PHONE', enums: enums('WORK', 'MOB') },
  { id: 8, name: 'Встреча', type: 'date_time', code: null, enums: null },
];

const writes = (values: Record<string, unknown>) => fieldWrites(values, FIELDS, 'сделок');

describe('fieldWrites', () => {
  it('converts by the field type: list option by its text, numbers, dates, multiselect, checkbox, text, phones', () => {
    expect(
      writes({
        город: 'краснодар',
        Количество: '1 250,5',
        'Дата встречи': '05.03.2025',
        Услуги: 'Доставка, Гарантия',
        Согласие: 'да',
        Комментарий: 42,
        Телефон: ['8 (918) 123-45-67', '+44 20 7946 0958'],
        Встреча: '2025-03-05 18:00',
      }),
    ).toEqual([
      { field_id: 1, values: [{ enum_id: 100 }] },
      { field_id: 2, values: [{ value: 1250.5 }] },
      { field_id: 3, values: [{ value: Date.UTC(2025, 2, 5) / 1000 }] },
      { field_id: 4, values: [{ enum_id: 100 }, { enum_id: 102 }] },
      { field_id: 5, values: [{ value: true }] },
      { field_id: 6, values: [{ value: '42' }] },
      { field_id: 7, values: [{ value: '+79181234567', enum_code: 'WORK' }, { value: '+44 20 7946 0958', enum_code: 'WORK' }] },
      { field_id: 8, values: [{ value: Date.UTC(2025, 2, 5, 15, 0) / 1000 }] },
    ]);
  });

  it('skips empty values instead of clearing the field', () => {
    expect(writes({ Город: '', Количество: null, Услуги: [], Комментарий: undefined })).toEqual([]);
  });

  it('explains what is wrong, in Russian', () => {
    expect(() => writes({ Город: 'Казань' })).toThrow(/Поле «Город»: значения «Казань» нет в списке \(Краснодар, Москва\)/);
    expect(() => writes({ Количество: 'много' })).toThrow(/ожидается число/);
    expect(() => writes({ 'Дата встречи': '31.02.2025' })).toThrow(/ожидается дата/);
    expect(() => writes({ Согласие: 'может быть' })).toThrow(/«да» или «нет»/);
    const unknown = (() => {
      try {
        writes({ Регион: 'Юг' });
      } catch (err) {
        return err;
      }
    })();
    expect(unknown).toBeInstanceOf(UserError);
    expect((unknown as UserError).code).toBe('AMOCRM_FIELD_UNKNOWN');
    expect((unknown as UserError).message).toMatch(/Поле «Регион» не найдено среди полей сделок/);
  });

  it('accepts an option id where the text is not given', () => {
    expect(writes({ Город: 101 })).toEqual([{ field_id: 1, values: [{ enum_id: 101 }] }]);
  });

  it('describes written values in the read shape (list values as text)', () => {
    expect(asReadForm(writes({ Город: 'Москва', Количество: 3 }), FIELDS)).toEqual([
      { field_id: 1, field_name: 'Город', field_code: null, field_type: 'select', values: [{ value: 'Москва', enum_id: 101 }] },
      { field_id: 2, field_name: 'Количество', field_code: null, field_type: 'numeric', values: [{ value: 3 }] },
    ]);
  });
});

describe('toUnixSeconds', () => {
  it('reads timestamps, calendar dates (UTC midnight) and Moscow local times', () => {
    expect(toUnixSeconds(1741132800)).toBe(1741132800);
    expect(toUnixSeconds(1741132800123)).toBe(1741132800);
    expect(toUnixSeconds('2025-03-05')).toBe(1741132800);
    expect(toUnixSeconds('05.03.2025 03:00')).toBe(1741132800);
    expect(toUnixSeconds('2025-03-05T00:00:00Z')).toBe(1741132800);
    expect(toUnixSeconds('2025-03-05T03:00:00+03:00')).toBe(1741132800);
    expect(toUnixSeconds('завтра')).toBeUndefined();
  });
});
