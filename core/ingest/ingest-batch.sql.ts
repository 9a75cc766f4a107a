import { jobSpecSql } from '../queue/jobs.ts';

/**
 * Hot path, hand-written: thousands of webhooks per second are acknowledged here.
 *
 * One statement per batch of webhook requests: resolve tokens, claim dedupe keys, store the
 * events and enqueue their dispatch jobs. A single statement is one transaction: an event is
 * stored together with its job or not at all, and the request is acknowledged only after commit.
 */
export const ingestBatchSql = (slots: number) => `
with input as (
  select * from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[])
    as t(id, token, method, content_type, headers, query, body, dedupe_key, forced_status, forced_reason)
), resolved as (
  select i.*, e.id as endpoint_id, e.tenant_id, e.workflow_id, e.connection_id, w.status as wf_status, w.active_version_id
    from input i
    join hook_endpoint e on e.token = i.token and e.revoked_at is null
    left join workflow w on w.id = e.workflow_id
), claimed as (
  -- One row per distinct key. An expired claim is taken over; a live one is kept, and the no-op
  -- update still returns it (after waiting for a concurrent batch), so every duplicate learns
  -- which event it repeats.
  insert into hook_dedupe (endpoint_id, key, event_id, expires_at)
  select distinct on (endpoint_id, dedupe_key) endpoint_id, dedupe_key, id, now() + make_interval(secs => $11)
    from resolved where dedupe_key is not null and forced_status is null
   order by endpoint_id, dedupe_key, id
  on conflict (endpoint_id, key) do update set
    event_id = case when hook_dedupe.expires_at < now() then excluded.event_id else hook_dedupe.event_id end,
    expires_at = case when hook_dedupe.expires_at < now() then excluded.expires_at else hook_dedupe.expires_at end
  returning endpoint_id, key, event_id
), classified as (
  select r.*, c.event_id as claimed_by,
    case when r.forced_status is not null then r.forced_status
         when c.event_id is not null and c.event_id <> r.id then 'duplicate'
         -- A connection's address: the dispatcher finds the rules listening on it.
         when r.connection_id is null and (r.wf_status is distinct from 'active' or r.active_version_id is null) then 'skipped'
         else 'queued' end as status
    from resolved r left join claimed c on c.endpoint_id = r.endpoint_id and c.key = r.dedupe_key
), keyed as (
  -- One dispatch job per 25 queued events of one tenant; each event records its job's key.
  select k.*, case when k.status = 'queued'
           then $12 || ':' || k.tenant_id || ':' || ((row_number() over (partition by k.status = 'queued', k.tenant_id order by k.id) - 1) / 25)
         end as job_key
    from classified k
), ins as (
  insert into inbound_event (id, tenant_id, endpoint_id, workflow_id, connection_id, status, reason, method, content_type, headers, query, body, dedupe_key, duplicate_of, processed_at, job_key)
  select k.id, k.tenant_id, k.endpoint_id, k.workflow_id, k.connection_id, k.status,
    case k.status when 'duplicate' then 'Повтор уже полученного запроса'
                  when 'skipped' then 'Правило выключено или не опубликовано'
                  when 'failed' then k.forced_reason end,
    k.method, k.content_type, k.headers::jsonb, k.query::jsonb, k.body::jsonb, k.dedupe_key,
    case when k.status = 'duplicate' then k.claimed_by end,
    case when k.status = 'queued' then null else now() end,
    k.job_key
  from keyed k
  returning id, status, job_key, tenant_id
), jobs as (
  select count(*) as n from graphile_worker.add_jobs(array(
    select ${jobSpecSql('dispatch-events', { payload: "json_build_object('eventIds', ids)", key: 'job_key', tenant: { expr: 'tenant_id::text', slots } })}
      from (select job_key, tenant_id, array_agg(id) as ids from ins where status = 'queued' group by job_key, tenant_id) chunks))
)
select ins.id, ins.status, (select n from jobs) as jobs from ins`;
