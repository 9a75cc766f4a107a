import { describe, expect, it } from 'vitest';
import { MicroBatcher } from './micro-batcher.ts';

describe('MicroBatcher', () => {
  it('groups concurrent submissions into one batch and answers each in order', async () => {
    const batches: number[][] = [];
    const b = new MicroBatcher<number, number>(async (items) => {
      batches.push(items);
      return items.map((i) => i * 10);
    }, 5);
    const results = await Promise.all([1, 2, 3].map((i) => b.submit(i)));
    expect(results).toEqual([10, 20, 30]);
    expect(batches).toEqual([[1, 2, 3]]);
  });

  it('limits batches in flight and sends what waited as soon as one returns', async () => {
    const batches: number[][] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const b = new MicroBatcher<number, number>(async (items) => {
      batches.push(items);
      if (batches.length === 1) await gate;
      return items;
    }, 1, 500, 1);
    const first = b.submit(1);
    await new Promise((r) => setTimeout(r, 10));
    const rest = [2, 3, 4].map((i) => b.submit(i));
    await new Promise((r) => setTimeout(r, 10));
    expect(batches).toEqual([[1]]);
    release();
    await Promise.all([first, ...rest]);
    expect(batches).toEqual([[1], [2, 3, 4]]);
  });

  it('rejects every item of a failed batch', async () => {
    const b = new MicroBatcher<number, number>(async () => {
      throw new Error('база недоступна');
    }, 1);
    await expect(Promise.all([b.submit(1), b.submit(2)])).rejects.toThrow('база недоступна');
  });
});
