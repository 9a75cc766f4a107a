import { describe, expect, it } from 'vitest';
import { findJsonProblem, jsonTemplateProblem, parseJsonRu } from './json-error.util.ts';

const reasonOf = (text: string) => findJsonProblem(text);

describe('findJsonProblem', () => {
  it('accepts what JSON.parse accepts', () => {
    for (const ok of ['{}', '[]', '{"a": [1, -2.5e3, true, null, "x\\n\\u00e9"]}', ' "строка" ', '0', '{"a":{"b":[{}]}}']) {
      expect(findJsonProblem(ok), ok).toBeNull();
      expect(() => JSON.parse(ok)).not.toThrow();
    }
  });

  it('points at a missing comma with line and column', () => {
    const text = '{\n  "name": "Иван",\n  "city": "Сочи"\n  "phone": "+7"\n}';
    expect(reasonOf(text)).toMatchObject({ line: 4, column: 3, reason: 'ожидалась запятая или «}»' });
  });

  it('names the usual mistakes', () => {
    expect(reasonOf("{'a': 1}")?.reason).toBe('названия полей пишутся в двойных кавычках, а не в одинарных');
    expect(reasonOf('{a: 1}')?.reason).toBe('ожидалось название поля в двойных кавычках');
    expect(reasonOf('{"a": 1,}')).toMatchObject({ line: 1, column: 9, reason: 'лишняя запятая перед «}»' });
    expect(reasonOf('[1, 2,]')?.reason).toBe('лишняя запятая перед «]»');
    expect(reasonOf('{"a" 1}')?.reason).toBe('ожидалось двоеточие после названия поля');
    expect(reasonOf('{"a": "b')?.reason).toBe('строка не закрыта кавычкой');
    expect(reasonOf('{"a": 1')?.reason).toBe('неожиданный конец текста: объект не закрыт скобкой «}»');
    expect(reasonOf('{"a": 01}')?.reason).toBe('неверное число');
    expect(reasonOf('{"a": yes}')?.reason).toMatch(/^ожидалось значение/);
    expect(reasonOf('{} x')?.reason).toBe('лишний текст после конца JSON');
    expect(reasonOf('')?.reason).toBe('неожиданный конец текста: ожидалось значение');
    expect(reasonOf('"a\\q"')?.reason).toBe('неверный символ после обратной косой черты «\\»');
  });
});

describe('parseJsonRu', () => {
  it('parses or explains in Russian', () => {
    expect(parseJsonRu('{"a": 1}')).toEqual({ ok: true, value: { a: 1 } });
    const bad = parseJsonRu('{\n  "a": 1\n  "b": 2\n}');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.message).toBe('Ошибка в JSON: строка 3, столбец 3 — ожидалась запятая или «}»');
  });
});

describe('jsonTemplateProblem', () => {
  it('neutralises placeholders inside and outside quotes', () => {
    expect(jsonTemplateProblem('{"name": "{{trigger.body.lead.name}}", "id": {{trigger.body.id}}}')).toBeNull();
    expect(jsonTemplateProblem('[{{n2.items}}]')).toBeNull();
  });
  it('reports a broken JSON body at the user’s own line and column', () => {
    expect(jsonTemplateProblem('{"name": "{{trigger.body.name}}" "city": 1}')).toBe('Ошибка в JSON: строка 1, столбец 34 — ожидалась запятая или «}»');
  });
  it('says nothing about plain text bodies', () => {
    expect(jsonTemplateProblem('Новая заявка: {{trigger.body.name}}')).toBeNull();
    expect(jsonTemplateProblem('')).toBeNull();
  });
});
