import { describe, expect, it } from 'vitest';
import { checkTemplate, listTemplatePaths, parseTemplate, renderTemplate, resolveTemplates, TemplateError } from './templates.ts';

const scope = {
  trigger: {
    name: '  Иван  ',
    email: 'Ivan@Example.RU',
    phone: '8 (918) 123-45-67',
    body: { leads: { status: [{ id: 142, pipeline_id: 7 }] } },
    'key with spaces': 'ok',
    empty: '',
    nothing: null,
    zero: 0,
    flag: false,
    createdAt: 1714557600,
    iso: '2024-05-01T10:00:00Z',
  },
  n3: { items: [{ id: 'a1' }, { id: 'a2' }], total: 1500 },
};

describe('renderTemplate: paths', () => {
  it.each([
    ['{{trigger.body.leads.status[0].id}}', 142],
    ['{{ trigger.body.leads.status.0.id }}', 142],
    ['{{n3.items.0.id}}', 'a1'],
    ['{{ n3.items[1].id }}', 'a2'],
    ['{{ trigger["key with spaces"] }}', 'ok'],
    ["{{ trigger['key with spaces'] }}", 'ok'],
    ['{{n3.items}}', scope.n3.items],
    ['  {{ n3.total }}  ', 1500],
    ['{{ trigger.zero }}', 0],
    ['{{ trigger.flag }}', false],
    ['{{ trigger.missing.deep.path }}', undefined],
    ['{{ n3.items[5].id }}', undefined],
    ['{{ nobody }}', undefined],
    // Only own data is reachable: no prototype walking.
    ['{{ trigger.constructor }}', undefined],
    ['{{ trigger.__proto__ }}', undefined],
    ['{{ trigger.name.length }}', undefined],
    ['без шаблона', 'без шаблона'],
    ['', ''],
    ['скобка } и {одна}', 'скобка } и {одна}'],
  ])('%s', (template, expected) => {
    expect(renderTemplate(template, scope)).toEqual(expected);
  });
});

describe('renderTemplate: interpolation', () => {
  it.each([
    ['Сделка {{trigger.body.leads.status[0].id}} готова', 'Сделка 142 готова'],
    ['{{n3.total}}{{n3.total}}', '15001500'],
    ['[{{ trigger.nothing }}][{{ trigger.missing }}]', '[][]'],
    ['items={{ n3.items }}', 'items=[{"id":"a1"},{"id":"a2"}]'],
    ['{{trigger.zero}} / {{trigger.flag}}', '0 / false'],
    ['Имя: {{ trigger.name | trim }}!', 'Имя: Иван!'],
  ])('%s', (template, expected) => {
    expect(renderTemplate(template, scope)).toBe(expected);
  });
});

describe('renderTemplate: filters', () => {
  it.each([
    ['{{ trigger.phone | phone }}', '+79181234567'],
    ['{{ trigger.name | trim | upper }}', 'ИВАН'],
    ['{{ trigger.email | lower }}', 'ivan@example.ru'],
    ['{{ trigger.empty | default:"Без имени" }}', 'Без имени'],
    ['{{ trigger.nothing | default:"—" }}', '—'],
    ['{{ trigger.missing | default: \'x | y }}\' }}', 'x | y }}'],
    ['{{ trigger.zero | default:"5" }}', 0],
    ['{{ trigger.missing | default:5 }}', 5],
    ['{{ trigger.createdAt | date:"DD.MM.YYYY HH:mm" }}', '01.05.2024 13:00'],
    ['{{ trigger.iso | date }}', '01.05.2024'],
    ['{{ trigger.missing | date:"DD.MM" | default:"нет даты" }}', 'нет даты'],
    ['{{ trigger.name | date }}', '  Иван  '],
    ['{{ n3.items | json }}', '[{"id":"a1"},{"id":"a2"}]'],
    ['{{ trigger.name | json }}', '"  Иван  "'],
    ['{{ n3.total | upper }}', '1500'],
    ['{{ trigger.missing | upper }}', undefined],
    ['{{ trigger.missing | json }}', ''],
    ['{{trigger.phone|phone}}', '+79181234567'],
    ['{{ trigger.missing | default:"say \\"hi\\"" }}', 'say "hi"'],
  ])('%s', (template, expected) => {
    expect(renderTemplate(template, scope)).toEqual(expected);
  });
});

describe('syntax errors', () => {
  it.each([
    ['Привет {{ trigger.name', 'TEMPLATE_UNCLOSED', 'Не закрыта скобка'],
    ['{{ }}', 'TEMPLATE_EMPTY', 'Пустое выражение'],
    ['{{ trigger.name | shout }}', 'TEMPLATE_UNKNOWN_FILTER', 'Неизвестный фильтр «shout»'],
    ['{{ trigger.name | default }}', 'TEMPLATE_BAD_ARGUMENT', 'нужен аргумент'],
    ['{{ trigger.name | trim:"x" }}', 'TEMPLATE_BAD_ARGUMENT', 'не принимает аргумент'],
    ['{{ trigger.name | default:"abc }}', 'TEMPLATE_UNCLOSED', 'Не закрыта скобка'],
    ['{{ trigger.name | default: }}', 'TEMPLATE_BAD_ARGUMENT', 'Ожидался аргумент'],
    ['{{ trigger..name }}', 'TEMPLATE_BAD_PATH', 'после точки'],
    ['{{ trigger[x] }}', 'TEMPLATE_BAD_PATH', 'индекс'],
    ['{{ trigger name }}', 'TEMPLATE_BAD_PATH', 'Лишние символы «name»'],
    ['{{ trigger.name | }}', 'TEMPLATE_BAD_FILTER', 'имя фильтра'],
    ['{{ 1 + 2 }}', 'TEMPLATE_BAD_PATH', 'Лишние символы'],
    ['{{ constructor.constructor("alert(1)")() }}', 'TEMPLATE_BAD_PATH', 'Лишние символы'],
  ])('%s → %s', (template, code, message) => {
    const err = checkTemplate(template);
    expect(err).toBeInstanceOf(TemplateError);
    expect(err!.code).toBe(code);
    expect(err!.message).toContain(message);
    expect(() => renderTemplate(template, scope)).toThrow(TemplateError);
  });

  it('points at the position of the problem', () => {
    expect(checkTemplate('abc {{ x')!.message).toContain('позиция 5');
  });
});

describe('parseTemplate / listTemplatePaths', () => {
  it('splits text and expressions with offsets', () => {
    const parts = parseTemplate('Привет, {{ trigger.name | trim }}!');
    expect(parts).toEqual([
      { kind: 'text', text: 'Привет, ' },
      {
        kind: 'expr',
        source: ' trigger.name | trim ',
        path: ['trigger', 'name'],
        pathText: 'trigger.name',
        filters: [{ name: 'trim' }],
        start: 8,
        end: 33,
      },
      { kind: 'text', text: '!' },
    ]);
  });

  it('lists unique normalized paths', () => {
    expect(listTemplatePaths('{{a.b[0].c}} {{ a.b.0.c | json }} {{ n3.total }} {{ x["y z"] }}')).toEqual(['a.b.0.c', 'n3.total', 'x.y z']);
    expect(listTemplatePaths('нет шаблонов')).toEqual([]);
  });

  it('keeps filter arguments typed', () => {
    const [expr] = parseTemplate('{{ a | default:0 | date:"DD.MM" }}');
    expect(expr).toMatchObject({ filters: [{ name: 'default', arg: 0 }, { name: 'date', arg: 'DD.MM' }] });
  });
});

describe('resolveTemplates', () => {
  it('renders every string deeply and keeps raw types of single expressions', () => {
    const props = {
      title: 'Сделка {{ trigger.body.leads.status[0].id }}',
      price: '{{ n3.total }}',
      tags: ['{{ trigger.email | lower }}', 'static', 3],
      nested: { items: '{{ n3.items }}', flag: true, nil: null },
    };
    expect(resolveTemplates(props, scope)).toEqual({
      title: 'Сделка 142',
      price: 1500,
      tags: ['ivan@example.ru', 'static', 3],
      nested: { items: scope.n3.items, flag: true, nil: null },
    });
    expect(props.price).toBe('{{ n3.total }}');
  });

  it('treats a __proto__ key as data', () => {
    const input = JSON.parse('{"__proto__": {"polluted": "{{ n3.total }}"}}');
    const out = resolveTemplates(input, scope) as Record<string, unknown>;
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(out, '__proto__')?.value).toEqual({ polluted: 1500 });
  });

  it('does not re-render templates found in the data', () => {
    expect(renderTemplate('{{ x }}', { x: '{{ secret }}', secret: 'leak' })).toBe('{{ secret }}');
  });
});
