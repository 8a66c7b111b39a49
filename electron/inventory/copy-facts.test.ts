import { describe, expect, it } from 'vitest';
import { filledRoom, fillRoom, makeRoom, orderKeys, sharedCopy, sharedIn, type CopyFacts } from './copy-facts';

describe('memory readied for the next version of the search facts', () => {
  const facts = (rows: number) => {
    const order = Uint32Array.from({ length: rows }, (_, i) => i + 1);
    return { flags: new Uint8Array(rows + 1), category: new Uint32Array(rows + 1), orders: Object.fromEntries(orderKeys.map((k) => [k, order])) } as Pick<CopyFacts, 'flags' | 'category' | 'orders'>;
  };

  it('has space for every array and rows to spare, in shared memory', () => {
    const room = makeRoom(facts(1000));
    for (const a of [room.flags, room.category, ...Object.values(room.orders)]) {
      expect(a.buffer).toBeInstanceOf(SharedArrayBuffer);
      expect(a.length).toBeGreaterThan(1001 + 1000 / 64);
    }
  });

  it('is written over, past the copied values too, and used only when it has space', () => {
    const room = makeRoom(facts(10)).flags.fill(9);
    const copied = sharedCopy(Uint8Array, Uint8Array.from([1, 2]), 4, room);
    expect(Array.from(copied)).toEqual([1, 2, 0, 0]);
    expect(copied.buffer).toBe(room.buffer);
    const tooSmall = new Uint32Array(new SharedArrayBuffer(8));
    const fresh = sharedIn(Uint32Array, 3, tooSmall);
    expect([fresh.length, Array.from(fresh)]).toEqual([3, [0, 0, 0]]);
    expect(fresh.buffer).not.toBe(tooSmall.buffer);
  });

  it('is written into only once filled', () => {
    const room = makeRoom(facts(10));
    expect(filledRoom(room)).toBeUndefined();
    room.orders.name.fill(5);
    fillRoom(room);
    expect(filledRoom(room)).toBe(room);
    expect(Array.from(room.orders.name.subarray(0, 3))).toEqual([0, 0, 0]);
  });
});
