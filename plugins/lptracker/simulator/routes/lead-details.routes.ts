import { coerceCustom, customField } from '../custom-values.ts';
import { badRequest } from '../envelope.ts';
import { asString } from '../json-input.ts';
import { appendComment, assertLeadSettled, leadOr404, patchLead } from '../lead-ops.ts';
import { renderComment, renderCustomValue, renderLead } from '../render-rest.ts';
import type { Router } from '../router.ts';

/** Per-lead sub-resources: one custom value, comments, payments. */
export function registerLeadDetailRoutes(router: Router): void {
  router
    .add('GET', '/lead/:id/custom/:fieldId', ({ core, params }) => {
      const lead = leadOr404(core.state, params.id!);
      const field = customField(core.state, lead.projectId, params.fieldId!);
      const value = lead.custom.get(field.id);
      return value === undefined ? { id: field.id, name: field.name, type: field.type, value: null } : renderCustomValue(core.state, field.id, value);
    })
    .add('PUT', '/lead/:id/custom/:fieldId', ({ core, params, body }) => {
      const lead = leadOr404(core.state, params.id!);
      assertLeadSettled(core, lead);
      const field = customField(core.state, lead.projectId, params.fieldId!);
      patchLead(core, lead, { custom: new Map([[field.id, coerceCustom(field, body.value)]]) });
      const value = lead.custom.get(field.id);
      return value === undefined ? { id: field.id, name: field.name, type: field.type, value: null } : renderCustomValue(core.state, field.id, value);
    })
    .add('DELETE', '/lead/:id/custom/:fieldId', ({ core, params }) => {
      const lead = leadOr404(core.state, params.id!);
      assertLeadSettled(core, lead);
      const field = customField(core.state, lead.projectId, params.fieldId!);
      patchLead(core, lead, { custom: new Map([[field.id, null]]) });
      return undefined;
    })
    .add('POST', '/lead/:id/comment', ({ core, params, body }) => {
      const lead = leadOr404(core.state, params.id!);
      assertLeadSettled(core, lead);
      const text = asString(body.text)?.trim();
      if (!text) throw badRequest('Не указан текст комментария text');
      return renderComment(appendComment(core, lead, text));
    })
    .add('GET', '/lead/:id/comments', ({ core, params }) => {
      const lead = leadOr404(core.state, params.id!);
      return [...core.state.comments.values()].filter((c) => c.leadId === lead.id).map(renderComment);
    })
    .add('POST', '/lead/:id/payment', ({ core, params, body }) => {
      const lead = leadOr404(core.state, params.id!);
      const sum = Number(asString(body.sum) ?? NaN);
      if (!Number.isFinite(sum)) throw badRequest('Не указана сумма платежа sum');
      const payment = { category: asString(body.category) ?? '', purpose: asString(body.purpose) ?? '', sum };
      return renderLead(core.state, patchLead(core, lead, { payments: [payment] }));
    });
}
