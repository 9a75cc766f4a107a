import type { ListResult } from './workflows.api.ts';

/**
 * A page of a history list («Логи»): counting stops at 10 000 (`totalCapped`), and deeper pages go
 * by `cursor` (`nextCursor` of the page before), since offsets stop there.
 */
export interface PagedList<T> extends ListResult<T> {
  totalCapped?: boolean;
  nextCursor?: string | null;
}
