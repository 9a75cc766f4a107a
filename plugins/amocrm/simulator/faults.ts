import type { AmoFaults } from './sim-types.ts';
import { isInt, isObj } from './validation.ts';

export const NO_FAULTS: AmoFaults = { latencyMs: 0, errorRate: 0, timeoutRate: 0, burst429: 0, status402: false, blocked: false };

/** Small seedable PRNG, so fault sequences with rates between 0 and 1 repeat run to run. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Faults {
  private f: AmoFaults = { ...NO_FAULTS };
  private rng: () => number;

  constructor(seed: number) {
    this.rng = mulberry32(seed);
  }

  set(p: Partial<AmoFaults>): void {
    const clampRate = (x: number) => Math.min(1, Math.max(0, x));
    if (p.latencyMs !== undefined) this.f.latencyMs = Math.max(0, p.latencyMs);
    if (p.errorRate !== undefined) this.f.errorRate = clampRate(p.errorRate);
    if (p.timeoutRate !== undefined) this.f.timeoutRate = clampRate(p.timeoutRate);
    if (p.burst429 !== undefined) this.f.burst429 = Math.max(0, Math.floor(p.burst429));
    if (p.status402 !== undefined) this.f.status402 = p.status402;
    if (p.blocked !== undefined) this.f.blocked = p.blocked;
  }

  reset(): void {
    this.f = { ...NO_FAULTS };
  }

  current(): AmoFaults {
    return { ...this.f };
  }

  /** rate 0 never fires and rate 1 always does, without consuming randomness. */
  roll(rate: number): boolean {
    if (rate <= 0) return false;
    if (rate >= 1) return true;
    return this.rng() < rate;
  }

  takeBurst429(): boolean {
    if (this.f.burst429 <= 0) return false;
    this.f.burst429--;
    return true;
  }
}

/** Reads a faults patch from an admin request body; returns Russian error text when invalid. */
export function parseFaultsPatch(body: unknown): Partial<AmoFaults> | string {
  if (!isObj(body)) return 'Ожидается JSON-объект с настройками сбоев';
  const out: Partial<AmoFaults> = {};
  for (const k of ['latencyMs', 'burst429'] as const) {
    if (body[k] === undefined) continue;
    if (!isInt(body[k]) || (body[k] as number) < 0) return `Поле ${k} должно быть неотрицательным целым числом`;
    out[k] = body[k] as number;
  }
  for (const k of ['errorRate', 'timeoutRate'] as const) {
    if (body[k] === undefined) continue;
    const v = body[k];
    if (typeof v !== 'number' || v < 0 || v > 1) return `Поле ${k} должно быть числом от 0 до 1`;
    out[k] = v;
  }
  for (const k of ['status402', 'blocked'] as const) {
    if (body[k] === undefined) continue;
    if (typeof body[k] !== 'boolean') return `Поле ${k} должно быть true или false`;
    out[k] = body[k] as boolean;
  }
  return out;
}
