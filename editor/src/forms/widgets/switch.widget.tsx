import { Switch } from '@radix-ui/themes';
import { fieldTestId, type WidgetProps } from './widget.types.ts';

export function SwitchWidget({ value, onChange, id, path }: WidgetProps) {
  return <Switch id={id} data-testid={fieldTestId(path)} checked={value === true} onCheckedChange={(v) => onChange(v)} />;
}
