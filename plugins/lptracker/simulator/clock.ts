/** Wall time plus a fast-forward offset, so tests can age tokens and leads without waiting. */
export interface SimClock {
  now(): number;
  advance(ms: number): void;
}

export function createClock(): SimClock {
  let offset = 0;
  return {
    now: () => Date.now() + offset,
    advance(ms: number) {
      if (!Number.isFinite(ms) || ms < 0) throw new RangeError('clock.advance: нужно неотрицательное число миллисекунд');
      offset += ms;
    },
  };
}
