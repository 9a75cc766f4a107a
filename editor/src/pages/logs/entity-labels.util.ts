import type { EntityRef } from '../../api/runs.api.ts';

/** How each CRM names its records: an AmoCRM «lead» is a deal (сделка), an LPTracker one a lead (лид). */
const TYPE_WORDS: Record<string, Record<string, string>> = {
  amocrm: { lead: 'сделка', contact: 'контакт', company: 'компания' },
};
const DEFAULT_WORDS: Record<string, string> = { lead: 'лид', deal: 'сделка', contact: 'контакт', company: 'компания', task: 'задача' };

/** Brand names before the plugin list has loaded. */
const KNOWN_SYSTEMS: Record<string, string> = { amocrm: 'AmoCRM', lptracker: 'LPTracker' };

/** «AmoCRM сделка 123»; `titles` maps a plugin id to its title (from the node types). */
export function entityLabel(ref: EntityRef, titles: Record<string, string> = {}): string {
  const system = titles[ref.system] ?? KNOWN_SYSTEMS[ref.system] ?? 'Другая система';
  const word = TYPE_WORDS[ref.system]?.[ref.type] ?? DEFAULT_WORDS[ref.type] ?? 'запись';
  return `${system} ${word} ${ref.id}`;
}

/** «AmoCRM сделка 123 ↔ LPTracker лид 456» */
export const linkLabel = (link: { a: EntityRef; b: EntityRef }, titles: Record<string, string> = {}) =>
  `${entityLabel(link.a, titles)} ↔ ${entityLabel(link.b, titles)}`;
