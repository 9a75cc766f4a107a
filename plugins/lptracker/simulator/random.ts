/** A small seeded generator (mulberry32): reproducible tokens and fault dice for a given seed. */
export interface SimRandom {
  /** Uniform in [0, 1). */
  next(): number;
  /** `length` characters of [A-Za-z0-9], like LPTracker tokens. */
  alnum(length: number): string;
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export function createRandom(seed: number = Math.floor(Math.random() * 2 ** 32)): SimRandom {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    alnum(length: number) {
      let out = '';
      for (let i = 0; i < length; i++) out += ALNUM[Math.floor(next() * ALNUM.length)];
      return out;
    },
  };
}
