import { renderStaff } from '../render-rest.ts';
import type { Router } from '../router.ts';

export function registerStaffRoutes(router: Router): void {
  router.add('GET', '/staff', ({ core }) => [...core.state.staff.values()].map(renderStaff));
}
