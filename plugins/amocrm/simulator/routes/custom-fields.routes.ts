import { isReply, pageReply, readPaging } from '../list-query.ts';
import { hal, noContent } from '../problem.ts';
import type { Router } from '../router.ts';
import type { SimCore } from '../sim-core.ts';
import type { AmoEntityType } from '../sim-types.ts';
import { fieldView } from '../views.ts';

// 50 per page is what clients rely on for custom fields (reference §3.2); they follow `_links.next`.
const FIELDS_PAGE = 50;

export function registerCustomFieldRoutes(router: Router, core: SimCore): void {
  for (const type of ['leads', 'contacts', 'companies'] as AmoEntityType[]) {
    router.add('GET', `/api/v4/${type}/custom_fields`, (r) => {
      const paging = readPaging(r.query, FIELDS_PAGE, FIELDS_PAGE);
      if (isReply(paging)) return paging;
      const fields = [...core.state.customFields[type]].sort((a, b) => a.sort - b.sort || a.id - b.id);
      return pageReply(core, r, 'custom_fields', fields, paging, (f) => fieldView(core, f), { withTotals: true });
    });
    router.add('GET', `/api/v4/${type}/custom_fields/:id`, (r) => {
      const f = core.state.customFields[type].find((x) => x.id === r.params.id);
      return f ? hal(fieldView(core, f)) : noContent();
    });
  }
}
