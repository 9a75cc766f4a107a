import { createContext, useContext, type ComponentType } from 'react';
import type { JsonSchema } from './json-schema.util.ts';
import type { FieldPathGroup } from './field-paths.util.ts';
import type { WidgetProps } from './widgets/widget.types.ts';

export interface FieldIssue {
  /** Dot path inside props, `''` for the whole object. */
  path: string;
  message: string;
  severity: 'error' | 'warning';
}

export interface FormEnv {
  root: JsonSchema;
  issues: FieldIssue[];
  /** Upstream data offered by the template field picker. */
  fieldPaths: FieldPathGroup[];
  /**
   * The whole value of the form (a node's props): widgets that depend on sibling props read them
   * here, e.g. a remote list needs `connectionId` and the pipeline chosen next to it.
   */
  values: Record<string, unknown>;
  /** Widgets this form renders differently (a credentials form's secrets), by `x-widget` name. */
  widgets?: Partial<Record<string, ComponentType<WidgetProps<any>>>>;
  /**
   * Whether values may come from the run's data (`{{…}}`): a node's props may, a form filled
   * before any rule exists (a template's) may not.
   */
  runData?: boolean;
}

export const FormEnvContext = createContext<FormEnv>({ root: {}, issues: [], fieldPaths: [], values: {} });

export const useFormEnv = () => useContext(FormEnvContext);

/** Issues pointing exactly at `path`. */
export function useIssuesAt(path: string): FieldIssue[] {
  const { issues } = useFormEnv();
  return issues.filter((i) => i.path === path);
}

/** Issues at `path` or inside it (`rules.0.op` is inside `rules`). */
export function useIssuesUnder(path: string): FieldIssue[] {
  const { issues } = useFormEnv();
  return issues.filter((i) => i.path === path || i.path.startsWith(path + '.'));
}
