import { formatNumber } from './date-format.util.ts';

/** The server counts up to this and skips at most this many rows; deeper pages go by cursor. */
export const OFFSET_LIMIT = 10_000;

/**
 * Where a history list stands. A page is reached either by offset (numbered pages, within the
 * first 10 000 rows) or by the cursor «Далее» got from the page before; `page` (1-based) is
 * what the user reads either way.
 */
export interface PagePosition {
  page: number;
  offset: number;
  cursor: string | null;
}

export const FIRST_PAGE: PagePosition = { page: 1, offset: 0, cursor: null };

/** «1 234» or «более 10 000». */
export function totalText(total: number, capped: boolean | undefined): string {
  return capped ? `более ${formatNumber(OFFSET_LIMIT)}` : formatNumber(total);
}

/** «51–100»: the rows on screen. */
export function rangeText(position: PagePosition, limit: number, count: number): string {
  const from = (position.page - 1) * limit + 1;
  return count > 0 ? `${formatNumber(from)}–${formatNumber(from + count - 1)}` : '—';
}

/** A page may be opened by number when its offset is within what the server skips. */
export const reachableByOffset = (page: number, limit: number) => page >= 1 && (page - 1) * limit <= OFFSET_LIMIT;

export const byOffset = (page: number, limit: number): PagePosition => ({ page, offset: (page - 1) * limit, cursor: null });

/** The last page a number may open: the real last one, or the last within the first 10 000. */
export function lastNumberedPage(total: number, capped: boolean | undefined, limit: number): number {
  const reachable = Math.floor(OFFSET_LIMIT / limit) + 1;
  return capped ? reachable : Math.max(1, Math.min(Math.ceil(total / limit), reachable));
}

/**
 * Page numbers to show around the current one: the first, the last numbered, two either side;
 * null marks a gap («…»).
 */
export function pageNumbers(current: number, total: number, capped: boolean | undefined, limit: number): (number | null)[] {
  const last = lastNumberedPage(total, capped, limit);
  const wanted = new Set([1, last]);
  for (let p = current - 2; p <= current + 2; p++) if (p >= 1 && p <= last) wanted.add(p);
  const sorted = [...wanted].sort((a, b) => a - b);
  const out: (number | null)[] = [];
  sorted.forEach((p, i) => {
    if (i > 0 && p - sorted[i - 1]! > 1) out.push(null);
    out.push(p);
  });
  return out;
}

/** «Далее»: the page after by cursor; the current one goes on the stack for «Назад». */
export function nextPage(current: PagePosition, nextCursor: string, stack: PagePosition[]): { position: PagePosition; stack: PagePosition[] } {
  return { position: { page: current.page + 1, offset: 0, cursor: nextCursor }, stack: [...stack, current] };
}

/**
 * «Назад»: the page on the stack; without one (a shared link, a reload without history) the page
 * before by offset while it is reachable, else the first page.
 */
export function previousPage(current: PagePosition, stack: PagePosition[], limit: number): { position: PagePosition; stack: PagePosition[] } {
  if (current.page <= 1) return { position: FIRST_PAGE, stack: [] };
  const top = stack.at(-1);
  if (top && top.page === current.page - 1) return { position: top, stack: stack.slice(0, -1) };
  const page = current.page - 1;
  return { position: reachableByOffset(page, limit) ? byOffset(page, limit) : FIRST_PAGE, stack: [] };
}

/** The position a URL describes (`offset`, or `cursor` with `page`). */
export function positionFromParams(params: URLSearchParams, limit: number): PagePosition {
  const cursor = params.get('cursor');
  if (cursor) {
    const page = Number(params.get('page'));
    return { page: Number.isInteger(page) && page > 1 ? page : 2, offset: 0, cursor };
  }
  const raw = Number(params.get('offset'));
  const offset = Number.isInteger(raw) && raw > 0 ? Math.min(raw, OFFSET_LIMIT) : 0;
  return { page: Math.floor(offset / limit) + 1, offset, cursor: null };
}

/** Writes a position into URL params (the other params stay). */
export function writePosition(params: URLSearchParams, position: PagePosition): URLSearchParams {
  const next = new URLSearchParams(params);
  next.delete('offset');
  next.delete('cursor');
  next.delete('page');
  if (position.cursor) {
    next.set('cursor', position.cursor);
    next.set('page', String(position.page));
  } else if (position.offset > 0) next.set('offset', String(position.offset));
  return next;
}
