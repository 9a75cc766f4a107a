/** Data model of the LPTracker simulator. Times are epoch milliseconds of the simulator clock. */

export type LptCustomType = 'text' | 'number' | 'date' | 'cats';
/** Category fields hold a list of option names; the others a scalar. */
export type LptCustomValue = string | number | string[];
export type LptDetailType = 'phone' | 'email' | 'skype' | 'icq' | 'facebook' | 'vk' | 'telegram' | 'viber';
export type LptDisposition = 'ANSWERED' | 'NO ANSWER' | 'BUSY' | 'FAILED';
/** "incomming" is LPTracker's own spelling. */
export type LptCallType = 'incomming' | 'outgoing';

export interface LptAccount { id: number; login: string; password: string }
export interface LptProject { id: number; name: string; page: string; domain: string }
export interface LptStage {
  id: number; projectId: number; name: string; notify: boolean; inLeads: boolean; inDeals: boolean;
}
export interface LptCategory { id: number; name: string }
export interface LptCustomField {
  id: number; projectId: number; name: string; type: LptCustomType; description: string;
  isMultiSelect: boolean; isRequired: boolean; categories: LptCategory[];
}
export interface LptContactField { id: number; projectId: number; name: string; type: 'string' | 'text' | 'date' | 'number' }
export interface LptStaff {
  id: number; name: string; job: string; type: 'main' | 'employee'; createdAt: number; lastLoginAt: number;
}
export interface LptDetail { id: number; type: LptDetailType; data: string }
export interface LptContact {
  id: number; projectId: number; name: string; profession: string; site: string;
  details: LptDetail[]; fields: Map<number, string>; createdAt: number;
}
/** A visit (визит): attribution of a lead. */
export interface LptView { id: number; projectId: number; attrs: Map<string, string> }
export interface LptPayment { category: string; purpose: string; sum: number }
export interface LptLead {
  id: number; projectId: number; contactId: number; name: string; deal: boolean;
  stageId: number; ownerId: number; viewId: number | null;
  custom: Map<number, LptCustomValue>; payments: LptPayment[];
  /** What the API shows as created_at (lead_date when the creator set one). */
  createdAt: number;
  /** When the simulator stored it: drives the "invalid lead id" quirk. */
  insertedAt: number;
  updatedAt: number;
}
export interface LptComment { id: number; leadId: number; text: string; authorType: 'main' | 'employee'; authorId: number; createdAt: number }
export interface LptCall {
  id: number; leadId: number; linkedid: string; time: number; duration: number;
  disposition: LptDisposition; type: LptCallType; ownerId: number;
}
export interface LptCallback { id: number; projectId: number; name: string; url: string }
export interface LptToken { token: string; accountId: number; issuedAt: number; lastUsedAt: number; service: string }

export interface LptState {
  accounts: LptAccount[];
  projects: Map<number, LptProject>;
  stages: Map<number, LptStage>;
  customs: Map<number, LptCustomField>;
  fields: Map<number, LptContactField>;
  staff: Map<number, LptStaff>;
  contacts: Map<number, LptContact>;
  views: Map<number, LptView>;
  leads: Map<number, LptLead>;
  comments: Map<number, LptComment>;
  calls: Map<number, LptCall>;
  callbacks: Map<number, LptCallback>;
  /** CRM-structure webhooks (project-callback-url): stored and listed only. */
  projectCallbacks: Map<number, LptCallback>;
  tokens: Map<string, LptToken>;
  /** Next id per entity kind; ids grow from realistic-looking bases. */
  seq: Record<'contact' | 'detail' | 'view' | 'lead' | 'comment' | 'call' | 'callback' | 'custom' | 'linked', number>;
}

export interface LptFaults {
  /** Added before every API answer. */
  latencyMs: number;
  /** Share of requests answered with HTTP 500 and an HTML page, before anything is applied. */
  errorRate: number;
  /** Share of requests applied but never answered (the socket stays open). */
  timeoutRate: number;
  /** Share of requests applied and answered with JSON cut in half. */
  truncatedJsonRate: number;
  /** Share of requests applied and answered HTTP 200 with a PHP-style HTML error page. */
  htmlErrorRate: number;
  /** Rate-limit rejections as a real HTTP 503 instead of code 503 inside HTTP 200. */
  rateLimitHttp503: boolean;
  /** List results sent as a bare JSON array, as some docs examples show, instead of the envelope. */
  bareLists: boolean;
  /**
   * Limits the rate faults to one route, `METHOD /path` as requested (e.g. `POST /lead`), so a
   * test can lose the answer of a write without disturbing the reads around it. null: every route.
   */
  onlyFor: string | null;
}

export interface LptSimulatorOptions {
  host?: string;
  port?: number;
  login?: string;
  password?: string;
  /** Requests per sliding second per account; 0 switches the limit off. Default 3. */
  rateLimitPerSecond?: number;
  rateLimitHttp503?: boolean;
  /** A token dies after this long without use. Default 24 h. */
  idleTimeoutMs?: number;
  /** Deliver webhooks as a raw JSON body instead of the form field `data`. */
  webhookJsonBody?: boolean;
  /** Comment/custom writes to a lead younger than this fail with "invalid lead id". Default 0 (off). */
  invalidLeadIdMs?: number;
  /** Seeds the generator behind tokens and fault dice, for reproducible runs. */
  seed?: number;
}

/** Input of admin.createLead and POST /__sim/leads. */
export interface LptAdminLeadInput {
  /** Project id or name; default the first project. */
  project?: number | string;
  name?: string;
  contactId?: number;
  contact?: { name?: string; phone?: string; email?: string };
  /** Stage id or name; default the first stage. */
  stage?: number | string;
  owner?: number;
  /** Keys are field ids or field names. */
  custom?: Record<string, LptCustomValue>;
  view?: Record<string, string>;
  deal?: boolean;
}

export interface LptAdminLeadPatch {
  name?: string;
  stage?: number | string;
  owner?: number;
  custom?: Record<string, LptCustomValue | null>;
}

export interface LptCallOutcome { disposition: LptDisposition; duration?: number; type?: LptCallType; ownerId?: number }

export interface LptDelivery { url: string; body: string; contentType: string; status: number | null; ok: boolean; at: number }
export interface LptRequestRecord { at: number; method: string; path: string; code: number }
