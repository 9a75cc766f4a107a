import type { EntityRef } from '../../api/runs.api.ts';

/**
 * «AmoCRM сделка 123»: the server names each record in its service's words (the plugin's
 * `entityTitles`); `titles` maps a plugin id to its title for refs that come without them.
 */
export function entityLabel(ref: EntityRef, titles: Record<string, string> = {}): string {
  const system = ref.systemTitle ?? titles[ref.system] ?? 'Другая система';
  return `${system} ${ref.typeTitle ?? 'запись'} ${ref.id}`;
}

/** «AmoCRM сделка 123 ↔ LPTracker лид 456» */
export const linkLabel = (link: { a: EntityRef; b: EntityRef }, titles: Record<string, string> = {}) =>
  `${entityLabel(link.a, titles)} ↔ ${entityLabel(link.b, titles)}`;
