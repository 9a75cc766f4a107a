import { describe, expect, it } from 'vitest';
import { applyOperator, ConditionError, isEmptyValue, OPERATOR_IDS, OPERATORS, parseNumber, unsafeRegexReason } from './condition-operators.ts';

describe('applyOperator', () => {
  it.each([
    // [op, left, right, caseInsensitive, expected]
    ['eq', 'Москва', 'Москва', false, true],
    ['eq', 'Москва', 'москва', false, false],
    ['eq', 'Москва', 'москва', true, true],
    ['eq', 'Ёлка', 'елка', true, true],
    ['eq', ' 142 ', 142, false, true],
    ['eq', '1 500,50', 1500.5, false, true],
    ['eq', 142, '143', false, false],
    ['eq', true, 'true', false, true],
    ['eq', undefined, '', false, true],
    ['eq', { a: 1 }, '{"a":1}', false, true],
    ['neq', 'a', 'b', false, true],
    ['neq', 'A', 'a', true, false],
    ['contains', 'Заявка с сайта', 'сайт', false, true],
    ['contains', 'Заявка с САЙТА', 'сайт', true, true],
    ['contains', 'Заявка', 'звонок', false, false],
    ['contains', ['vip', 'опт'], 'VIP', true, true],
    ['contains', [1, 2, 3], '2', false, true],
    ['contains', null, 'x', false, false],
    ['contains', { a: 'x' }, 'x', false, false],
    ['not_contains', 'Заявка', 'спам', false, true],
    ['not_contains', ['vip'], 'vip', false, false],
    ['not_contains', undefined, 'x', false, true],
    ['starts_with', '+7918', '+7', false, true],
    ['starts_with', 'ООО Ромашка', 'ооо', true, true],
    ['ends_with', 'ivan@mail.ru', '.ru', false, true],
    ['ends_with', 'ivan@mail.com', '.ru', false, false],
    ['in', 'new', 'new, hot ,cold', false, true],
    ['in', 'NEW', ['new', 'hot'], true, true],
    ['in', 142, ['141', '142'], false, true],
    ['in', 'x', undefined, false, false],
    ['in', ['a', 'b'], 'b,c', false, true],
    ['gt', '1 500,50', 1000, false, true],
    ['gt', 5, 5, false, false],
    ['gte', 5, '5', false, true],
    ['lt', '-3.5', '0', false, true],
    ['lte', '1,500.50', 1500.5, false, true],
    ['gt', '02.05.2024', '01.05.2024', false, true],
    ['lt', '2024-05-01T10:00:00Z', '01.05.2024 14:00', false, true],
    ['gt', 'abc', 5, false, false],
    ['lt', '', 5, false, false],
    ['lt', null, 5, false, false],
    ['empty', undefined, undefined, false, true],
    ['empty', null, undefined, false, true],
    ['empty', '  ', undefined, false, true],
    ['empty', [], undefined, false, true],
    ['empty', {}, undefined, false, true],
    ['empty', 0, undefined, false, false],
    ['empty', false, undefined, false, false],
    ['not_empty', 'x', undefined, false, true],
    ['not_empty', [0], undefined, false, true],
    ['regex', 'Заказ №12345', '№\\d{5}', false, true],
    ['regex', 'ABC', '^abc$', true, true],
    ['regex', 'ABC', '^abc$', false, false],
    ['regex', 'ООО Ромашка', '^(ООО|ИП|АО) ', false, true],
    ['phone_eq', '8 (918) 123-45-67', '+79181234567', false, true],
    ['phone_eq', '9181234567', '79181234568', false, false],
    ['phone_eq', '+380 44 123 45 67', '380441234567', false, true],
    ['phone_eq', '89181234567', 'не телефон', false, false],
    ['phone_eq', '', '', false, false],
  ] as const)('%s %j %j (ci=%s) → %s', (op, left, right, ci, expected) => {
    expect(applyOperator(op, left, right, ci)).toBe(expected);
  });

  it('caps the string tested by a regex', () => {
    expect(applyOperator('regex', 'a'.repeat(20_000) + 'END', 'END')).toBe(false);
  });

  it.each([
    ['(a+)+$', 'CONDITION_REGEX_UNSAFE'],
    ['[', 'CONDITION_REGEX_INVALID'],
    ['', 'CONDITION_REGEX_EMPTY'],
    [undefined, 'CONDITION_REGEX_EMPTY'],
  ])('regex %j throws %s', (pattern, code) => {
    expect(() => applyOperator('regex', 'aaa', pattern)).toThrow(expect.objectContaining({ code, name: 'ConditionError' }));
  });

  it('rejects an unknown operator', () => {
    expect(() => applyOperator('like', 'a', 'b')).toThrow(ConditionError);
    expect(() => applyOperator('like', 'a', 'b')).toThrow('Неизвестный оператор «like»');
  });
});

describe('unsafeRegexReason', () => {
  it.each([
    ['(a+)+'],
    ['(a*)*'],
    ['(.*)*'],
    ['^(\\d+)*$'],
    ['(?:\\w+\\s?)+$'],
    ['((a)+)+'],
    ['(a{1,3})+'],
    ['([a-z]+)*'],
    ['(a+){2,}'],
    ['(a+){5}'],
    ['(a|aa)+'],
    ['(a|a)*'],
    ['(\\d|\\w)+'],
    ['((a|ab))+'],
    ['(x)\\1'],
    ['(?<n>x)\\k<n>'],
    ['a'.repeat(501)],
  ])('rejects %s', (pattern) => {
    expect(unsafeRegexReason(pattern)).toEqual(expect.any(String));
  });

  it.each([
    ['^\\d{5}$'],
    ['№\\d+'],
    ['^(ООО|ИП|АО) '],
    ['(foo|bar)+'],
    ['(\\d{3})+'],
    ['(a+)?'],
    ['(a+){1}'],
    ['[(a+)+]'],
    ['\\(a+\\)+'],
    ['^[\\w.+-]+@[\\w-]+\\.[a-z]{2,}$'],
    ['(?:\\+7|8)\\d{10}'],
    ['a{2,3}b*c+?'],
    ['(?=a+)b'],
  ])('accepts %s', (pattern) => {
    expect(unsafeRegexReason(pattern)).toBeNull();
  });
});

describe('helpers', () => {
  it.each([
    ['1500', 1500],
    [' 1 500,50 ', 1500.5],
    ['1\u00a0500', 1500],
    ['1,500.25', 1500.25],
    ['-3.5', -3.5],
    ['.5', 0.5],
    [42, 42],
    ['01.05.2024', null],
    ['12abc', null],
    ['', null],
    [Infinity, null],
    [true, null],
  ])('parseNumber(%j) = %j', (input, expected) => {
    expect(parseNumber(input)).toBe(expected);
  });

  it('isEmptyValue treats Date as a value', () => {
    expect(isEmptyValue(new Date())).toBe(false);
  });

  it('lists every operator for the editor', () => {
    expect(OPERATORS.map((o) => o.id)).toEqual([...OPERATOR_IDS]);
    expect(OPERATORS.find((o) => o.id === 'empty')).toEqual({ id: 'empty', title: 'пусто', needsRight: false });
    expect(OPERATORS.every((o) => /[а-я]/.test(o.title))).toBe(true);
  });
});
