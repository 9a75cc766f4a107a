import { ComponentBooleanIcon, GearIcon, LightningBoltIcon, MixerHorizontalIcon, QuestionMarkIcon, Share2Icon } from '@radix-ui/react-icons';
import type { NodeKind, NodeTypeInfo } from '../../../core/graph/node-catalog.ts';
import { KIND_STYLE, UNKNOWN_KIND_STYLE } from './node-kind.style.ts';

type IconInfo = Pick<NodeTypeInfo, 'kind' | 'outputs' | 'dynamicOutputs'>;

/**
 * Conditions look alike by kind, not by what they do: a yes/no condition, a branching (named
 * branches from its settings) and a filter (one way out: go on or stop) get their own icons.
 */
const ICONS = {
  unknown: QuestionMarkIcon,
  trigger: LightningBoltIcon,
  action: GearIcon,
  switch: Share2Icon,
  filter: MixerHorizontalIcon,
  condition: ComponentBooleanIcon,
};

export function iconKindOf(kind: NodeKind | undefined, info?: IconInfo): keyof typeof ICONS {
  if (!kind) return 'unknown';
  if (kind !== 'condition') return kind;
  if (info?.dynamicOutputs) return 'switch';
  if (info && info.outputs.length === 1) return 'filter';
  return 'condition';
}

export function NodeKindIcon({ kind, info, size = 28 }: { kind: NodeKind | undefined; info?: IconInfo; size?: number }) {
  const style = kind ? KIND_STYLE[kind] : UNKNOWN_KIND_STYLE;
  const name = iconKindOf(kind, info);
  const Icon = ICONS[name];
  return (
    <span className="node-kind-icon" style={{ width: size, height: size, background: style.soft, color: style.color }} aria-hidden data-icon={name}>
      <Icon width={size * 0.55} height={size * 0.55} />
    </span>
  );
}
