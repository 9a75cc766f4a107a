import type { AmoState, AmoWebhookEvent } from './sim-types.ts';

/** What mutations and routes share: the data, where links point, and where events go. */
export interface SimCore {
  state: AmoState;
  /** Base of every HAL link, e.g. http://127.0.0.1:PORT (the client's `baseUrl`). */
  baseUrl: string;
  sendUpdateWithStatus: boolean;
  /** The user acting through the API or the admin API. */
  actorId(): number;
  emit(event: AmoWebhookEvent): void;
}

export function href(core: SimCore, path: string): { href: string } {
  return { href: core.baseUrl + path };
}
