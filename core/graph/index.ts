/** The pure graph logic shared by the server and the editor. No IO here. */
export {
  GRAPH_SCHEMA_VERSION,
  emptyGraph,
  graphEdgeSchema,
  graphNodeSchema,
  graphSchema,
  positionSchema,
} from './graph.schema.ts';
export type { Graph, GraphEdge, GraphNode } from './graph.schema.ts';

export { outputsOf } from './node-catalog.ts';
export type { DynamicOutputs, NodeCatalog, NodeKind, NodeTypeInfo, PortSpec, PropIssue } from './node-catalog.ts';

export { isGraphValid, validateGraph } from './validate-graph.ts';
export type { GraphIssue, GraphValidation } from './graph-issues.ts';

export {
  ancestorsOf,
  buildIndex,
  createWalk,
  findTrigger,
  GraphTraversalError,
  nextNodes,
  reachableFrom,
  topologicalOrder,
} from './traversal.ts';
export type { GraphIndex, Walk } from './traversal.ts';

export {
  checkTemplate,
  hasTemplate,
  listTemplatePaths,
  lookupPath,
  parseTemplate,
  renderTemplate,
  resolveTemplates,
  TemplateError,
} from './templates.ts';
export type { PathSegment, TemplateExpression, TemplateFilterCall, TemplatePart, TemplateScope } from './templates.ts';
export { FILTERS, FILTER_NAMES } from './template-filters.ts';
export type { FilterArg, FilterSpec } from './template-filters.ts';
export { formatPhone, normalizePhone } from './phone.ts';
export { formatDate, MOSCOW_OFFSET_MS, parseDate } from './dates.ts';

export {
  conditionGroupSchema,
  conditionRuleSchema,
  evaluateGroup,
  evaluateRule,
  explainGroup,
  nestedConditionGroupSchema,
} from './conditions.ts';
export type {
  ConditionGroup,
  ConditionGroupInput,
  ConditionRule,
  GroupExplanation,
  NestedConditionGroup,
  RuleExplanation,
} from './conditions.ts';
export {
  applyOperator,
  ConditionError,
  isEmptyValue,
  OPERATOR_IDS,
  OPERATORS,
  parseNumber,
  unsafeRegexReason,
  valuesEqual,
} from './condition-operators.ts';
export type { OperatorId } from './condition-operators.ts';
