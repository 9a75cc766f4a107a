import type { ConnectionContext } from '../../../core/sdk/index.ts';
import type { LptCredentials } from '../connection/credentials.schema.ts';

/** The connection context of an LPTracker connection. */
export type LptRemote = ConnectionContext<LptCredentials>;
