import { describe, expect, it } from 'vitest';
import {
  FIRST_PAGE, byOffset, lastNumberedPage, nextPage, pageNumbers, positionFromParams, previousPage, rangeText, reachableByOffset, totalText, writePosition,
} from './cursor-paging.util.ts';

const nbsp = (s: string) => s.replace(/\s/g, ' ');

describe('totals and ranges', () => {
  it('says «более 10 000» when the count stopped at the cap', () => {
    expect(nbsp(totalText(10_000, true))).toBe('более 10 000');
    expect(nbsp(totalText(1234, false))).toBe('1 234');
  });

  it('counts rows of cursor pages by their page number', () => {
    expect(nbsp(rangeText({ page: 1, offset: 0, cursor: null }, 50, 50))).toBe('1–50');
    expect(nbsp(rangeText({ page: 300, offset: 0, cursor: 'c' }, 50, 17))).toBe('14 951–14 967');
    expect(rangeText(FIRST_PAGE, 50, 0)).toBe('—');
  });
});

describe('page numbers', () => {
  it('offer pages only within the first 10 000 rows', () => {
    expect(reachableByOffset(201, 50)).toBe(true); // offset 10 000
    expect(reachableByOffset(202, 50)).toBe(false);
    expect(lastNumberedPage(1_000_000, true, 50)).toBe(201);
    expect(lastNumberedPage(120, false, 50)).toBe(3);
    expect(lastNumberedPage(0, false, 50)).toBe(1);
  });

  it('show the first, the last numbered and two around the current page, with gaps', () => {
    expect(pageNumbers(1, 120, false, 50)).toEqual([1, 2, 3]);
    expect(pageNumbers(10, 10_000, true, 50)).toEqual([1, null, 8, 9, 10, 11, 12, null, 201]);
    // Deep by cursor: the numbers stay within reach, the current page is beyond them.
    expect(pageNumbers(500, 10_000, true, 50)).toEqual([1, null, 201]);
  });
});

describe('«Далее» and «Назад» by cursor', () => {
  it('walks forward by cursors and back along the stack', () => {
    let { position, stack } = nextPage(FIRST_PAGE, 'c2', []);
    expect(position).toEqual({ page: 2, offset: 0, cursor: 'c2' });
    ({ position, stack } = nextPage(position, 'c3', stack));
    expect(position).toEqual({ page: 3, offset: 0, cursor: 'c3' });
    expect(stack.map((p) => p.cursor)).toEqual([null, 'c2']);
    ({ position, stack } = previousPage(position, stack, 50));
    expect(position).toEqual({ page: 2, offset: 0, cursor: 'c2' });
    ({ position, stack } = previousPage(position, stack, 50));
    expect(position).toEqual(FIRST_PAGE);
    expect(stack).toEqual([]);
  });

  it('without a stack (a shared link) goes back by offset while reachable, else to the first page', () => {
    expect(previousPage({ page: 7, offset: 0, cursor: 'x' }, [], 50).position).toEqual(byOffset(6, 50));
    expect(previousPage({ page: 900, offset: 0, cursor: 'x' }, [], 50).position).toEqual(FIRST_PAGE);
    expect(previousPage(FIRST_PAGE, [], 50).position).toEqual(FIRST_PAGE);
  });

  it('a page number jump continues by cursor after it', () => {
    const jumped = byOffset(4, 25);
    expect(jumped).toEqual({ page: 4, offset: 75, cursor: null });
    const { position, stack } = nextPage(jumped, 'c5', []);
    expect(position.page).toBe(5);
    expect(previousPage(position, stack, 25).position).toEqual(jumped);
  });
});

describe('the URL', () => {
  it('round-trips a position and keeps the filters', () => {
    const base = new URLSearchParams('q=лид&status=failed&offset=100');
    const withCursor = writePosition(base, { page: 9, offset: 0, cursor: 'abc' });
    expect(withCursor.get('q')).toBe('лид');
    expect(withCursor.get('offset')).toBeNull();
    expect(positionFromParams(withCursor, 50)).toEqual({ page: 9, offset: 0, cursor: 'abc' });
    expect(positionFromParams(base, 50)).toEqual({ page: 3, offset: 100, cursor: null });
    expect(positionFromParams(writePosition(withCursor, FIRST_PAGE), 50)).toEqual(FIRST_PAGE);
    expect(positionFromParams(new URLSearchParams('offset=999999'), 50).offset).toBe(10_000);
  });
});
