import { describe, expect, it } from 'vitest';
import { FactsCollector } from './copy-facts';
import { OrderRanks } from './order-ranks';

/** Rows 1, 2, 4, 7 and 9 priced 30, 10, 20, 10 and none; names and SKUs in id order. */
function ranks() {
  const facts = new FactsCollector();
  for (const [id, price] of [[1, 30], [2, 10], [4, 20], [7, 10], [9, null]] as [number, number | null][]) {
    facts.add(id, { category: null, consignment: 0, ecommerce: 0, quantity: 1, status: 'ACTIVE' }, [price, 1, id, id]);
  }
  const byId = Uint32Array.from([1, 2, 4, 7, 9]);
  return new OrderRanks(facts.finish(byId, byId));
}

describe('sort orders kept in memory', () => {
  it('sort found rows as the ORDER BY does, ties by id (backwards going down), unpriced first going up, and page them', () => {
    const r = ranks();
    expect(r.page('price-asc', [1, 2, 4, 7, 9], 0, 10)).toEqual([9, 2, 7, 4, 1]);
    expect(r.page('price-asc', [1, 4, 7], 1, 1)).toEqual([4]);
    expect(r.page('price-desc', [1, 2, 4, 7], 0, 3)).toEqual([1, 4, 7]);
    expect(r.page('price-desc', [1, 2, 4, 7, 9], 0, 10)).toEqual([1, 4, 7, 2, 9]);
  });

  it('page any set of found rows as sorting their positions would, from any offset, either way, call after call', () => {
    // 3,000 rows with ids 1, 3, 5, …, priced at random with many ties.
    let seed = 11;
    const random = (n: number) => (seed = (seed * 48271) % 2147483647) % n;
    const facts = new FactsCollector();
    const rows = Array.from({ length: 3000 }, (_, i) => ({ id: 2 * i + 1, price: random(40) === 0 ? null : random(500) }));
    for (const { id, price } of rows) facts.add(id, { category: null, consignment: 0, ecommerce: 0, quantity: 1, status: 'ACTIVE' }, [price, 1, id, id]);
    const byId = Uint32Array.from(rows.map((r) => r.id));
    const r = new OrderRanks(facts.finish(byId, byId));
    const everyRow = r.slice('price-asc', 0, rows.length);
    const position = new Map(everyRow.map((id, pos) => [id, pos]));
    for (const size of [1, 31, 32, 33, 700, 3000]) {
      const found = [...new Set(Array.from({ length: size }, () => 2 * random(3000) + 1))];
      const sorted = [...found].sort((a, b) => position.get(a)! - position.get(b)!);
      for (const [offset, limit] of [[0, 100], [7, 33], [found.length - 1, 5], [found.length, 5]]) {
        expect(r.page('price-asc', [...found, 2, 6001], offset, limit), `${size} up from ${offset}`).toEqual(sorted.slice(offset, offset + limit));
        expect(r.page('price-desc', found, offset, limit), `${size} down from ${offset}`).toEqual([...sorted].reverse().slice(offset, offset + limit));
      }
    }
  });

  it('leave out ids that have no row instead of showing another row in their place', () => {
    expect(ranks().page('price-asc', [3, 1, 100, 2], 0, 10)).toEqual([2, 1]);
  });

  it('walk the order keeping the rows a test passes, from an offset, either way', () => {
    const r = ranks();
    const odd = (id: number) => id % 2 === 1;
    expect(r.walk('price-asc', odd, 0, 10)).toEqual([9, 7, 1]);
    expect(r.walk('price-asc', odd, 1, 1)).toEqual([7]);
    expect(r.walk('price-desc', odd, 0, 10)).toEqual([1, 7, 9]);
    expect(r.slice('name', 1, 2)).toEqual([2, 4]);
    expect(r.slice('newest', 0, 2)).toEqual([9, 7]);
  });

  it('write their positions into the memory of the ranks they replace, leaving nothing of what it held', () => {
    const first = ranks();
    expect(first.page('price-asc', [1, 2], 0, 10)).toEqual([2, 1]);
    // The next version: row 2 is gone and row 3 costs 5; its positions go where the first version's were.
    const facts = new FactsCollector();
    for (const [id, price] of [[1, 30], [3, 5], [4, 20]] as [number, number][]) {
      facts.add(id, { category: null, consignment: 0, ecommerce: 0, quantity: 1, status: 'ACTIVE' }, [price, 1, id, id]);
    }
    const byId = Uint32Array.from([1, 3, 4]);
    const handed = first.handOver();
    const memory = handed.get('price')!.buffer;
    const next = new OrderRanks(facts.finish(byId, byId), handed);
    expect(next.page('price-asc', [1, 2, 3, 4, 7, 9], 0, 10)).toEqual([3, 4, 1]);
    expect(next.page('price-desc', [4, 1, 3], 1, 5)).toEqual([4, 3]);
    expect(next.handOver().get('price')!.buffer).toBe(memory);
  });
});
