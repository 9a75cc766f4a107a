/**
 * Templates `{{ path | filter:"arg" }}` over the run data (`{ trigger: {...}, <nodeId>: {...} }`).
 *
 * Paths: `trigger.body.leads.status[0].id`, `n3.items.0.id`, `["key with spaces"]`.
 * The language is data access plus whitelisted filters only: nothing from a graph is evaluated
 * as code, and lookups only follow own properties, so `{{ trigger.constructor }}` is undefined.
 */
import { jsonSizeUpTo } from './json-size.ts';
import { getFilter, type FilterArg } from './template-filters.ts';

export type PathSegment = string | number;

export interface TemplateFilterCall {
  name: string;
  arg?: FilterArg;
}

export interface TemplateExpression {
  kind: 'expr';
  /** The text between the braces, as written. */
  source: string;
  path: PathSegment[];
  /** The path with dots only: `trigger.leads.0.id`. */
  pathText: string;
  filters: TemplateFilterCall[];
  /** Offsets of `{{` and after `}}` in the template. */
  start: number;
  end: number;
}

export type TemplatePart = { kind: 'text'; text: string } | TemplateExpression;

export type TemplateScope = Record<string, unknown>;

export class TemplateError extends Error {
  readonly code: string;
  readonly position: number;
  constructor(code: string, message: string, position: number) {
    super(message);
    this.name = 'TemplateError';
    this.code = code;
    this.position = position;
  }
}

/** Whether a value is a string containing `{{` (a cheap check before parsing). */
export function hasTemplate(value: unknown): boolean {
  return typeof value === 'string' && value.includes('{{');
}

const SEGMENT = /[^\s.[\]|"'{}:]+/y;
const FILTER_NAME = /[A-Za-z_]\w*/y;
const BARE_ARG = /[^\s|"']+/y;

/** A cursor over one expression; `base` maps offsets back into the whole template for messages. */
class Cursor {
  i = 0;
  constructor(readonly text: string, readonly base: number) {}
  ws(): void {
    while (this.i < this.text.length && /\s/.test(this.text[this.i]!)) this.i++;
  }
  peek(): string | undefined {
    return this.text[this.i];
  }
  match(re: RegExp): string | null {
    re.lastIndex = this.i;
    const m = re.exec(this.text);
    if (!m) return null;
    this.i += m[0].length;
    return m[0];
  }
  quoted(): string | null {
    const q = this.peek();
    if (q !== '"' && q !== "'") return null;
    let out = '';
    for (let j = this.i + 1; j < this.text.length; j++) {
      const c = this.text[j]!;
      if (c === '\\' && j + 1 < this.text.length) out += this.text[++j];
      else if (c === q) {
        this.i = j + 1;
        return out;
      } else out += c;
    }
    throw this.fail('TEMPLATE_BAD_ARGUMENT', 'Не закрыта кавычка');
  }
  fail(code: string, message: string): TemplateError {
    return new TemplateError(code, `${message} в шаблоне «{{${this.text}}}» (позиция ${this.base + this.i + 1})`, this.base + this.i);
  }
}

function parsePath(c: Cursor): PathSegment[] {
  const path: PathSegment[] = [];
  for (;;) {
    const first = path.length === 0;
    if (c.peek() === '[') {
      c.i++;
      const quoted = c.quoted();
      const index = quoted === null ? c.match(/\d+/y) : null;
      if ((quoted ?? index) === null || c.peek() !== ']') throw c.fail('TEMPLATE_BAD_PATH', 'Ожидался индекс вида [0] или ["ключ"]');
      c.i++;
      path.push(quoted ?? Number(index));
    } else if (first || c.peek() === '.') {
      if (!first) c.i++;
      const seg = c.match(SEGMENT);
      if (seg === null) throw c.fail('TEMPLATE_BAD_PATH', first ? 'Ожидался путь к полю, например trigger.name' : 'Ожидалось имя поля после точки');
      path.push(/^\d+$/.test(seg) ? Number(seg) : seg);
    } else {
      return path;
    }
  }
}

function parseExpression(source: string, start: number, end: number): TemplateExpression {
  const c = new Cursor(source, start + 2);
  c.ws();
  if (c.i === source.length) throw c.fail('TEMPLATE_EMPTY', 'Пустое выражение');
  const path = parsePath(c);
  const filters: TemplateFilterCall[] = [];
  c.ws();
  while (c.peek() === '|') {
    c.i++;
    c.ws();
    const name = c.match(FILTER_NAME);
    if (name === null) throw c.fail('TEMPLATE_BAD_FILTER', 'Ожидалось имя фильтра после «|»');
    const spec = getFilter(name);
    if (!spec) throw c.fail('TEMPLATE_UNKNOWN_FILTER', `Неизвестный фильтр «${name}»`);
    c.ws();
    let arg: FilterArg | undefined;
    if (c.peek() === ':') {
      c.i++;
      c.ws();
      const quoted = c.quoted();
      const bare = quoted === null ? c.match(BARE_ARG) : null;
      if (quoted === null && bare === null) throw c.fail('TEMPLATE_BAD_ARGUMENT', `Ожидался аргумент фильтра «${name}»`);
      arg = quoted ?? (/^-?\d+(\.\d+)?$/.test(bare!) ? Number(bare) : bare!);
      c.ws();
    }
    if (spec.arg === 'none' && arg !== undefined) throw c.fail('TEMPLATE_BAD_ARGUMENT', `Фильтр «${name}» не принимает аргумент`);
    if (spec.arg === 'required' && arg === undefined) throw c.fail('TEMPLATE_BAD_ARGUMENT', `Фильтру «${name}» нужен аргумент, например ${spec.example}`);
    filters.push(arg === undefined ? { name } : { name, arg });
  }
  if (c.i < source.length) throw c.fail('TEMPLATE_BAD_PATH', `Лишние символы «${source.slice(c.i).trim()}»`);
  return { kind: 'expr', source, path, pathText: path.join('.'), filters, start, end };
}

/** Finds the `}}` closing the expression at `from`, skipping quoted filter arguments. */
function findClose(template: string, from: number): number {
  let quote: string | null = null;
  for (let j = from; j < template.length; j++) {
    const ch = template[j];
    if (quote) {
      if (ch === '\\') j++;
      else if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '}' && template[j + 1] === '}') return j;
  }
  return -1;
}

const cache = new Map<string, readonly TemplatePart[]>();
const CACHE_LIMIT = 1000;

/** Splits a template into text and expressions; throws TemplateError on syntax errors. */
export function parseTemplate(template: string): readonly TemplatePart[] {
  const cached = cache.get(template);
  if (cached) return cached;
  const parts: TemplatePart[] = [];
  let i = 0;
  for (;;) {
    const open = template.indexOf('{{', i);
    if (open < 0) break;
    const close = findClose(template, open + 2);
    if (close < 0) throw new TemplateError('TEMPLATE_UNCLOSED', `Не закрыта скобка «{{» (позиция ${open + 1}): ожидалось «}}»`, open);
    if (open > i) parts.push({ kind: 'text', text: template.slice(i, open) });
    parts.push(parseExpression(template.slice(open + 2, close), open, close + 2));
    i = close + 2;
  }
  if (i < template.length) parts.push({ kind: 'text', text: template.slice(i) });
  // Renders happen per run with the same few templates; the parts are frozen so sharing is safe.
  if (cache.size >= CACHE_LIMIT) cache.clear();
  const frozen = Object.freeze(parts.map((p) => Object.freeze(p)));
  cache.set(template, frozen);
  return frozen;
}

/** Unique field paths used by a template, dot-joined (`trigger.leads.0.id`), for the editor. */
export function listTemplatePaths(template: string): string[] {
  const paths = parseTemplate(template).flatMap((p) => (p.kind === 'expr' ? [p.pathText] : []));
  return [...new Set(paths)];
}

/** The syntax error of a template, or null; for form validation without try/catch. */
export function checkTemplate(template: string): TemplateError | null {
  try {
    parseTemplate(template);
    return null;
  } catch (err) {
    if (err instanceof TemplateError) return err;
    throw err;
  }
}

export function lookupPath(scope: unknown, path: readonly PathSegment[]): unknown {
  let current = scope;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    const key = String(segment);
    if (!Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function evaluate(expr: TemplateExpression, scope: TemplateScope): unknown {
  let value = lookupPath(scope, expr.path);
  for (const f of expr.filters) value = getFilter(f.name)!.apply(value, f.arg);
  return value;
}

function toText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString();
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/**
 * How much a render may produce, in characters (about bytes for Latin, half for Cyrillic). A
 * template that repeats a big field thousands of times would otherwise build a string of
 * gigabytes; the budget stops it as soon as it is spent.
 */
export interface RenderBudget {
  remaining: number;
  /** The message when the budget is spent (the caller knows which node and field). */
  exceeded: () => string;
}

let ambientBudget: RenderBudget | null = null;

/** Runs `fn` with `budget` applied to every render inside it (for code that renders on its own, like conditions). */
export function withRenderBudget<T>(budget: RenderBudget, fn: () => T): T {
  const previous = ambientBudget;
  ambientBudget = budget;
  try {
    return fn();
  } finally {
    ambientBudget = previous;
  }
}

function charge(budget: RenderBudget | null, amount: number): void {
  if (!budget) return;
  budget.remaining -= amount;
  if (budget.remaining < 0) throw new TemplateError('TEMPLATE_OUTPUT_TOO_LARGE', budget.exceeded(), 0);
}

/**
 * A template that is exactly one expression (surrounding spaces allowed) returns the raw value,
 * so `{{ trigger.items }}` stays an array and `{{ n2.total }}` a number; anything else is a string.
 */
export function renderTemplate(template: string, scope: TemplateScope, budget: RenderBudget | null = ambientBudget): unknown {
  if (!template.includes('{{')) return template;
  const parts = parseTemplate(template);
  const exprs = parts.filter((p): p is TemplateExpression => p.kind === 'expr');
  if (exprs.length === 1 && parts.every((p) => p.kind === 'expr' || p.text.trim() === '')) {
    const value = evaluate(exprs[0]!, scope);
    if (budget) charge(budget, typeof value === 'string' ? value.length : jsonSizeUpTo(value, budget.remaining + 1));
    return value;
  }
  const out: string[] = [];
  for (const p of parts) {
    const text = p.kind === 'text' ? p.text : toText(evaluate(p, scope));
    charge(budget, text.length);
    out.push(text);
  }
  return out.join('');
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Renders every string inside objects and arrays (keys are left alone); returns a new value. */
export function resolveTemplates(value: unknown, scope: TemplateScope, budget: RenderBudget | null = ambientBudget): unknown {
  if (typeof value === 'string') return renderTemplate(value, scope, budget);
  if (Array.isArray(value)) return value.map((item) => resolveTemplates(item, scope, budget));
  if (isPlainObject(value)) {
    // fromEntries defines properties, so a `__proto__` key stays data instead of a prototype.
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, resolveTemplates(item, scope, budget)]));
  }
  return value;
}
