import type { Graph, GraphNode } from '../graph/graph.schema.ts';
import { buildIndex, createWalk, findTrigger } from '../graph/traversal.ts';
import { resolveTemplates, TemplateError, withRenderBudget, type RenderBudget } from '../graph/templates.ts';
import type { PluginRegistry, RegisteredNode } from '../plugins/plugin-registry.ts';
import type { ActionContext } from '../sdk/context.ts';
import { AppError, UserError } from '../sdk/errors.ts';
import type { RunStatus, StepError, StepRecord } from './engine.types.ts';
import { isTransientError, toStepError } from './run-errors.ts';
import { withRegexBudget } from './regex-runner.ts';
import { createRunBudget, yieldIfBusy, type RunBudget, type RunLimits } from './run-limits.ts';

/**
 * Where the executor keeps steps. Steps are buffered; `save` with `durable` writes the buffer and
 * must not return before it is stored for good (an action's side effect happened and more nodes
 * follow: a retry must see it). It answers whether the run was cancelled meanwhile. Whatever is
 * still buffered when the walk ends is written by the caller together with the run's outcome, in
 * one statement (see pg-step-store.ts).
 */
export interface StepStore {
  save(step: StepRecord, durable: boolean): Promise<{ cancelled: boolean }>;
}

export interface ExecuteGraphInput {
  graph: Graph;
  registry: PluginRegistry;
  triggerOutput: unknown;
  /** Steps of earlier attempts, by node id: succeeded ones are reused, never executed again. */
  previous: Map<string, StepRecord>;
  store: StepStore;
  /** Builds an action's context (connection, http, store…). */
  actionContext(node: GraphNode, registered: RegisteredNode, props: unknown, scope: Record<string, unknown>, attempt: number): Promise<ActionContext>;
  /** Dry runs also record the nodes that were not reached, as skipped. */
  recordSkipped?: boolean;
  /**
   * A trigger with `enrich` completes its output through its connection (e.g. a lead's contacts)
   * before the walk; given by the caller, which knows how to open the connection.
   */
  enrichTrigger?(node: GraphNode, registered: RegisteredNode, output: unknown): Promise<unknown>;
  /** What the run may consume (templates, outputs, regex time, rules). */
  limits: RunLimits;
  /** Secret props (core/plugins/secret-props.ts): decrypted just before a node's templates resolve, masked in step input. */
  secrets?: { open(node: GraphNode): GraphNode; mask(node: GraphNode, value: unknown): unknown };
}

export interface ExecuteGraphResult {
  status: Exclude<RunStatus, 'queued' | 'running'> | 'retry';
  error: StepError | null;
  /** On `retry`: the remote side's hint. */
  retryAfterMs?: number;
  steps: StepRecord[];
}

const fail = (code: string, message: string) => new UserError(code, message);

function step(node: GraphNode, attempt: number, startedAt: Date, fields: Partial<StepRecord>): StepRecord {
  const finishedAt = new Date();
  return {
    nodeId: node.id,
    nodeType: node.type,
    status: 'succeeded',
    attempt,
    input: null,
    output: null,
    branch: null,
    error: null,
    startedAt,
    finishedAt,
    durationMs: finishedAt.getTime() - startedAt.getTime(),
    truncated: false,
    ...fields,
  };
}

/** Walks the graph from the trigger, running each reached node once; see core/graph/traversal.ts. */
export async function executeGraph(input: ExecuteGraphInput): Promise<ExecuteGraphResult> {
  const { graph, registry, previous, store } = input;
  const index = buildIndex(graph);
  const trigger = findTrigger(graph, registry.catalog);
  if (!trigger) return { status: 'failed', error: { code: 'GRAPH_NO_TRIGGER', message: 'В правиле нет триггера' }, steps: [] };

  const steps: StepRecord[] = [];
  const enriched = await enrich(input, trigger, steps);
  if ('failed' in enriched) return enriched.failed;
  const scope: Record<string, unknown> = { trigger: enriched.output, [trigger.id]: enriched.output };
  const walk = createWalk(index, trigger.id);
  walk.next();
  walk.complete(trigger.id, 'out');
  const budget = createRunBudget(input.limits);
  const shown = (node: GraphNode, value: unknown) => (input.secrets ? input.secrets.mask(node, value) : value);

  for (let nodeId = walk.next(); nodeId !== undefined; nodeId = walk.next()) {
    const node = index.nodes.get(nodeId)!;
    const done = previous.get(nodeId);
    if (done?.status === 'succeeded' || (done?.status === 'failed' && done.branch === 'error')) {
      scope[nodeId] = done.output;
      walk.complete(nodeId, done.branch ?? 'out');
      continue;
    }
    const attempt = (done?.attempt ?? 0) + 1;
    const startedAt = new Date();
    const registered = registry.get(node.type, node.version);
    let props: unknown;
    try {
      if (!registered) throw fail('NODE_UNKNOWN_TYPE', `Неизвестный тип узла «${node.type}» версии ${node.version}`);
      const opened = input.secrets ? input.secrets.open(node) : node;
      props = registered.def.kind === 'condition' ? validateProps(registered, opened.props) : resolveProps(opened, registered, scope, budget);
    } catch (err) {
      const rec = step(node, attempt, startedAt, { status: 'failed', error: toStepError(err), input: shown(node, node.props) });
      steps.push(rec);
      await store.save(rec, false);
      return { status: 'failed', error: rec.error, steps };
    }
    const { def } = registered!;

    if (def.kind === 'trigger') {
      // A second trigger is refused by validation; reaching one means a broken graph.
      continue;
    }
    if (def.kind === 'condition') {
      // Conditions run synchronously: a chain of them (or many runs' at once) hands the event
      // loop back now and then. Actions await their IO anyway.
      await yieldIfBusy();
      // Rules are checked against the data here, not against the props schema: a field the
      // webhook lacks is "empty", not a broken rule (the schema already passed at publish time).
      let rec: StepRecord;
      const stepBudget = budget.step(node, def.title);
      try {
        budget.checkRules(node, def.title, props);
        const branch = withRenderBudget(stepBudget, () => withRegexBudget(budget.regex, () => def.evaluate({ props, input: scope })));
        rec = step(node, attempt, startedAt, { input: shown(node, displayProps(node, scope, budget.step(node, def.title))), output: { branch }, branch });
      } catch (err) {
        rec = step(node, attempt, startedAt, { status: 'failed', input: shown(node, displayProps(node, scope, budget.step(node, def.title))), error: toStepError(err) });
      }
      steps.push(rec);
      scope[nodeId] = rec.output;
      await store.save(rec, false); // pure: nothing to lose, it travels with the next write
      if (rec.status === 'failed') return { status: 'failed', error: rec.error, steps };
      walk.complete(nodeId, rec.branch);
      continue;
    }

    // An action: its step is stored durably before the next node runs. The context is built
    // outside the plugin's try: a failure there is ours (a missing connection is a UserError that
    // fails the step; an outage propagates and the job is retried).
    let rec: StepRecord;
    let retryAfterMs: number | undefined;
    let ctx: ActionContext;
    try {
      ctx = await input.actionContext(node, registered!, props, scope, attempt);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      rec = step(node, attempt, startedAt, { status: 'failed', input: shown(node, props), error: toStepError(err) });
      steps.push(rec);
      await store.save(rec, false);
      return { status: err.transient ? 'retry' : 'failed', error: rec.error, steps };
    }
    try {
      const output = await def.run(ctx);
      budget.output(node, def.title, output);
      rec = step(node, attempt, startedAt, { input: shown(node, props), output: output ?? null, branch: 'out' });
    } catch (err) {
      const error = toStepError(err);
      retryAfterMs = (err as { retryAfterMs?: number }).retryAfterMs;
      const transient = isTransientError(err);
      const handled = !transient && def.errorOutput && index.outgoing.get(nodeId)?.has('error');
      rec = step(node, attempt, startedAt, {
        status: 'failed',
        input: shown(node, props),
        error,
        output: handled ? { error } : null,
        branch: handled ? 'error' : null,
      });
      if (!handled) {
        steps.push(rec);
        await store.save(rec, false);
        return { status: transient ? 'retry' : 'failed', error, retryAfterMs, steps };
      }
    }
    steps.push(rec);
    scope[nodeId] = rec.output;
    walk.complete(nodeId, rec.branch);
    // The last node's step is written with the run's outcome, in the same statement.
    const { cancelled } = await store.save(rec, walk.hasPending());
    if (cancelled) return { status: 'cancelled', error: null, steps };
  }

  if (input.recordSkipped) {
    const reached = new Set(walk.visited);
    for (const node of graph.nodes) {
      if (!reached.has(node.id)) steps.push(step(node, 0, new Date(), { status: 'skipped', durationMs: 0 }));
    }
  }
  return { status: 'succeeded', error: null, steps };
}

/**
 * Runs the trigger's `enrich` once per run: its result is stored as the trigger step (marked so a
 * resumed run does not load again). A failure is handled like an action's.
 */
async function enrich(input: ExecuteGraphInput, trigger: GraphNode, steps: StepRecord[]): Promise<{ output: unknown } | { failed: ExecuteGraphResult }> {
  const registered = input.registry.get(trigger.type, trigger.version);
  const done = input.previous.get(trigger.id);
  if (registered?.def.kind !== 'trigger' || !registered.def.enrich || !input.enrichTrigger) return { output: input.triggerOutput };
  const enriched = (done?.input as { enriched?: boolean } | null)?.enriched;
  if (enriched) return { output: done!.output };
  // The dispatcher records the trigger's step when it creates the run; enriching it is that
  // step's first attempt, a failed enrichment the next.
  const attempt = enriched === false ? done!.attempt + 1 : (done?.attempt ?? 1);
  const startedAt = new Date();
  try {
    const output = await input.enrichTrigger(trigger, registered, input.triggerOutput);
    const rec = step(trigger, attempt, startedAt, { input: { enriched: true }, output, branch: 'out' });
    steps.push(rec);
    await input.store.save(rec, true);
    return { output };
  } catch (err) {
    if (!(err instanceof AppError) && !(err instanceof TypeError) && !(err instanceof RangeError)) throw err;
    const error = toStepError(err);
    const rec = step(trigger, attempt, startedAt, { status: 'failed', input: { enriched: false }, output: input.triggerOutput, error });
    steps.push(rec);
    await input.store.save(rec, false);
    return { failed: { status: isTransientError(err) ? 'retry' : 'failed', error, retryAfterMs: (err as { retryAfterMs?: number }).retryAfterMs, steps } };
  }
}

/** Renders each prop under its own budget, all of them under the step's. */
function resolveProps(node: GraphNode, registered: RegisteredNode, scope: Record<string, unknown>, budget: RunBudget): unknown {
  const stepBudget = budget.step(node, registered.def.title);
  const resolved: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(node.props)) {
    const propBudget = stepBudget.prop(name);
    try {
      resolved[name] = resolveTemplates(value, scope, propBudget);
    } catch (err) {
      if (err instanceof TemplateError && err.code === 'TEMPLATE_OUTPUT_TOO_LARGE') throw new UserError(err.code, err.message);
      if (err instanceof TemplateError) throw fail('TEMPLATE_ERROR', `Ошибка в шаблоне: ${err.message}`);
      throw err;
    }
    propBudget.settle();
  }
  return validateProps(registered, resolved);
}

function validateProps(registered: RegisteredNode, props: unknown): unknown {
  const parsed = registered.def.props.safeParse(props);
  if (!parsed.success) {
    const first = parsed.error.issues[0] as { path: PropertyKey[]; message: string };
    const where = first.path.length ? ` (поле ${first.path.join('.')})` : '';
    throw new UserError('PROPS_INVALID', `Неверные настройки узла${where}: ${first.message}`, { details: { issues: parsed.error.issues.slice(0, 10) } });
  }
  return parsed.data;
}

/** A condition's props with templates resolved, for the step record only (never validated). */
function displayProps(node: GraphNode, scope: Record<string, unknown>, budget: RenderBudget): unknown {
  try {
    return resolveTemplates(node.props, scope, budget);
  } catch {
    return node.props;
  }
}
