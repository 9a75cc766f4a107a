import { isReply, pageReply, readPaging } from '../list-query.ts';
import { hal, noContent } from '../problem.ts';
import type { Router } from '../router.ts';
import type { SimCore } from '../sim-core.ts';
import { userView } from '../views.ts';

export function registerUserRoutes(router: Router, core: SimCore): void {
  router.add('GET', '/api/v4/users', (r) => {
    const paging = readPaging(r.query);
    if (isReply(paging)) return paging;
    return pageReply(core, r, 'users', core.state.users, paging, (u) => userView(core, u), { withTotals: true });
  });
  router.add('GET', '/api/v4/users/:id', (r) => {
    const u = core.state.users.find((x) => x.id === r.params.id);
    return u ? hal(userView(core, u)) : noContent();
  });
}
