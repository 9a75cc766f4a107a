import { GearIcon, LightningBoltIcon, QuestionMarkIcon, Share2Icon } from '@radix-ui/react-icons';
import type { NodeKind } from '../../../core/graph/node-catalog.ts';
import { KIND_STYLE, UNKNOWN_KIND_STYLE } from './node-kind.style.ts';

const ICONS = { trigger: LightningBoltIcon, condition: Share2Icon, action: GearIcon };

export function NodeKindIcon({ kind, size = 28 }: { kind: NodeKind | undefined; size?: number }) {
  const style = kind ? KIND_STYLE[kind] : UNKNOWN_KIND_STYLE;
  const Icon = kind ? ICONS[kind] : QuestionMarkIcon;
  return (
    <span className="node-kind-icon" style={{ width: size, height: size, background: style.soft, color: style.color }} aria-hidden>
      <Icon width={size * 0.55} height={size * 0.55} />
    </span>
  );
}
