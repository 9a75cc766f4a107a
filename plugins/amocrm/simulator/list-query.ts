import type qs from 'qs';
import { hal, noContent, problems, type Reply } from './problem.ts';
import type { RouteRequest } from './router.ts';
import type { SimCore } from './sim-core.ts';

export interface Paging {
  page: number;
  limit: number;
}

const MAX_LIMIT = 250;

/** `page`/`limit` with amoCRM's defaults; over 250 is a 422, as the real API answers. */
export function readPaging(query: qs.ParsedQs, defaultLimit = 50, pageCap = MAX_LIMIT): Paging | Reply {
  const limitRaw = typeof query.limit === 'string' ? Number(query.limit) : NaN;
  const pageRaw = typeof query.page === 'string' ? Number(query.page) : NaN;
  if (Number.isInteger(limitRaw) && limitRaw > MAX_LIMIT) return problems.limitExceeded();
  const limit = Number.isInteger(limitRaw) && limitRaw > 0 ? Math.min(limitRaw, pageCap) : defaultLimit;
  const page = Number.isInteger(pageRaw) && pageRaw > 0 ? pageRaw : 1;
  return { page, limit };
}

export function isReply(x: Paging | Reply): x is Reply {
  return 'status' in x;
}

function pageHref(core: SimCore, r: RouteRequest, page: number, limit: number): { href: string } {
  const params = new URLSearchParams(r.search);
  params.set('page', String(page));
  params.set('limit', String(limit));
  return { href: `${core.baseUrl}${r.path}?${params.toString()}` };
}

export interface ListOptions {
  /** Lists with totals (users, custom fields) know their end; entity lists only know the page was full. */
  withTotals?: boolean;
}

/**
 * One page in the HAL envelope, or 204 with an empty body when the page is empty. Entity lists
 * carry `next` whenever the page is full (so the page after the last one is a 204, as clients must
 * expect); lists with totals carry it only when another page exists.
 */
export function pageReply<T>(core: SimCore, r: RouteRequest, key: string, all: T[], paging: Paging, view: (item: T) => object, opts: ListOptions = {}): Reply {
  const { page, limit } = paging;
  const slice = all.slice((page - 1) * limit, page * limit);
  if (slice.length === 0) return noContent();
  const pageCount = Math.max(1, Math.ceil(all.length / limit));
  const links: Record<string, { href: string }> = { self: pageHref(core, r, page, limit) };
  const hasNext = opts.withTotals ? page < pageCount : slice.length === limit;
  if (hasNext) links.next = pageHref(core, r, page + 1, limit);
  if (page > 1) {
    links.first = pageHref(core, r, 1, limit);
    links.prev = pageHref(core, r, page - 1, limit);
  }
  const body: Record<string, object | number> = {};
  if (opts.withTotals) {
    body._total_items = all.length;
    body._page_count = pageCount;
  }
  body._page = page;
  body._links = links;
  body._embedded = { [key]: slice.map(view) };
  return hal(body);
}

/** `filter[x][]=1&filter[x][]=2`, `filter[x][0]=1`, `filter[x]=1,2` → [1, 2]. */
export function intList(v: unknown): number[] | undefined {
  if (v === undefined) return undefined;
  const items = Array.isArray(v) ? v : typeof v === 'object' && v !== null ? Object.values(v) : String(v).split(',');
  return items.map((x) => Number(x)).filter((n) => Number.isInteger(n));
}

export function filterOf(query: qs.ParsedQs): Record<string, unknown> {
  const f = query.filter;
  return typeof f === 'object' && f !== null && !Array.isArray(f) ? (f as Record<string, unknown>) : {};
}

/** `filter[created_at][from]=..&[to]=..` or a single exact value. */
export function inRange(value: number | null, range: unknown): boolean {
  if (range === undefined) return true;
  if (value === null) return false;
  if (typeof range === 'object' && range !== null && !Array.isArray(range)) {
    const r = range as Record<string, unknown>;
    const from = r.from !== undefined ? Number(r.from) : -Infinity;
    const to = r.to !== undefined ? Number(r.to) : Infinity;
    return value >= from && value <= to;
  }
  return value === Number(range);
}

/** `order[created_at]=desc`; ids ascending by default. */
export function sortBy<T extends { id: number; created_at: number; updated_at: number }>(items: T[], query: qs.ParsedQs): T[] {
  const order = query.order;
  let key: 'id' | 'created_at' | 'updated_at' = 'id';
  let dir = 1;
  if (typeof order === 'object' && order !== null && !Array.isArray(order)) {
    for (const k of ['id', 'created_at', 'updated_at'] as const) {
      const v = (order as Record<string, unknown>)[k];
      if (typeof v === 'string') {
        key = k;
        dir = v.toLowerCase() === 'desc' ? -1 : 1;
        break;
      }
    }
  }
  return [...items].sort((a, b) => (a[key] - b[key] || a.id - b.id) * dir);
}

export function withList(query: qs.ParsedQs): Set<string> {
  const w = query.with;
  return new Set(typeof w === 'string' ? w.split(',').map((s) => s.trim()) : []);
}
