import type http from 'node:http';
import type qs from 'qs';
import type { Reply } from './problem.ts';

export interface RouteRequest {
  method: string;
  path: string;
  /** Raw query string without "?", for building HAL self/next links. */
  search: string;
  query: qs.ParsedQs;
  params: Record<string, number>;
  body: unknown;
  headers: http.IncomingHttpHeaders;
}

export type Handler = (r: RouteRequest) => Reply | Promise<Reply>;

interface Route {
  method: string;
  segments: string[];
  handler: Handler;
}

/**
 * Path matcher for `/api/v4/leads/:id` patterns. Parameters match digits only, the way amoCRM ids
 * look, so `/leads/pipelines` never reaches a `/leads/:id` handler.
 */
export class Router {
  private routes: Route[] = [];

  add(method: string, pattern: string, handler: Handler): this {
    this.routes.push({ method, segments: pattern.split('/').filter(Boolean), handler });
    return this;
  }

  match(method: string, path: string): { handler: Handler; params: Record<string, number> } | undefined {
    const parts = path.split('/').filter(Boolean);
    for (const r of this.routes) {
      if (r.method !== method || r.segments.length !== parts.length) continue;
      const params: Record<string, number> = {};
      let ok = true;
      for (let i = 0; i < parts.length && ok; i++) {
        const seg = r.segments[i]!;
        const part = parts[i]!;
        if (seg.startsWith(':')) {
          if (/^\d{1,15}$/.test(part)) params[seg.slice(1)] = Number(part);
          else ok = false;
        } else if (seg !== part) ok = false;
      }
      if (ok) return { handler: r.handler, params };
    }
    return undefined;
  }
}
