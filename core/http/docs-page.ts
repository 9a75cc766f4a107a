/** A readable, self-contained, Russian page over the OpenAPI document, for integrators. */
const esc = (s: unknown) => String(s ?? '').replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch]!);

const AUTH_LABEL: Record<string, string> = { none: 'без входа', user: 'нужен вход', admin: 'только администратор' };

export function renderDocsPage(doc: Record<string, any>): string {
  const byTag = new Map<string, string[]>();
  for (const [path, methods] of Object.entries<Record<string, any>>(doc.paths)) {
    for (const [method, op] of Object.entries<any>(methods)) {
      const params = (op.parameters ?? [])
        .map((p: any) => `<li><code>${esc(p.name)}</code> <span class="muted">(${p.in === 'path' ? 'в пути' : 'в строке запроса'}${p.required ? ', обязательный' : ''})</span></li>`)
        .join('');
      const body = op.requestBody?.content?.['application/json']?.schema;
      const okCode = Object.keys(op.responses).find((k) => k !== 'default');
      const resp = op.responses[okCode!]?.content?.['application/json']?.schema;
      const html = `<details class="op"><summary><span class="m ${method}">${method.toUpperCase()}</span><code>${esc(path)}</code><span class="sum">${esc(op.summary)}</span><span class="auth">${AUTH_LABEL[op['x-auth']] ?? ''}</span></summary>
        ${op.description ? `<p>${esc(op.description)}</p>` : ''}
        ${params ? `<h4>Параметры</h4><ul>${params}</ul>` : ''}
        ${body ? `<h4>Тело запроса</h4><pre>${esc(JSON.stringify(body, null, 2))}</pre>` : ''}
        <h4>Ответ ${esc(okCode)}</h4>${resp ? `<pre>${esc(JSON.stringify(resp, null, 2))}</pre>` : '<p class="muted">Без тела</p>'}
      </details>`;
      const tag = op.tags?.[0] ?? 'Прочее';
      byTag.set(tag, [...(byTag.get(tag) ?? []), html]);
    }
  }
  const sections = [...byTag].map(([tag, ops]) => `<section><h2>${esc(tag)}</h2>${ops.join('')}</section>`).join('');
  return `<!doctype html><html lang="ru"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(doc.info.title)}</title><style>
body{margin:0;background:#1a1a1a;color:#e6e6e6;font:15px/1.5 Inter,'Segoe UI',Roboto,Arial,sans-serif}
main{max-width:1000px;margin:0 auto;padding:32px 24px}h1{font-size:26px;margin:0 0 8px}h2{margin-top:32px;color:#b8a8ff}
a{color:#a495ff}.muted{color:#8f8f8f}pre{background:#202020;border:1px solid #333;border-radius:8px;padding:12px;overflow:auto;font-size:12.5px}
.op{background:#2b2b2b;border:1px solid #383838;border-radius:10px;margin:8px 0;transition:border-color .2s}.op:hover{border-color:#6e56cf}
.op>summary{cursor:pointer;padding:10px 14px;display:flex;gap:12px;align-items:center;list-style:none}.op[open]>summary{border-bottom:1px solid #383838}
.op>*:not(summary){margin-left:14px;margin-right:14px}.sum{flex:1}.auth{color:#8f8f8f;font-size:12px}
.m{font-weight:700;font-size:12px;border-radius:6px;padding:2px 8px;min-width:54px;text-align:center}
.get{background:#1d3a5f}.post{background:#2d4a2d}.put{background:#5a4a1d}.delete{background:#5f1d1d}.patch{background:#3a2d5f}
</style></head><body><main><h1>${esc(doc.info.title)}</h1><p class="muted">Версия ${esc(doc.info.version)}. ${esc(doc.info.description)}</p>
<p>Машиночитаемое описание: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1).</p>${sections}</main></body></html>`;
}
