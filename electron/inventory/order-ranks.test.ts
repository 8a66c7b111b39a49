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
});
