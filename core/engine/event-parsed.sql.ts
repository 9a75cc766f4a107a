/**
 * Whether an inbound event's body was read (`e` is the inbound_event alias). A body that failed to
 * parse is refused at ingest: it is stored `failed` and never queued for dispatch (it gets no job
 * key), so replaying it has nothing to work on. Events that failed later, in dispatch (a plugin's
 * bug, a crash), were read and may be replayed once the cause is fixed.
 */
export const PARSED = `not (e.status = 'failed' and e.job_key is null)`;
