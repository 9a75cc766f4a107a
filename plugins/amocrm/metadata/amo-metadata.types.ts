/** An AmoCRM account's reference data, cached per connection (the core keeps it with `fetchedAt`). */

export interface AmoStatusMeta {
  id: number;
  name: string;
  /** 1: «Неразобранное» (incoming), 0: a normal stage; 142 and 143 close the lead. */
  type: number;
  sort: number;
}

export interface AmoPipelineMeta {
  id: number;
  name: string;
  isMain: boolean;
  statuses: AmoStatusMeta[];
}

export interface AmoEnumMeta {
  id: number;
  value: string;
}

export interface AmoFieldMeta {
  id: number;
  name: string;
  /** AmoCRM's field type: text, numeric, select, multiselect, multitext, date, checkbox… */
  type: string;
  /** PHONE, EMAIL… for predefined fields, else null. */
  code: string | null;
  enums: AmoEnumMeta[] | null;
}

export interface AmoUserMeta {
  id: number;
  name: string;
  email: string;
}

export interface AmoMetadata {
  account: { id: number; name: string; subdomain: string };
  pipelines: AmoPipelineMeta[];
  leadFields: AmoFieldMeta[];
  contactFields: AmoFieldMeta[];
  users: AmoUserMeta[];
  taskTypes: { id: number; name: string }[];
}

export const WON_STATUS = 142;
export const LOST_STATUS = 143;
