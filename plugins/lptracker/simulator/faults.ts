import type { SimRandom } from './random.ts';
import type { LptFaults } from './sim-types.ts';

export interface FaultControl {
  set(f: Partial<LptFaults>): void;
  reset(): void;
  current(): LptFaults;
}

const RATE_KEYS = ['errorRate', 'timeoutRate', 'truncatedJsonRate', 'htmlErrorRate'] as const;
export type FaultKind = (typeof RATE_KEYS)[number];

export function createFaults(random: SimRandom, rateLimitHttp503: boolean) {
  const defaults: LptFaults = {
    latencyMs: 0, errorRate: 0, timeoutRate: 0, truncatedJsonRate: 0, htmlErrorRate: 0, rateLimitHttp503, bareLists: false, onlyFor: null,
  };
  let faults: LptFaults = { ...defaults };
  const control: FaultControl = {
    set(f) {
      const next = { ...faults, ...f };
      if (!Number.isFinite(next.latencyMs) || next.latencyMs < 0) throw new RangeError('latencyMs: нужно неотрицательное число');
      for (const k of RATE_KEYS) {
        if (!Number.isFinite(next[k]) || next[k] < 0 || next[k] > 1) throw new RangeError(`${k}: нужна доля от 0 до 1`);
      }
      faults = next;
    },
    reset: () => void (faults = { ...defaults }),
    current: () => ({ ...faults }),
  };
  /** One die per request and kind; a rate of 1 always fires, 0 never. `route` is `METHOD /path`. */
  const roll = (kind: FaultKind, route: string): boolean =>
    faults[kind] > 0 && (faults.onlyFor === null || faults.onlyFor === route) && random.next() < faults[kind];
  return { control, roll };
}

export type Faults = ReturnType<typeof createFaults>;
