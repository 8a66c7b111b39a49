import { describe, expect, it } from 'vitest';
import { SpooledJsonList } from './spooled-json-list';

/** Elements of varying length, with text that takes several bytes a character. */
const element = (i: number) => ({ sku: `S-${i}`, name: `Café ${'ü'.repeat(i % 7)} № ${i}`, note: 'x'.repeat((i * 7919) % 3000), n: i, ok: i % 2 === 0 });

describe('a spooled answer read a slice at a time', () => {
  it('gives each element once, whole, whatever the sizes of its pieces and slices', () => {
    const elements = Array.from({ length: 900 }, (_, i) => element(i));
    const bytes = Buffer.from(JSON.stringify({ total: elements.length, results: elements }));
    const list = new SpooledJsonList();
    const read: unknown[] = [];
    // Pieces cut anywhere, inside characters included; slices large, then small, then large again.
    const sizes = [400, 3, 1, 250, 2, 600];
    let turn = 0;
    for (let at = 0; at < bytes.length; ) {
      const size = 1 + ((at * 31) % 9000);
      list.feed(bytes.subarray(at, at + size));
      at += size;
      for (let slice = list.take(sizes[turn++ % sizes.length]); slice; slice = list.waiting > 50 ? list.take(sizes[turn++ % sizes.length]) : null) read.push(...slice);
    }
    list.end();
    for (let slice = list.take(7); slice; slice = list.take(500)) read.push(...slice);
    list.close();
    expect(read).toEqual(elements);
    expect(list.shell).toEqual({ fields: { total: elements.length }, hasList: true });
  });

  it('says when a piece may be written over: what it gives is the same when every free piece is', () => {
    const elements = Array.from({ length: 300 }, (_, i) => element(i));
    // Top-level fields long enough to span pieces, before and after the list.
    const shell = { status: 'ok '.repeat(400), total: elements.length };
    const bytes = Buffer.from(JSON.stringify({ status: shell.status, results: elements, total: shell.total }));
    const list = new SpooledJsonList();
    const read: unknown[] = [];
    let buffer = new Uint8Array(512);
    const held: number[] = [];
    for (let at = 0, n = 0; at < bytes.length; at += 512, n++) {
      const piece = bytes.subarray(at, at + 512);
      buffer.set(piece);
      const view = buffer.subarray(0, piece.length);
      // Freed: the same memory takes the next piece, scribbled over first; held: the next piece gets new memory.
      if (list.feed(view)) buffer.fill(0x22);
      else {
        held.push(n);
        buffer = new Uint8Array(512);
      }
      for (let slice = list.take(40); slice; slice = list.take(40)) read.push(...slice);
    }
    list.end();
    for (let slice = list.take(40); slice; slice = list.take(40)) read.push(...slice);
    list.close();
    expect(read).toEqual(elements);
    expect(list.shell).toEqual({ fields: shell, hasList: true });
    // The long field's pieces were held; the list's were not.
    expect(held.length).toBeGreaterThanOrEqual(2);
    expect(held.length).toBeLessThan(10);
  });
});
