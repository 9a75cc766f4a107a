/**
 * Comparison operators of condition rules. Values usually arrive as strings from webhooks and
 * templates, so comparisons are lenient: "5" equals 5, "1 500,50" is a number, "01.05.2024" a date.
 */
import { parseDate } from './dates.ts';
import { normalizePhone } from './phone.ts';

export const OPERATOR_IDS = [
  'eq', 'neq', 'contains', 'not_contains', 'starts_with', 'ends_with', 'in',
  'gt', 'gte', 'lt', 'lte', 'empty', 'not_empty', 'regex', 'phone_eq',
] as const;
export type OperatorId = (typeof OPERATOR_IDS)[number];

export const OPERATORS: readonly { id: OperatorId; title: string; needsRight: boolean }[] = Object.freeze([
  { id: 'eq', title: 'равно', needsRight: true },
  { id: 'neq', title: 'не равно', needsRight: true },
  { id: 'contains', title: 'содержит', needsRight: true },
  { id: 'not_contains', title: 'не содержит', needsRight: true },
  { id: 'starts_with', title: 'начинается с', needsRight: true },
  { id: 'ends_with', title: 'заканчивается на', needsRight: true },
  { id: 'in', title: 'одно из списка', needsRight: true },
  { id: 'gt', title: 'больше', needsRight: true },
  { id: 'gte', title: 'больше или равно', needsRight: true },
  { id: 'lt', title: 'меньше', needsRight: true },
  { id: 'lte', title: 'меньше или равно', needsRight: true },
  { id: 'empty', title: 'пусто', needsRight: false },
  { id: 'not_empty', title: 'не пусто', needsRight: false },
  { id: 'regex', title: 'соответствует регулярному выражению', needsRight: true },
  { id: 'phone_eq', title: 'телефон совпадает', needsRight: true },
]);

/** A rule that cannot be evaluated (bad regex, unknown operator): the user must fix the rule. */
export class ConditionError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'ConditionError';
    this.code = code;
  }
}

/** Numbers as people type them: `1500`, `1 500,50`, `1,500.50`, `-3.5`. */
export function parseNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string') return null;
  let s = value.trim().replace(/[\s\u00a0\u202f]/g, '');
  if (s.includes(',') && s.includes('.')) s = s.replace(/,/g, '');
  else if (/^[+-]?\d*,\d+$/.test(s)) s = s.replace(',', '.');
  return /^[+-]?(\d+\.?\d*|\.\d+)$/.test(s) ? Number(s) : null;
}

export function isEmptyValue(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object' && !(value instanceof Date)) return Object.keys(value).length === 0;
  return false;
}

function text(value: unknown, ci: boolean): string {
  let s: string;
  if (value === undefined || value === null) s = '';
  else if (typeof value === 'string') s = value;
  else if (typeof value === 'object') s = JSON.stringify(value);
  else s = String(value);
  s = s.trim();
  // Russian users type "е" for "ё" interchangeably; case-insensitive mode forgives that too.
  return ci ? s.toLowerCase().replace(/ё/g, 'е') : s;
}

export function valuesEqual(a: unknown, b: unknown, ci = false): boolean {
  if (typeof a === 'number' || typeof b === 'number') {
    const x = parseNumber(a);
    const y = parseNumber(b);
    if (x !== null && y !== null) return x === y;
  }
  return text(a, ci) === text(b, ci);
}

function toList(right: unknown): unknown[] {
  if (Array.isArray(right)) return right;
  if (typeof right === 'string') return right.split(',').map((s) => s.trim()).filter((s) => s !== '');
  return right === undefined || right === null ? [] : [right];
}

/** Negative, zero or positive; null when the sides are neither both numbers nor both dates. */
function compare(a: unknown, b: unknown): number | null {
  const x = parseNumber(a);
  const y = parseNumber(b);
  if (x !== null && y !== null) return x - y;
  const dx = parseDate(a);
  const dy = parseDate(b);
  return dx !== null && dy !== null ? dx - dy : null;
}

export const REGEX_MAX_PATTERN = 500;
export const REGEX_MAX_INPUT = 10_000;

/**
 * Why a pattern may backtrack catastrophically, or null. A static check, since a regex cannot be
 * interrupted in JS: it rejects backreferences and quantified groups that contain a quantifier
 * (`(a+)+`, `(.*)*`) or ambiguous alternatives (`(a|aa)+`); literal alternatives where none is a
 * prefix of another (`(ООО|ИП)+`) are unambiguous and allowed.
 */
export function unsafeRegexReason(pattern: string): string | null {
  if (pattern.length > REGEX_MAX_PATTERN) return `слишком длинное выражение (больше ${REGEX_MAX_PATTERN} символов)`;
  // `ambiguous`: the frame can match one string in several ways (unbounded repeats, overlapping options).
  type Frame = { start: number; quantified: boolean; alternation: boolean; ambiguous: boolean };
  const frame = (start: number): Frame => ({ start, quantified: false, alternation: false, ambiguous: false });
  const stack: Frame[] = [frame(0)];
  const quantifier = /^(?:[*+?]|\{\d+(,\d*)?\})/;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    const top = stack[stack.length - 1]!;
    if (ch === '\\') {
      if (/[1-9k]/.test(pattern[i + 1] ?? '')) return 'обратные ссылки (\\1, \\k<…>) не поддерживаются';
      i++;
    } else if (ch === '[') {
      for (i++; i < pattern.length && pattern[i] !== ']'; i++) if (pattern[i] === '\\') i++;
    } else if (ch === '(') {
      const prefix = /^\?(?:[:=!]|<[=!]|<[^>]*>)/.exec(pattern.slice(i + 1))?.[0] ?? '';
      stack.push(frame(i + 1 + prefix.length));
      i += prefix.length;
    } else if (ch === ')' && stack.length > 1) {
      stack.pop();
      const q = quantifier.exec(pattern.slice(i + 1))?.[0] ?? null;
      const repeats = q !== null && q !== '?' && !/^\{[01](,[01])?\}$/.test(q);
      const body = pattern.slice(top.start, i);
      const ambiguous = top.ambiguous || (top.alternation && !prefixFreeLiterals(body));
      if (repeats && top.quantified) return `вложенные повторения вроде «(${body})${q}»`;
      if (repeats && ambiguous) return `неоднозначные варианты в повторяемой группе «(${body})${q}»`;
      const parent = stack[stack.length - 1]!;
      parent.quantified ||= top.quantified || (q !== null && isVariable(q));
      parent.ambiguous ||= ambiguous;
      if (q) i += q.length;
    } else if (ch === '|') {
      top.alternation = true;
    } else {
      const q = quantifier.exec(pattern.slice(i, i + 24))?.[0];
      if (q) {
        top.quantified ||= isVariable(q);
        i += q.length - 1;
      }
    }
  }
  return null;
}

/** `{3}` matches one fixed length, so it adds no ambiguity; every other quantifier does. */
function isVariable(q: string): boolean {
  return !/^\{(\d+)(,\1)?\}$/.test(q);
}

function prefixFreeLiterals(body: string): boolean {
  const options = body.split('|');
  if (options.some((o) => o === '' || /[\\^$.?*+()[\]{}]/.test(o))) return false;
  const lower = options.map((o) => o.toLowerCase());
  return lower.every((a, i) => lower.every((b, j) => i === j || !b.startsWith(a)));
}

const regexCache = new Map<string, RegExp>();

/**
 * How a compiled pattern is tested. The static check above cannot catch every slow pattern, so
 * the server installs a runner that stops a test after a few milliseconds (see
 * core/engine/regex-runner.ts); this module stays free of Node APIs for the editor.
 */
export type RegexRunner = (re: RegExp, input: string) => boolean;
let runRegex: RegexRunner = (re, input) => re.test(input);
export function setRegexRunner(runner: RegexRunner): void {
  runRegex = runner;
}

function compileRegex(pattern: unknown, ci: boolean): RegExp {
  if (typeof pattern !== 'string' || pattern === '') {
    throw new ConditionError('CONDITION_REGEX_EMPTY', 'Укажите регулярное выражение');
  }
  const key = `${ci ? 'i' : '-'}${pattern}`;
  const cached = regexCache.get(key);
  if (cached) return cached;
  const reason = unsafeRegexReason(pattern);
  if (reason) throw new ConditionError('CONDITION_REGEX_UNSAFE', `Регулярное выражение «${pattern}» не разрешено: ${reason}`);
  let re: RegExp;
  try {
    re = new RegExp(pattern, ci ? 'i' : '');
  } catch {
    throw new ConditionError('CONDITION_REGEX_INVALID', `Ошибка в регулярном выражении «${pattern}»`);
  }
  if (regexCache.size >= 500) regexCache.clear();
  regexCache.set(key, re);
  return re;
}

/** Throws ConditionError for an unknown operator or a bad regex. */
export function applyOperator(op: string, left: unknown, right: unknown, ci = false): boolean {
  switch (op) {
    case 'eq':
      return valuesEqual(left, right, ci);
    case 'neq':
      return !valuesEqual(left, right, ci);
    case 'contains':
    case 'not_contains': {
      const found = Array.isArray(left)
        ? left.some((item) => valuesEqual(item, right, ci))
        : left !== undefined && left !== null && typeof left !== 'object' && text(left, ci).includes(text(right, ci));
      return op === 'contains' ? found : !found;
    }
    case 'starts_with':
      return text(left, ci).startsWith(text(right, ci));
    case 'ends_with':
      return text(left, ci).endsWith(text(right, ci));
    case 'in': {
      const list = toList(right);
      const lefts = Array.isArray(left) ? left : [left];
      return lefts.some((l) => list.some((item) => valuesEqual(l, item, ci)));
    }
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      const c = compare(left, right);
      if (c === null) return false;
      return op === 'gt' ? c > 0 : op === 'gte' ? c >= 0 : op === 'lt' ? c < 0 : c <= 0;
    }
    case 'empty':
      return isEmptyValue(left);
    case 'not_empty':
      return !isEmptyValue(left);
    case 'regex': {
      const re = compileRegex(right, ci);
      return runRegex(re, text(left, false).slice(0, REGEX_MAX_INPUT));
    }
    case 'phone_eq': {
      const a = normalizePhone(left);
      const b = normalizePhone(right);
      if (a !== null || b !== null) return a === b;
      // Foreign numbers: compare the digits, so "+380 44…" still equals "38044…".
      const da = text(left, false).replace(/\D/g, '');
      return da !== '' && da === text(right, false).replace(/\D/g, '');
    }
    default:
      throw new ConditionError('CONDITION_UNKNOWN_OPERATOR', `Неизвестный оператор «${op}»`);
  }
}
