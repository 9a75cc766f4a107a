import { amoGet, amoList } from '../client/amo-client.ts';
import type { AmoRemote } from '../client/amo-remote.ts';
import type { AmoFieldMeta, AmoMetadata, AmoPipelineMeta, AmoUserMeta } from './amo-metadata.types.ts';

type Raw = Record<string, any>;

// AmoCRM serves custom fields 50 per page whatever limit is asked.
const FIELDS_PAGE = 50;

export function toFieldMeta(f: Raw): AmoFieldMeta {
  const enums = Array.isArray(f.enums) ? f.enums.map((e: Raw) => ({ id: Number(e.id), value: String(e.value ?? '') })) : null;
  return { id: Number(f.id), name: String(f.name ?? ''), type: String(f.type ?? 'text'), code: f.code ? String(f.code) : null, enums: enums && enums.length > 0 ? enums : null };
}

export function toPipelineMeta(p: Raw): AmoPipelineMeta {
  const statuses = Array.isArray(p._embedded?.statuses) ? p._embedded.statuses : [];
  return {
    id: Number(p.id),
    name: String(p.name ?? ''),
    isMain: Boolean(p.is_main),
    statuses: statuses
      .map((s: Raw) => ({ id: Number(s.id), name: String(s.name ?? ''), type: Number(s.type ?? 0), sort: Number(s.sort ?? 0) }))
      .sort((a: { sort: number }, b: { sort: number }) => a.sort - b.sort),
  };
}

/** Pipelines with statuses, lead and contact fields, users, task types: six requests at most pages. */
export async function loadAmoMetadata(remote: AmoRemote): Promise<AmoMetadata> {
  const [account, pipelines, leadFields, contactFields, users] = await Promise.all([
    amoGet<Raw>(remote, '/api/v4/account', { with: 'task_types' }),
    amoGet<Raw>(remote, '/api/v4/leads/pipelines'),
    amoList<Raw>(remote, '/api/v4/leads/custom_fields', 'custom_fields', {}, { limit: FIELDS_PAGE }),
    amoList<Raw>(remote, '/api/v4/contacts/custom_fields', 'custom_fields', {}, { limit: FIELDS_PAGE }),
    amoList<Raw>(remote, '/api/v4/users', 'users'),
  ]);
  const taskTypes = Array.isArray(account?._embedded?.task_types) ? account._embedded.task_types : [];
  return {
    account: { id: Number(account?.id ?? 0), name: String(account?.name ?? ''), subdomain: String(account?.subdomain ?? '') },
    pipelines: (Array.isArray(pipelines?._embedded?.pipelines) ? pipelines._embedded.pipelines : []).map(toPipelineMeta),
    leadFields: leadFields.map(toFieldMeta),
    contactFields: contactFields.map(toFieldMeta),
    users: users.map((u): AmoUserMeta => ({ id: Number(u.id), name: String(u.name ?? ''), email: String(u.email ?? '') })),
    taskTypes: taskTypes.map((t: Raw) => ({ id: Number(t.id), name: String(t.name ?? '') })),
  };
}
