import { authRoutes } from '../auth/auth.routes.ts';
import { connectionRoutes } from '../modules/connections/connection.routes.ts';
import type { AnyRoute } from './route.ts';
import { systemRoutes } from './system.routes.ts';

/** Every route of the API, in one list: mounted by createApp and described in OpenAPI. */
export function allRoutes(): AnyRoute[] {
  return [...systemRoutes, ...authRoutes, ...connectionRoutes];
}
