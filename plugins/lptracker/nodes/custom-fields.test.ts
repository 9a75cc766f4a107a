import { describe, expect, it } from 'vitest';
import { categoryNames, toField, toStage } from '../metadata/load-metadata.ts';
import type { LptProjectMeta } from '../metadata/lpt-metadata.types.ts';
import { leadMarker } from './action-kit.ts';
import { contactKeys } from './contacts.ts';
import { customWrites, toNumber } from './custom-fields.ts';
import { filterId, sameId } from './props.ts';

const project: LptProjectMeta = {
  id: 1, name: 'Мой сайт', domain: '', stages: [], contactFields: [],
  leadFields: [
    { id: 10, name: 'Город', type: 'text' },
    { id: 11, name: 'Бюджет', type: 'number' },
    { id: 12, name: 'Интерес', type: 'cats', multi: true, categories: ['Купить', 'Арендовать'] },
    { id: 13, name: 'Результат звонка', type: 'cats', multi: false, categories: ['Дозвонились', 'Перезвонить'] },
  ],
};

describe('custom fields by name', () => {
  it('maps names (and ids) to the write map, typed by the definition; empty values are left out', () => {
    expect(customWrites({ город: ' Краснодар ', 11: '1 500,50', Интерес: ['купить', 'Арендовать'], 'Результат звонка': 'перезвонить', Пусто: '' }, project)).toEqual({
      10: 'Краснодар', 11: 1500.5, 12: ['Купить', 'Арендовать'], 13: 'Перезвонить',
    });
    expect(customWrites({ Город: ['Сочи', 'Анапа'] }, project)).toEqual({ 10: 'Сочи, Анапа' });
    expect(customWrites(undefined, project)).toEqual({});
  });

  it('refuses in Russian what LPTracker would refuse', () => {
    expect(() => customWrites({ Регион: 'Юг' }, project)).toThrow('В проекте «Мой сайт» нет поля лида «Регион»');
    expect(() => customWrites({ Бюджет: 'много' }, project)).toThrow('Поле «Бюджет»: ожидается число');
    expect(() => customWrites({ Интерес: 'Продать' }, project)).toThrow('нет варианта «Продать». Варианты: Купить, Арендовать');
    expect(() => customWrites({ 'Результат звонка': ['Дозвонились', 'Перезвонить'] }, project)).toThrow('можно выбрать только один вариант');
  });

  it('reads numbers people write', () => {
    expect([toNumber('150 000'), toNumber('12,5'), toNumber(7), toNumber('7 руб'), toNumber(NaN)]).toEqual([150000, 12.5, 7, undefined, undefined]);
  });
});

describe('definitions as LPTracker sends them', () => {
  it('category options in each known shape; an empty categories list is not a list field', () => {
    expect(categoryNames([{ id: 1, name: 'Да' }, { id: 2, category: 'Нет', purpose: '' }, 'Может быть', { id: 3, name: 'Да' }])).toEqual(['Да', 'Нет', 'Может быть']);
    expect(toField({ id: '5', name: 'Город', type: 'text', categories: [] })).toEqual({ id: 5, name: 'Город', type: 'text' });
    expect(toField({ id: 6, name: 'Статус', type: 'cats', is_multi_select: 1, categories: [{ name: 'A' }] })).toEqual({ id: 6, name: 'Статус', type: 'cats', multi: true, categories: ['A'] });
    expect(toField({ name: 'без id' })).toBeNull();
    expect(toStage({ id: 7, name: 'Отказ', in_leads: true, id_deals: true })).toEqual({ id: 7, name: 'Отказ', inLeads: true, inDeals: true });
  });
});

describe('small rules', () => {
  it('contact keys: Russian phones to E.164, emails lowercased, nonsense refused', () => {
    expect(contactKeys('8 (918) 123-45-67', ' Ivan@Example.RU ')).toEqual({ phone: '+79181234567', email: 'ivan@example.ru' });
    expect(contactKeys('+49 30 1234567', '')).toEqual({ phone: '+49 30 1234567' });
    expect(() => contactKeys('звонить', '')).toThrow('не похож на номер');
    expect(() => contactKeys('', 'ivan@')).toThrow('указан с ошибкой');
  });

  it('trigger filters: empty is «любой», a template or garbage matches nothing', () => {
    expect([filterId(''), filterId(undefined), filterId('15'), filterId(15), filterId('{{x}}')]).toEqual([undefined, undefined, 15, 15, null]);
    expect([sameId('', 3), sameId('3', 3), sameId(4, 3), sameId('{{x}}', 3)]).toEqual([true, true, false, false]);
  });

  it('the lead marker is stable per idempotency key and tells keys apart', () => {
    expect(leadMarker('run-1:n2')).toBe(leadMarker('run-1:n2'));
    expect(leadMarker('run-1:n2')).not.toBe(leadMarker('run-2:n2'));
    expect(leadMarker('run-1:n2')).toMatch(/^ic-[0-9a-f]{24}$/);
  });
});
