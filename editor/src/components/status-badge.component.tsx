import { Badge, Spinner } from '@radix-ui/themes';
import { STATUS_MAPS, type StatusInfo, type StatusKind } from './status-labels.constants.ts';

interface Props {
  kind: StatusKind;
  value: string;
  size?: '1' | '2' | '3';
}

/** A coloured chip with the Russian label of a run/step/event status or a log level. */
export function StatusBadge({ kind, value, size = '1' }: Props) {
  const map = STATUS_MAPS[kind] as Record<string, StatusInfo>;
  const info = map[value] ?? { label: value, color: 'gray' };
  const spinning = value === 'running' && kind !== 'log';
  return (
    <Badge color={info.color} size={size} variant="soft" radius="full" className="status-badge">
      {spinning ? <Spinner size="1" /> : <span className="status-dot" aria-hidden />}
      {info.label}
    </Badge>
  );
}
