import { describe, expect, it } from 'vitest';
import { openJsonArray } from './json-array-stream';

const bytes = (text: string) => new TextEncoder().encode(text).buffer as ArrayBuffer;

/** The text's bytes as a body that arrives in pieces of the given sizes (the last size repeats). */
async function* inPieces(text: string, sizes: number[]): AsyncGenerator<Uint8Array> {
  const all = new TextEncoder().encode(text);
  for (let at = 0, k = 0; at < all.length; k++) {
    const size = sizes[Math.min(k, sizes.length - 1)];
    yield all.subarray(at, at + size);
    at += size;
  }
}

async function readAll(text: string | AsyncIterable<Uint8Array>, max = 2, pick?: string) {
  const stream = await openJsonArray(typeof text === 'string' ? bytes(text) : text, { pick });
  const items: unknown[] = [];
  for (let part = await stream.next(max); part; part = await stream.next(max)) items.push(...part);
  return { shell: stream.shell, total: stream.total, items };
}

describe('reading a JSON answer’s list a slice at a time', () => {
  it('reads the list under "results", keeping the other fields, whatever the strings and nesting hold', async () => {
    const value = {
      success: true,
      results: [{ sku: 'A"]}1', name: 'brace } bracket ] comma , quote \\" end', images: ['a.jpg', 'b.png'] }, { sku: 'B2', nested: { deep: [[1], { x: null }] } }, 'text', 42, true, null, { é: 'ünïcødé ✓' }],
      count: 7,
    };
    const r = await readAll(JSON.stringify(value, null, 2), 3);
    expect(r).toEqual({ shell: { success: true, count: 7 }, total: 7, items: value.results });
  });

  it('reads a bare list, and an empty one', async () => {
    expect(await readAll(' [ {"sku":"A"} , {"sku":"B"} ] ')).toEqual({ shell: null, total: 2, items: [{ sku: 'A' }, { sku: 'B' }] });
    expect(await readAll('{"results": []}')).toEqual({ shell: {}, total: 0, items: [] });
  });

  it('an answer without a list is its other fields alone', async () => {
    expect(await readAll('{"success": false, "error": "Invalid API key"}')).toEqual({ shell: { success: false, error: 'Invalid API key' }, total: null, items: [] });
  });

  it('refuses what is not JSON: cut short, broken inside an item, trailing data', async () => {
    await expect(openJsonArray(bytes('{"results": [{"sku": "A"}, {"sku": "B"'))).rejects.toBeInstanceOf(SyntaxError);
    await expect(openJsonArray(bytes('{"success": tru'))).rejects.toBeInstanceOf(SyntaxError);
    await expect(openJsonArray(bytes('[1, 2] x'))).rejects.toBeInstanceOf(SyntaxError);
    const stream = await openJsonArray(bytes('[{"sku": "A"}, {"sku": B}]'));
    await expect(stream.next(5)).rejects.toBeInstanceOf(SyntaxError);
  });

  it('reads a body arriving in pieces cut anywhere: inside strings, escapes, numbers, keys and multi-byte letters', async () => {
    const value = { note: 'a "quoted" \\ back', results: [{ sku: 'Ab\\"c', n: -12.5e3, ok: false, none: null, name: 'é✓ ünï' }, 7, 'x', [1, [2]], { deep: { k: ['}', ']'] } }], tail: [true] };
    const text = JSON.stringify(value);
    for (let size = 1; size <= 9; size++) {
      for (const max of [1, 10]) {
        const r = await readAll(inPieces(text, [size]), max);
        expect(r).toEqual({ shell: { note: value.note, tail: [true] }, total: 5, items: value.results });
      }
    }
    const spaced = JSON.stringify(value, null, 3);
    expect(await readAll(inPieces(spaced, [3, 1, 7, 2]), 3)).toEqual({ shell: { note: value.note, tail: [true] }, total: 5, items: value.results });
  });

  it('hands over one field of each element when asked to', async () => {
    const text = JSON.stringify({ results: [{ sku: 'A', name: 'x' }, { sku: 'B' }, 'junk', { name: 'no sku' }] });
    expect((await readAll(inPieces(text, [5]), 3, 'sku')).items).toEqual(['A', 'B', undefined, undefined]);
  });

  it('refuses a body cut short or broken in pieces, and passes on the error of a body that fails to arrive', async () => {
    await expect(readAll(inPieces('{"results": [{"sku": "A"}, {"sku": "B"', [4]))).rejects.toBeInstanceOf(SyntaxError);
    await expect(readAll(inPieces('{"results": [1,, 2]}', [2]))).rejects.toBeInstanceOf(SyntaxError);
    await expect(readAll(inPieces('{"a": 1 "b": 2}', [3]))).rejects.toBeInstanceOf(SyntaxError);
    async function* dropped(): AsyncGenerator<Uint8Array> {
      yield new TextEncoder().encode('{"results": [{"sku": "A"},');
      throw new Error('connection reset');
    }
    await expect(readAll(dropped())).rejects.toThrow('connection reset');
  });
});
