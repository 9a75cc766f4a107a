/**
 * Where a JSON text breaks and what was expected there, in Russian: «Ошибка в JSON: строка 3,
 * столбец 12 — ожидалась запятая или «}»». A small scanner of its own rather than the browser's
 * message: engines word (and position) their errors differently, and none speaks Russian.
 */
export interface JsonProblem {
  /** 1-based. */
  line: number;
  column: number;
  offset: number;
  /** What went wrong, in Russian, lower case. */
  reason: string;
}

class Stop extends Error {
  constructor(readonly at: number, readonly reason: string) {
    super(reason);
  }
}

function scan(text: string): void {
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const fail = (reason: string, at = i): never => {
    throw new Stop(at, reason);
  };
  const end = () => i >= text.length;

  const string = () => {
    i++; // opening quote
    for (;;) {
      if (end()) fail('строка не закрыта кавычкой');
      const ch = text[i]!;
      if (ch === '"') {
        i++;
        return;
      }
      if (ch === '\n' || ch.charCodeAt(0) < 0x20) fail('перенос строки или управляющий символ внутри строки: используйте \\n');
      if (ch === '\\') {
        const esc = text[i + 1];
        if (esc === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail('неверная последовательность \\u: нужны четыре шестнадцатеричные цифры');
          i += 6;
          continue;
        }
        if (esc === undefined || !'"\\/bfnrt'.includes(esc)) fail('неверный символ после обратной косой черты «\\»', i + 1);
        i += 2;
        continue;
      }
      i++;
    }
  };

  const number = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
    if (!m || m[0] === '-' || m[0] === '') fail('неверное число');
    i += m![0].length;
    if (i < text.length && /[0-9.eE]/.test(text[i]!)) fail('неверное число');
  };

  const value = (): void => {
    ws();
    if (end()) fail('неожиданный конец текста: ожидалось значение');
    const ch = text[i]!;
    if (ch === '{') return object();
    if (ch === '[') return array();
    if (ch === '"') return string();
    if (ch === '-' || (ch >= '0' && ch <= '9')) return number();
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return;
      }
    }
    if (ch === "'") fail('строки в JSON пишутся в двойных кавычках, а не в одинарных');
    if (ch === '}' || ch === ']') fail('ожидалось значение, а не закрывающая скобка (лишняя запятая перед ней?)');
    fail('ожидалось значение: строка в двойных кавычках, число, true, false, null, объект или список');
  };

  const object = () => {
    i++;
    ws();
    if (text[i] === '}') {
      i++;
      return;
    }
    for (;;) {
      ws();
      if (end()) fail('неожиданный конец текста: объект не закрыт скобкой «}»');
      if (text[i] === "'") fail('названия полей пишутся в двойных кавычках, а не в одинарных');
      if (text[i] === '}') fail('лишняя запятая перед «}»');
      if (text[i] !== '"') fail('ожидалось название поля в двойных кавычках');
      string();
      ws();
      if (text[i] !== ':') fail(end() ? 'неожиданный конец текста: ожидалось двоеточие' : 'ожидалось двоеточие после названия поля');
      i++;
      value();
      ws();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === '}') {
        i++;
        return;
      }
      fail(end() ? 'неожиданный конец текста: объект не закрыт скобкой «}»' : 'ожидалась запятая или «}»');
    }
  };

  const array = () => {
    i++;
    ws();
    if (text[i] === ']') {
      i++;
      return;
    }
    for (;;) {
      value();
      ws();
      if (text[i] === ',') {
        i++;
        ws();
        if (text[i] === ']') fail('лишняя запятая перед «]»');
        continue;
      }
      if (text[i] === ']') {
        i++;
        return;
      }
      fail(end() ? 'неожиданный конец текста: список не закрыт скобкой «]»' : 'ожидалась запятая или «]»');
    }
  };

  value();
  ws();
  if (!end()) fail('лишний текст после конца JSON');
}

export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/** Null when `text` is valid JSON. */
export function findJsonProblem(text: string): JsonProblem | null {
  try {
    scan(text);
    return null;
  } catch (err) {
    if (!(err instanceof Stop)) throw err;
    return { ...lineColumn(text, err.at), offset: err.at, reason: err.reason };
  }
}

export function describeJsonProblem(p: JsonProblem): string {
  return `Ошибка в JSON: строка ${p.line}, столбец ${p.column} — ${p.reason}`;
}

/** JSON.parse with a Russian error (line, column, what was expected) instead of the engine's. */
export function parseJsonRu(text: string): { ok: true; value: unknown } | { ok: false; message: string; problem: JsonProblem | null } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    const problem = findJsonProblem(text);
    return { ok: false, problem, message: problem ? describeJsonProblem(problem) : 'Ошибка в JSON: текст не удалось разобрать' };
  }
}

/**
 * A body template that looks like JSON (`{…}` or `[…]`) checked with its `{{…}}` placeholders
 * neutralised (inside quotes they become text, outside a number), so `{"id": {{trigger.id}}}` is
 * fine. Null when fine or not meant to be JSON.
 */
export function jsonTemplateProblem(template: string): string | null {
  const trimmed = template.trim();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return null;
  let out = '';
  let inString = false;
  for (let i = 0; i < template.length; i++) {
    if (template.startsWith('{{', i)) {
      const close = template.indexOf('}}', i + 2);
      if (close !== -1) {
        // Same length keeps line and column pointing at the user's text.
        const len = close + 2 - i;
        out += inString ? 'x'.repeat(len) : '0'.padEnd(len, ' ');
        i = close + 1;
        continue;
      }
    }
    const ch = template[i]!;
    if (ch === '"' && template[i - 1] !== '\\') inString = !inString;
    out += ch;
  }
  const problem = findJsonProblem(out);
  return problem ? describeJsonProblem(problem) : null;
}
