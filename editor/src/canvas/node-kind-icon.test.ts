import { describe, expect, it } from 'vitest';
import { iconKindOf } from './node-kind-icon.component.tsx';

describe('iconKindOf', () => {
  it('tells a yes/no condition, a branching and a filter apart', () => {
    const out = (ids: string[]) => ids.map((id) => ({ id, title: id }));
    expect(iconKindOf('condition', { kind: 'condition', outputs: out(['true', 'false']) })).toBe('condition');
    expect(iconKindOf('condition', { kind: 'condition', outputs: [], dynamicOutputs: { fromProp: 'branches', idKey: 'id', titleKey: 'name' } })).toBe('switch');
    expect(iconKindOf('condition', { kind: 'condition', outputs: out(['out']) })).toBe('filter');
    expect(iconKindOf('trigger')).toBe('trigger');
    expect(iconKindOf('action')).toBe('action');
    expect(iconKindOf(undefined)).toBe('unknown');
  });
});
