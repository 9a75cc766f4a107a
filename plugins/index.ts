import type { PluginDefinition } from '../core/sdk/index.ts';
import amocrm from './amocrm/index.ts';
import http from './http/index.ts';
import logic from './logic/index.ts';
import lptracker from './lptracker/index.ts';
import webhook from './webhook/index.ts';

/** The one list of installed plugins. Adding a plugin means adding it here; no core file changes. */
export const plugins: PluginDefinition[] = [webhook, logic, http, amocrm, lptracker];
