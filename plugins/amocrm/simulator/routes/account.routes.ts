import { withList } from '../list-query.ts';
import { hal } from '../problem.ts';
import type { Router } from '../router.ts';
import { href, type SimCore } from '../sim-core.ts';

export function registerAccountRoutes(router: Router, core: SimCore): void {
  router.add('GET', '/api/v4/account', (r) => {
    const a = core.state.account;
    const withs = withList(r.query);
    const { amojo_id, version, ...base } = a;
    const body: Record<string, string | number | boolean | object> = { ...base, _links: { self: href(core, '/api/v4/account') } };
    if (withs.has('amojo_id')) body.amojo_id = amojo_id;
    if (withs.has('version')) body.version = version;
    if (withs.has('drive_url')) body.drive_url = `https://drive-b.amocrm.ru`;
    if (withs.has('is_api_filter_enabled')) body.is_api_filter_enabled = true;
    const embedded: Record<string, object> = {};
    if (withs.has('amojo_rights')) embedded.amojo_rights = { can_direct: true, can_create_groups: true };
    if (withs.has('users_groups')) embedded.users_groups = core.state.usersGroups;
    if (withs.has('task_types')) embedded.task_types = core.state.taskTypes.map((t) => ({ ...t, color: null, icon_id: null }));
    if (withs.has('entity_names')) {
      embedded.entity_names = {
        leads: { ru: { gender: 'f', plural_form: { dative: 'сделкам', default: 'сделки', genitive: 'сделок', accusative: 'сделки', instrumental: 'сделками', prepositional: 'сделках' }, singular_form: { dative: 'сделке', default: 'сделка', genitive: 'сделки', accusative: 'сделку', instrumental: 'сделкой', prepositional: 'сделке' } } },
      };
    }
    if (withs.has('datetime_settings')) {
      embedded.datetime_settings = {
        date_pattern: 'd.m.Y H:i',
        short_date_pattern: 'd.m.Y',
        short_time_pattern: 'H:i',
        date_format: 'd.m.Y',
        time_format: 'H:i:s',
        timezone: 'Europe/Moscow',
        timezone_offset: '+03:00',
      };
    }
    if (withs.has('invoices_settings')) embedded.invoices_settings = { lang: 'ru', invoices_catalog_id: null };
    if (Object.keys(embedded).length > 0) body._embedded = embedded;
    return hal(body);
  });
}
