import { createContext, useContext } from 'react';
import type { JsonSchema } from './json-schema.util.ts';
import type { FieldPathGroup } from './field-paths.util.ts';

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
}

export const FormEnvContext = createContext<FormEnv>({ root: {}, issues: [], fieldPaths: [] });

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
