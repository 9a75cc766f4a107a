import type { JsonSchema } from '../json-schema.util.ts';

export interface WidgetProps<T = unknown> {
  schema: JsonSchema;
  value: T;
  onChange: (value: T) => void;
  /** Dot path inside props. */
  path: string;
  /** DOM id for the label's `htmlFor`. */
  id: string;
  invalid: boolean;
  placeholder?: string;
}

export const fieldTestId = (path: string) => `field-${path || 'root'}`;
