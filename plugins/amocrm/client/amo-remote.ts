import type { ConnectionContext } from '../../../core/sdk/index.ts';
import type { AmoCredentials } from '../connection/credentials.schema.ts';

/** The connection context of an AmoCRM connection. */
export type AmoRemote = ConnectionContext<AmoCredentials>;
