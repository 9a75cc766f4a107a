/** The only module plugins import. */
import '../graph/zod-locale.ts';
export { definePlugin, defineTrigger, defineCondition, defineAction, defineConnection } from './define.ts';
export type {
  PluginDefinition,
  NodeDefinition,
  TriggerDefinition,
  ConditionDefinition,
  ActionDefinition,
  ConnectionDefinition,
  WebhookParser,
  SimulatorDefinition,
  SimulatorHandle,
} from './define.ts';
export type { ActiveTrigger, ConnectionContext, ConnectionState, OptionItem } from './connection.ts';
export type {
  ActionContext,
  EntityLinksApi,
  ConditionContext,
  HttpClient,
  HttpRequest,
  HttpResponse,
  InboundRequest,
  KvStore,
  Logger,
  NormalizedEvent,
  RunInfo,
} from './context.ts';
export {
  AppError,
  UserError,
  OperationalError,
  NotFoundError,
  ConflictError,
  UnauthorizedError,
  ForbiddenError,
  coerceError,
  isTransient,
} from './errors.ts';
export { widget, connectionField, remoteSelect, fieldMap } from './widgets.ts';
export { defineTemplate, templateGraph } from './template.ts';
export type { TemplateDefinition, TemplateNode, TemplateEdge } from './template.ts';
export { SECRET_MASK } from '../graph/secret-mask.ts';
export type { PortSpec } from '../graph/node-catalog.ts';
export { conditionGroupSchema, evaluateGroup } from '../graph/conditions.ts';
export type { ConditionGroup } from '../graph/conditions.ts';
export { renderTemplate, resolveTemplates, TemplateError } from '../graph/templates.ts';
export { normalizePhone } from '../graph/phone.ts';
export { isDict, own, setOwn, str, nonEmpty, int, positiveInt, num, bool, hash } from './payload-values.ts';
export type { Dict } from './payload-values.ts';
