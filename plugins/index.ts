import type { PluginDefinition } from '../core/sdk/index.ts';

/** The one list of installed plugins. Adding a plugin means adding it here; no core file changes. */
export const plugins: PluginDefinition[] = [];
