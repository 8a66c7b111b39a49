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
});
