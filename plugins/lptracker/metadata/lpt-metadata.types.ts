/** An LPTracker account's reference data, cached per connection (the core keeps it with `fetchedAt`). */

export interface LptStageMeta {
  id: number;
  name: string;
  inLeads: boolean;
  inDeals: boolean;
}

export interface LptFieldMeta {
  id: number;
  name: string;
  /** Lead fields: text, number, date, cats…; contact fields: string, text, date, number. */
  type: string;
  /** Category fields: whether several options may be chosen. */
  multi?: boolean;
  /** Category fields: the option names. */
  categories?: string[];
}

export interface LptProjectMeta {
  id: number;
  name: string;
  domain: string;
  /** «Воронка» in LPTracker's API: its steps, in order («Новый лид» first). */
  stages: LptStageMeta[];
  /** Поля конструктора (`/customs`). */
  leadFields: LptFieldMeta[];
  /** `/fields`. */
  contactFields: LptFieldMeta[];
}

export interface LptStaffMeta {
  id: number;
  name: string;
  job: string;
}

export interface LptMetadata {
  projects: LptProjectMeta[];
  staff: LptStaffMeta[];
}

export function isLptMetadata(m: unknown): m is LptMetadata {
  return typeof m === 'object' && m !== null && Array.isArray((m as LptMetadata).projects) && Array.isArray((m as LptMetadata).staff);
}
