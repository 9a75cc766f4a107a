import type { ComponentType } from 'react';
import type { WidgetProps } from './widgets/widget.types.ts';
import { TextareaWidget, TextWidget } from './widgets/text.widget.tsx';
import { NumberWidget } from './widgets/number.widget.tsx';
import { SelectWidget } from './widgets/select.widget.tsx';
import { SwitchWidget } from './widgets/switch.widget.tsx';
import { SecretWidget } from './widgets/secret.widget.tsx';
import { SecretHashWidget } from './widgets/secret-hash.widget.tsx';
import { SecretKeyValueWidget } from './widgets/secret-keyvalue.widget.tsx';
import { TemplateWidget } from './widgets/template.widget.tsx';
import { KeyValueWidget } from './widgets/keyvalue.widget.tsx';
import { JsonWidget } from './widgets/json.widget.tsx';
import { ConditionGroupWidget } from './widgets/condition-group.widget.tsx';
import { BranchesWidget } from './widgets/branches.widget.tsx';
import { ConnectionWidget } from './widgets/connection.widget.tsx';
import { RemoteSelectWidget } from './widgets/remote-select.widget.tsx';
import { FieldMapWidget } from './widgets/field-map.widget.tsx';

/** Widgets by `x-widget` name. Unknown names fall back by the JSON type (see SchemaField). */
export const WIDGETS: Record<string, ComponentType<WidgetProps<any>>> = {
  text: TextWidget,
  textarea: TextareaWidget,
  number: NumberWidget,
  select: SelectWidget,
  switch: SwitchWidget,
  secret: SecretWidget,
  'secret-hash': SecretHashWidget,
  'secret-keyvalue': SecretKeyValueWidget,
  template: TemplateWidget,
  keyvalue: KeyValueWidget,
  json: JsonWidget,
  'condition-group': ConditionGroupWidget,
  branches: BranchesWidget,
  connection: ConnectionWidget,
  'remote-select': RemoteSelectWidget,
  'field-map': FieldMapWidget,
};

/** Widgets that draw their own label row (the switch sits next to its label). */
export const INLINE_LABEL_WIDGETS = new Set(['switch']);
