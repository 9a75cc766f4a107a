import { describe, expect, it } from 'vitest';
import { formBody } from './amo-webhook.fixtures.ts';
import { contactChannels, normalizeCustomFields } from './custom-fields.ts';

/** The `custom_fields` of `leads[update][0]` built from decoded form lines, parsed like the ingest does. */
function customFields(lines: string): unknown {
  const prefixed = lines
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => `leads[update][0][custom_fields]${l}`)
    .join('\n');
  return (formBody(prefixed) as { leads: { update: Array<{ custom_fields: unknown }> } }).leads.update[0]!.custom_fields;
}

describe('normalizeCustomFields', () => {
  it('a radiobutton value sent as a single object (not a list) keeps its text', () => {
    const raw = customFields(`
      [0][id]=10
      [0][name]=Оплата
      [0][values][value]=Наличные
      [0][values][enum]=501
    `);
    expect(normalizeCustomFields(raw)).toEqual({
      fields: { Оплата: 'Наличные' },
      fields_by_id: { '10': 'Наличные' },
      custom_fields: [{ id: 10, name: 'Оплата', code: null, values: [{ value: 'Наличные', enum: 501 }] }],
    });
  });

  it('several values (multiselect) → a list of texts; one value → the scalar; none → null', () => {
    const raw = customFields(`
      [0][id]=11
      [0][name]=Услуги
      [0][values][0][value]=Доставка
      [0][values][0][enum]=601
      [0][values][1][value]=Монтаж
      [0][values][1][enum]=602
      [1][id]=12
      [1][name]=Город
      [1][values][0][value]=Краснодар
      [1][values][0][enum]=700
      [2][id]=13
      [2][name]=Пусто
    `);
    const { fields } = normalizeCustomFields(raw);
    expect(fields).toEqual({ Услуги: ['Доставка', 'Монтаж'], Город: 'Краснодар', Пусто: null });
  });

  it('bare numeric values are timestamps; field types pick date, date_time or birthday formatting', () => {
    const raw = customFields(`
      [0][id]=20
      [0][name]=Дата
      [0][values][0]=1542067200
      [1][id]=21
      [1][name]=Начало
      [1][values][0]=1700000000
      [2][id]=22
      [2][name]=День рождения
      [2][values][0]=-157766400
      [3][id]=23
      [3][name]=Без типа
      [3][values][0]=1700000000
      [4][id]=24
      [4][name]=Дата текстом
      [4][values][0][value]=1542067200
    `);
    const types = new Map([['20', 'date'], ['21', 'date_time'], ['22', 'birthday'], ['24', 'date']]);
    expect(normalizeCustomFields(raw, types).fields).toEqual({
      Дата: '2018-11-13',
      Начало: '2023-11-14T22:13:20.000Z',
      'День рождения': '1965-01-01',
      'Без типа': '2023-11-14T22:13:20.000Z',
      'Дата текстом': '2018-11-13',
    });
    // Without types, a `[value]` number stays as sent: only bare values are known dates.
    expect(normalizeCustomFields(raw).fields['Дата текстом']).toBe('1542067200');
  });

  it('a date stored as account-local midnight still gives its calendar day', () => {
    // 2018-11-13 00:00 Moscow = 2018-11-12T21:00:00Z.
    const raw = customFields('[0][id]=20\n[0][name]=Дата\n[0][values][0]=1542056400');
    expect(normalizeCustomFields(raw, new Map([['20', 'date']])).fields).toEqual({ Дата: '2018-11-13' });
  });

  it('numeric-looking text stays text; numeric, price and monetary become numbers; checkbox booleans', () => {
    const raw = customFields(`
      [0][id]=30
      [0][name]=ИНН
      [0][values][0][value]=007712345678
      [1][id]=31
      [1][name]=Кол-во
      [1][values][0][value]=12
      [2][id]=32
      [2][name]=Сумма
      [2][values][0][value]=1 250,50
      [3][id]=33
      [3][name]=Бюджет
      [3][values][0][value]=99.9
      [4][id]=34
      [4][name]=Согласие
      [4][values][0][value]=1
      [5][id]=35
      [5][name]=Рассылка
      [5][values][0][value]=0
      [6][id]=36
      [6][name]=Кол-во текстом
      [6][values][0][value]=много
    `);
    const types = new Map([['31', 'numeric'], ['32', 'price'], ['33', 'monetary'], ['34', 'checkbox'], ['35', 'checkbox'], ['36', 'numeric']]);
    expect(normalizeCustomFields(raw, types).fields).toEqual({
      ИНН: '007712345678',
      'Кол-во': 12,
      Сумма: 1250.5,
      Бюджет: 99.9,
      Согласие: true,
      Рассылка: false,
      'Кол-во текстом': 'много',
    });
  });

  it('JSON bodies: typed values, v4 key names and field_type are understood', () => {
    const raw = [
      { field_id: 40, field_name: 'Сумма', field_type: 'numeric', values: [{ value: '15' }] },
      { id: 41, name: 'Флаг', values: [{ value: true }] },
      { id: 42, name: 'Число', values: [{ value: 7, enum_id: 3 }] },
    ];
    const result = normalizeCustomFields(raw);
    expect(result.fields).toEqual({ Сумма: 15, Флаг: true, Число: 7 });
    expect(result.custom_fields[2]).toEqual({ id: 42, name: 'Число', code: null, values: [{ value: 7, enum: 3 }] });
  });

  it('skips fields without an id and values that are not scalars; the first of two same-named fields wins', () => {
    const raw = [
      { name: 'Без id', values: [{ value: 'x' }] },
      { id: 'abc', name: 'Плохой id', values: [{ value: 'x' }] },
      { id: 50, name: 'Город', values: [{ value: { nested: 1 } }, { value: null }, [1], { value: 'Сочи' }] },
      { id: 51, name: 'Город', values: [{ value: 'Москва' }] },
      { id: 50, name: 'Повтор id', values: [{ value: 'y' }] },
      'мусор',
      null,
    ];
    const result = normalizeCustomFields(raw);
    expect(result.fields).toEqual({ Город: 'Сочи' });
    expect(result.fields_by_id).toEqual({ '50': 'Сочи', '51': 'Москва' });
    expect(result.custom_fields.map((f) => f.id)).toEqual([50, 51]);
    expect(normalizeCustomFields(undefined)).toEqual({ fields: {}, fields_by_id: {}, custom_fields: [] });
    expect(normalizeCustomFields('строка')).toEqual({ fields: {}, fields_by_id: {}, custom_fields: [] });
  });
});

describe('contactChannels', () => {
  it('phones to E.164 when Russian (else as typed), emails trimmed, duplicates dropped; old payloads without code match by name', () => {
    const { custom_fields } = normalizeCustomFields([
      { id: 1, name: 'Телефон', code: 'PHONE', values: [{ value: '8 (918) 123-45-67' }, { value: '+7 918 123 45 67' }, { value: 'доб. 12' }] },
      { id: 2, name: 'Email', code: 'EMAIL', values: [{ value: ' ivan@example.com ' }] },
      { id: 3, name: 'Телефон', values: [{ value: '9181234500' }] },
      { id: 4, name: 'Комментарий', values: [{ value: '89181234567' }] },
      { id: 5, name: 'E-mail', values: [{ value: 'second@example.com' }] },
    ]);
    expect(contactChannels(custom_fields)).toEqual({
      phones: ['+79181234567', 'доб. 12', '+79181234500'],
      emails: ['ivan@example.com', 'second@example.com'],
    });
  });
});
