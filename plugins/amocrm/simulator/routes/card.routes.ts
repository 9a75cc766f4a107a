/**
 * `GET /leads/detail/:id`: the simulator's stand-in for a deal's card in the AmoCRM interface, so
 * «Логи» can link to a deal in tests and `npm run demo` exactly as they link to a real account.
 */
import type { Router } from '../router.ts';
import type { SimCore } from '../sim-core.ts';
import type { AmoLead } from '../sim-types.ts';

const esc = (s: unknown) => String(s ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const when = (sec: number) => new Date(sec * 1000).toLocaleString('ru-RU', { timeZone: 'Europe/Moscow' });

function cardHtml(core: SimCore, lead: AmoLead): string {
  const pipeline = core.state.pipelines.find((p) => p.id === lead.pipeline_id);
  const status = pipeline?.statuses.find((s) => s.id === lead.status_id);
  const fields = (lead.custom_fields_values ?? []).map((f) => `<dt>${esc(f.field_name)}</dt><dd>${esc(f.values.map((v) => v.value).join(', '))}</dd>`).join('');
  const notes = [...core.state.notes.values()]
    .filter((n) => n.entity_type === 'leads' && n.entity_id === lead.id)
    .map((n) => `<li><time>${esc(when(n.created_at))}</time> ${esc((n.params as { text?: string } | undefined)?.text ?? n.note_type)}</li>`)
    .join('');
  return `<!doctype html><html lang="ru"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>${esc(lead.name)} — симулятор AmoCRM</title>
<style>body{margin:0;background:#1a1a1a;color:#eee;font:15px/1.5 system-ui,sans-serif}main{max-width:720px;margin:32px auto;padding:0 16px}
.card{background:#2b2b2b;border-radius:12px;padding:20px 24px;margin-bottom:16px}small{color:#aaa}h1{margin:4px 0 12px;font-size:22px}
dl{display:grid;grid-template-columns:max-content 1fr;gap:6px 16px;margin:0}dt{color:#aaa}dd{margin:0}ul{margin:0;padding-left:18px}time{color:#aaa;margin-right:8px}</style></head>
<body><main><div class="card"><small>Симулятор AmoCRM · сделка ${lead.id}</small><h1>${esc(lead.name)}</h1>
<dl><dt>Воронка</dt><dd>${esc(pipeline?.name ?? lead.pipeline_id)}</dd><dt>Статус</dt><dd>${esc(status?.name ?? lead.status_id)}</dd>
<dt>Бюджет</dt><dd>${esc(lead.price)} ₽</dd>${fields}</dl></div>
<div class="card"><small>Примечания</small>${notes ? `<ul>${notes}</ul>` : '<p>Примечаний нет</p>'}</div></main></body></html>`;
}

export function registerCardRoutes(router: Router, core: SimCore): void {
  router.add('GET', '/leads/detail/:id', (r) => {
    const lead = core.state.leads.get(r.params.id!);
    if (!lead) return { status: 404, text: '<!doctype html><html lang="ru"><meta charset="utf-8"><p>Сделка не найдена</p></html>', contentType: 'text/html; charset=utf-8' };
    return { status: 200, text: cardHtml(core, lead), contentType: 'text/html; charset=utf-8' };
  });
}
