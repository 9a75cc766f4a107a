import type { RouteResult } from './envelope.ts';
import type { JsonObject } from './json-input.ts';
import type { SimCore } from './sim-core.ts';

export interface RouteCtx {
  core: SimCore;
  /** Path parameters; every one of them is an id, so the router only matches digits. */
  params: Record<string, number>;
  query: JsonObject;
  body: JsonObject;
  /** The account behind a valid token (or behind /login's login); null for anonymous calls. */
  accountId: number | null;
  token: string | null;
}

export type Handler = (ctx: RouteCtx) => RouteResult | Promise<RouteResult>;

interface Route { method: string; regex: RegExp; keys: string[]; auth: boolean; handler: Handler }

export interface RouteMatch { route: Route; params: Record<string, number> }

export class Router {
  private routes: Route[] = [];

  /** `pattern` like `/lead/:id/custom/:fieldId`. Routes need a token unless `auth` is false. */
  add(method: string, pattern: string, handler: Handler, auth = true): this {
    const keys: string[] = [];
    const source = pattern.replace(/:(\w+)/g, (_m, key: string) => {
      keys.push(key);
      return '(\\d+)';
    });
    this.routes.push({ method, regex: new RegExp(`^${source}$`), keys, auth, handler });
    return this;
  }

  match(method: string, path: string): RouteMatch | undefined {
    // The docs show `/project/{id}/` with a trailing slash in one place; both forms work live.
    const clean = path.length > 1 ? path.replace(/\/+$/, '') : path;
    for (const route of this.routes) {
      if (route.method !== method) continue;
      const m = route.regex.exec(clean);
      if (!m) continue;
      const params: Record<string, number> = {};
      route.keys.forEach((k, i) => (params[k] = Number(m[i + 1])));
      return { route, params };
    }
    return undefined;
  }
}
