import { authRoutes } from '../auth/auth.routes.ts';
import { adminRoutes } from '../modules/admin/admin.routes.ts';
import { hookRoutes } from '../ingest/hooks.routes.ts';
import { connectionRoutes } from '../modules/connections/connection.routes.ts';
import { runRoutes } from '../modules/runs/run.routes.ts';
import { workflowRoutes } from '../modules/workflows/workflow.routes.ts';
import { workflowTemplateRoutes } from '../modules/workflows/workflow-template.routes.ts';
import type { AnyRoute } from './route.ts';
import { systemRoutes } from './system.routes.ts';

/** Every route of the API, in one list: mounted by createApp and described in OpenAPI. */
export function allRoutes(): AnyRoute[] {
  return [...systemRoutes, ...authRoutes, ...connectionRoutes, ...workflowRoutes, ...workflowTemplateRoutes, ...runRoutes, ...adminRoutes, ...hookRoutes];
}
