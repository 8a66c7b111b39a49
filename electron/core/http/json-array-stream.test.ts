import { describe, expect, it } from 'vitest';
import { openJsonArray } from './json-array-stream';

const bytes = (text: string) => new TextEncoder().encode(text).buffer as ArrayBuffer;

async function readAll(text: string, max = 2) {
  const stream = await openJsonArray(bytes(text));
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
});
