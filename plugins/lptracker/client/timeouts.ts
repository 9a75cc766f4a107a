/**
 * How long one LPTracker request may take. Live calls take 0.75–1.6 s; a request that hangs far
 * longer is lost, and for a write its outcome is unknown (the action's retry record decides).
 * Mutable so an operator or a test can shorten it.
 */
export const lptTimeouts = { requestMs: 20_000 };
