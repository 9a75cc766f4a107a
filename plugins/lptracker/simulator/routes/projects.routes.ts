import { projectOr } from '../contact-ops.ts';
import { badRequest, notFound } from '../envelope.ts';
import { asArray, asBool, asObject, asString, type JsonObject } from '../json-input.ts';
import { renderContactField, renderCustomDef, renderProject, renderStage } from '../render-rest.ts';
import type { Router } from '../router.ts';
import type { SimCore } from '../sim-core.ts';
import { projectCustoms, projectStages } from '../sim-state.ts';
import type { LptCallback, LptCustomField, LptCustomType } from '../sim-types.ts';

const CUSTOM_TYPES: readonly LptCustomType[] = ['text', 'number', 'date', 'cats'];

const project404 = (core: SimCore, id: number) => projectOr(core.state, id, () => notFound('Проект'));

/**
 * PUT callback-url takes no subscription id: a new URL is added, a known URL gets its name
 * updated, and an empty URL removes the project's hooks (only those of `name` when given).
 */
function putCallback(core: SimCore, store: Map<number, LptCallback>, projectId: number, body: JsonObject): void {
  const url = (asString(body.url) ?? '').trim();
  const name = asString(body.name);
  const own = [...store.values()].filter((h) => h.projectId === projectId);
  if (url === '') {
    for (const h of own) if (name === undefined || h.name === name) store.delete(h.id);
    return;
  }
  if (!/^https?:\/\/[^\s/]+/i.test(url)) throw badRequest('Адрес вебхука должен начинаться с http:// или https://');
  const existing = own.find((h) => h.url === url);
  if (existing) {
    if (name !== undefined) existing.name = name;
    return;
  }
  const id = core.state.seq.callback++;
  store.set(id, { id, projectId, name: name ?? '', url });
}

const listCallbacks = (store: Map<number, LptCallback>, projectId: number) =>
  [...store.values()].filter((h) => h.projectId === projectId).map((h) => ({ id: h.id, name: h.name, url: h.url }));

function createCustom(core: SimCore, projectId: number, body: JsonObject): LptCustomField {
  const name = asString(body.name)?.trim();
  const type = (asString(body.type) ?? 'text') as LptCustomType;
  if (!name) throw badRequest('Не указано название поля');
  if (!CUSTOM_TYPES.includes(type)) throw badRequest(`Неизвестный тип поля «${type}»`);
  let catId = 1;
  const categories = (asArray(body.categories) ?? []).map((c) => {
    const label = asString(asObject(c)?.name ?? asObject(c)?.category ?? c);
    if (!label) throw badRequest('Пустой вариант категории');
    return { id: catId++, name: label };
  });
  const field: LptCustomField = {
    id: core.state.seq.custom++, projectId, name, type, description: asString(body.description) ?? '',
    isMultiSelect: asBool(body.is_multi_select) ?? false, isRequired: asBool(body.is_required) ?? false, categories,
  };
  core.state.customs.set(field.id, field);
  return field;
}

export function registerProjectRoutes(router: Router): void {
  router
    .add('GET', '/projects', ({ core }) => [...core.state.projects.values()].map(renderProject))
    .add('GET', '/project/:id', ({ core, params }) => renderProject(project404(core, params.id!)))
    .add('GET', '/project/:id/funnel', ({ core, params }) => projectStages(core.state, project404(core, params.id!).id).map(renderStage))
    .add('GET', '/project/:id/funnel/:stageId', ({ core, params }) => {
      const stage = core.state.stages.get(params.stageId!);
      if (!stage || stage.projectId !== project404(core, params.id!).id) throw notFound('Этап воронки');
      return renderStage(stage);
    })
    .add('GET', '/project/:id/customs', ({ core, params }) => projectCustoms(core.state, project404(core, params.id!).id).map(renderCustomDef))
    .add('GET', '/project/:id/fields', ({ core, params }) => {
      const pid = project404(core, params.id!).id;
      return [...core.state.fields.values()].filter((f) => f.projectId === pid).map(renderContactField);
    })
    .add('POST', '/custom/:id/create', ({ core, params, body }) => renderCustomDef(createCustom(core, project404(core, params.id!).id, body)))
    .add('PUT', '/project/:id/callback-url', ({ core, params, body }) => {
      putCallback(core, core.state.callbacks, project404(core, params.id!).id, body);
      return undefined;
    })
    .add('GET', '/project/:id/callback-url', ({ core, params }) => listCallbacks(core.state.callbacks, project404(core, params.id!).id))
    .add('PUT', '/project/:id/project-callback-url', ({ core, params, body }) => {
      putCallback(core, core.state.projectCallbacks, project404(core, params.id!).id, body);
      return undefined;
    })
    .add('GET', '/project/:id/project-callback-url', ({ core, params }) =>
      listCallbacks(core.state.projectCallbacks, project404(core, params.id!).id));
}
