import type Koa from 'koa';
import type { z } from 'zod';
import type { Container } from '../container.ts';

export type AuthLevel = 'none' | 'user' | 'admin';

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: 'admin' | 'member';
  tenantId: string;
  tenantName: string;
}

export interface AppState {
  requestId: string;
  user?: SessionUser;
  /** Route template, for metrics and logs. */
  routePath?: string;
}

export type AppContext = Koa.ParameterizedContext<AppState>;

export interface RouteInput<B, Q, P> {
  ctx: AppContext;
  body: B;
  query: Q;
  params: P;
  /** Present when `auth` is 'user' or 'admin'. */
  user: SessionUser;
  c: Container;
}

/**
 * A route is data: the same zod schemas validate the request and describe it in OpenAPI.
 * The handler's return value is the JSON body (undefined → 204).
 */
export interface RouteDef<
  B extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  P extends z.ZodType = z.ZodType,
> {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  summary: string;
  description?: string;
  tag: string;
  auth: AuthLevel;
  body?: B;
  query?: Q;
  params?: P;
  /** Response body schema, for the documentation. */
  response?: z.ZodType;
  status?: number;
  /**
   * Input is stored as sent, made storable (NUL and broken Unicode replaced), instead of refused
   * with 422: for webhooks, whose senders cannot fix what they send.
   */
  keepsRawInput?: boolean;
  handler(input: RouteInput<z.infer<B>, z.infer<Q>, z.infer<P>>): Promise<unknown> | unknown;
}

export function defineRoute<B extends z.ZodType = z.ZodType, Q extends z.ZodType = z.ZodType, P extends z.ZodType = z.ZodType>(
  def: RouteDef<B, Q, P>,
): RouteDef<B, Q, P> {
  return def;
}

export type AnyRoute = RouteDef<any, any, any>;
