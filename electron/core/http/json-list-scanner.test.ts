import { describe, expect, it } from 'vitest';
import { JsonListScanner } from './json-list-scanner';

/** Scans the text in pieces of the given sizes (the last size repeats), taking up to `max` elements after each piece. */
function scan(text: string, sizes: number[] = [text.length || 1], max = 2) {
  const all = new TextEncoder().encode(text);
  const s = new JsonListScanner();
  const items: unknown[] = [];
  const takeAll = () => {
    for (let t = s.take(max); t; t = s.take(max)) {
      const parsed = JSON.parse(`[${new TextDecoder().decode(all.subarray(t.from, t.to))}]`) as unknown[];
      expect(parsed).toHaveLength(t.count);
      items.push(...parsed);
    }
  };
  for (let at = 0, k = 0; at < all.length; k++) {
    const size = sizes[Math.min(k, sizes.length - 1)];
    s.feed(all.subarray(at, at + size));
    takeAll();
    at += size;
  }
  s.end();
  return { shell: s.shell, total: s.listFound ? s.elements : null, items };
}

describe('finding a JSON answer’s list elements as the bytes arrive', () => {
  it('finds the list under "results", keeping the other fields, whatever the strings and nesting hold', () => {
    const value = {
      success: true,
      results: [{ sku: 'A"]}1', name: 'brace } bracket ] comma , quote \\" end', images: ['a.jpg', 'b.png'] }, { sku: 'B2', nested: { deep: [[1], { x: null }] } }, 'text', 42, true, null, { é: 'ünïcødé ✓' }],
      count: 7,
    };
    expect(scan(JSON.stringify(value, null, 2), undefined, 3)).toEqual({ shell: { success: true, count: 7 }, total: 7, items: value.results });
  });

  it('takes no more elements than span the bytes asked for, and one at least', () => {
    const elements = ['"a"', '"bbbbbbbbbb"', '"c"', '"d"', '"eeeeeeeeeeeeeeeeeeee"', '"f"'];
    const text = `[${elements.join(', ')}]`;
    const s = new JsonListScanner();
    s.feed(new TextEncoder().encode(text));
    s.end();
    const taken: string[][] = [];
    for (let t = s.take(10, 18); t; t = s.take(10, 18)) {
      expect(t.to - t.from <= 18 || t.count === 1).toBe(true);
      taken.push(JSON.parse(`[${text.slice(t.from, t.to)}]`) as string[]);
    }
    // "a", "bbbbbbbbbb" span 17 bytes with the comma and space between; the 22-byte element goes alone.
    expect(taken).toEqual([['a', 'bbbbbbbbbb'], ['c', 'd'], ['eeeeeeeeeeeeeeeeeeee'], ['f']]);
  });

  it('finds a bare list, and an empty one', () => {
    expect(scan(' [ {"sku":"A"} , {"sku":"B"} ] ')).toEqual({ shell: null, total: 2, items: [{ sku: 'A' }, { sku: 'B' }] });
    expect(scan('{"results": []}')).toEqual({ shell: {}, total: 0, items: [] });
  });

  it('an answer without a list is its other fields alone', () => {
    expect(scan('{"success": false, "error": "Invalid API key"}')).toEqual({ shell: { success: false, error: 'Invalid API key' }, total: null, items: [] });
  });

  it('refuses what is not JSON of that shape: cut short, trailing data, a missing comma or value', () => {
    for (const text of ['{"results": [{"sku": "A"}, {"sku": "B"', '{"success": tru', '[1, 2] x', '{"results": [1,, 2]}', '{"a": 1 "b": 2}', 'nope', '{"results": [1] ]']) {
      for (const size of [1, 3, 100]) expect(() => scan(text, [size]), `${text} in pieces of ${size}`).toThrow(SyntaxError);
    }
  });

  it('finds the same elements in a body cut anywhere: inside strings, escapes, runs of backslashes, numbers, keys and multi-byte letters', () => {
    const value = {
      note: 'a "quoted" \\ back',
      results: [{ sku: 'Ab\\"c', n: -12.5e3, ok: false, none: null, name: 'é✓ ünï' }, 7, 'x\\\\', '\\\\\\"', [1, [2]], { deep: { k: ['}', ']', '"'] } }, 'end\\'],
      tail: [true],
    };
    const text = JSON.stringify(value);
    for (let size = 1; size <= 9; size++) {
      for (const max of [1, 10]) expect(scan(text, [size], max)).toEqual({ shell: { note: value.note, tail: [true] }, total: 7, items: value.results });
    }
    expect(scan(JSON.stringify(value, null, 3), [3, 1, 7, 2], 3)).toEqual({ shell: { note: value.note, tail: [true] }, total: 7, items: value.results });
  });
});
