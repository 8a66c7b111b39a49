import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchFilters } from '../../shared/inventory/schemas';
import type { Db } from '../core/store/database';
import type { InventoryRecord } from '../simpleconsign/inventory-response';
import { ftsQuery, InventorySearch } from './inventory-search';
import { filters, item, onCalls, seed, withCopy } from './search-fixtures';
import { checkFtsIntegrity, tempDb } from './test-harness';

const items: InventoryRecord[] = [
  item('K9L28Q', { name: 'Cardigan', description: 'woman’s sweater', category: 'CLOTHING', brand: 'Fashionables!', size: 'med', color: 'black', consignment: true, consignorId: '1234567', currentPriceCents: 990, images: ['k9l28q-1.jpg', 'k9l28q-2.png'], extra: { weight: 1.5 }, dateCreated: 3 }),
  item('AW5NE7', { name: 'Mario Bros.', category: 'GAMES', quantity: 4, currentPriceCents: 1512, dateCreated: 1 }),
  item('B00T5A', { name: 'Leather Boots', description: 'brown boots, some wear', category: 'SHOES', brand: 'Frye', color: 'brown', quantity: 0, currentPriceCents: 8900, ecommerce: true, dateCreated: 2 }),
  item('CAFE01', { name: 'Café Crème Teapot', category: 'KITCHEN', brand: 'Le Creuset', color: 'cream', currentPriceCents: null, retailCents: 4500, status: 'EXPIRED', images: ['cafe01-1.gif'] }),
  item('ZZ-900', { name: 'black Dress', category: 'CLOTHING', color: 'black', consignment: true, consignorId: '7654321', currentPriceCents: 2500, ecommerce: true, status: 'CONVERTED', unreadable: { retail: 12.5 } }),
  item('NOPRICE', { name: 'Mystery Box', currentPriceCents: null, retailCents: null }),
];

let db: Db;
let cleanup: () => void;
let search: InventorySearch;
const skus = async (over: Partial<SearchFilters & { offset: number; limit: number }> = {}) => (await search.search({ ...filters(), ...over })).items.map((i) => i.sku);

beforeAll(() => {
  ({ db, cleanup } = tempDb());
  // An abandoned load's generation must never show.
  seed(db, items, [item('GHOST1', { name: 'Cardigan ghost', category: 'CLOTHING' })]);
  search = new InventorySearch(db, () => 'http://img.test');
});
afterAll(() => {
  try {
    checkFtsIntegrity(db);
  } finally {
    cleanup();
  }
});

describe('full-text search', () => {
  it('finds by SKU, name, description, brand, category, color, size and consignor, by word prefix', async () => {
    expect((await skus({ query: 'k9l2' }))).toEqual(['K9L28Q']);
    expect((await skus({ query: 'cardig' }))).toEqual(['K9L28Q']);
    expect((await skus({ query: 'sweater' }))).toEqual(['K9L28Q']);
    expect((await skus({ query: 'frye' }))).toEqual(['B00T5A']);
    expect((await skus({ query: 'games' }))).toEqual(['AW5NE7']);
    expect((await skus({ query: 'brown' }))).toEqual(['B00T5A']);
    expect((await skus({ query: 'med' }))).toEqual(['K9L28Q']);
    expect((await skus({ query: '7654321' }))).toEqual(['ZZ-900']);
    expect((await skus({ query: 'black clothing' }))).toEqual(['K9L28Q', 'ZZ-900']);
    expect((await skus({ query: 'black boots' }))).toEqual([]);
  });

  it('ignores accents and punctuation, and FTS syntax typed by a person cannot break the query', async () => {
    expect((await skus({ query: 'cafe creme' }))).toEqual(['CAFE01']);
    expect((await skus({ query: 'ZZ-900' }))).toEqual(['ZZ-900']);
    expect((await skus({ query: '"mario" AND (NEAR' }))).toEqual([]);
    expect((await skus({ query: '"mario' }))).toEqual(['AW5NE7']);
    expect((await skus({ query: '*** ---' }))).toHaveLength(items.length);
    expect(ftsQuery('Levi’s 501')).toBe('"Levi"* "s"* "501"*');
  });

  it('ranks a SKU match above mentions elsewhere', async () => {
    db.prepare("UPDATE inventory_items_1 SET description = 'goes with AW5NE7' WHERE sku = 'K9L28Q'").run();
    expect((await skus({ query: 'aw5ne7', sort: 'relevance' }))).toEqual(['AW5NE7', 'K9L28Q']);
    db.prepare("UPDATE inventory_items_1 SET description = 'woman’s sweater' WHERE sku = 'K9L28Q'").run();
  });
});

describe('what a person types', () => {
  it('finds a consignor’s items by their name as the table shows it', async () => {
    expect((await skus({ query: 'Consignor 7654321' }))).toEqual(['ZZ-900']);
    expect((await skus({ query: 'consignor #1234567 cardigan' }))).toEqual(['K9L28Q']);
    // The id alone matches only the consignor column.
    expect((await skus({ query: 'Consignor 990' }))).toEqual([]);
  });

  it('tries a near spelling when the words match nothing, and says which', async () => {
    const r = (await search.search({ ...filters(), query: 'cardgan' }));
    expect(r.items.map((i) => i.sku)).toEqual(['K9L28Q']);
    expect(r.correctedQuery).toBe('cardigan');
    expect((await search.search({ ...filters(), query: 'lether bots' }))).toMatchObject({ correctedQuery: 'leather boots', total: 1 });
    // A near spelling that still matches nothing is not offered.
    expect((await search.search({ ...filters(), query: 'black bots' }))).toMatchObject({ correctedQuery: null, total: 0 });
    expect((await search.search({ ...filters(), query: 'cardigan' })).correctedQuery).toBeNull();
    expect((await search.search({ ...filters(), query: 'qqqqqq' }))).toMatchObject({ total: 0, correctedQuery: null });
  });

  it('reads a range of the vocabulary once while the copy is unchanged, and again once it changes', async () => {
    await withCopy([item('C1', { name: 'Cardigan' }), item('C2', { name: 'Coat' })], async (db) => {
      const s = new InventorySearch(db, () => 'http://img.test');
      let rangeReads = 0;
      onCalls(db, (sql) => sql.includes('FROM temp.inventory_vocab_'), 'all', () => (rangeReads += 1));
      // Typed letter by letter, each spelling matching nothing: the words starting "ca" are read once.
      for (const query of ['cardgan', 'cardign', 'cadigan']) expect((await s.search({ ...filters(), query })).correctedQuery).toBe('cardigan');
      expect(rangeReads).toBe(1);
      // The copy changes: its words are read again, the new one found.
      db.prepare("UPDATE inventory_items_1 SET name = 'Caftan' WHERE sku = 'C2'").run();
      db.prepare('UPDATE inventory_state SET data_version = data_version + 1').run();
      expect((await s.search({ ...filters(), query: 'caftn' })).correctedQuery).toBe('caftan');
      expect(rangeReads).toBe(2);
    });
  });
});

describe('plans for broad matches and totals past the cap', () => {
  const all = ['relevance', 'name', 'sku', 'price-asc', 'price-desc', 'quantity', 'newest', 'updated'] as const;

  it('a broad match walks the order’s index and tests each row: the same rows in the same order as ranking them all', async () => {
    const broad = new InventorySearch(db, () => 'http://img.test', { countCap: 100, narrow: 0, sortable: 0 });
    for (const query of ['black', 'c', 'cafe', 'leather boots', 'Consignor 1234567', 'e']) {
      for (const sort of all.filter((x) => x !== 'relevance')) {
        for (const stock of ['all', 'store'] as const) {
          const f = { ...filters({ query, sort, stock }), limit: 2, offset: 1 };
          expect((await broad.search(f)).items.map((i) => i.sku), `${query} by ${sort}`).toEqual((await search.search(f)).items.map((i) => i.sku));
          expect((await broad.search(f)).total).toBe((await search.search(f)).total);
        }
      }
    }
    expect((await broad.search(filters({ query: 'black', sort: 'relevance' }))).items.map((i) => i.sku)).toEqual(['K9L28Q', 'ZZ-900']);
  });

  it('counts exactly up to the cap and says "at least" beyond it', async () => {
    const capped = new InventorySearch(db, () => 'http://img.test', { countCap: 2, narrow: 0, sortable: 0 });
    expect((await capped.search(filters()))).toMatchObject({ total: items.length, totalExact: true });
    // Filters alone are counted from the filter flags: exactly, however many.
    expect((await capped.search(filters({ stock: 'store' })))).toMatchObject({ total: 4, totalExact: true });
    expect((await capped.search(filters({ stock: 'consignment' })))).toMatchObject({ total: 2, totalExact: true });
    expect((await capped.search(filters({ query: 'c' })))).toMatchObject({ total: 2, totalExact: false });
    expect((await capped.search(filters({ query: 'black' })))).toMatchObject({ total: 2, totalExact: true });
    expect((await capped.search({ ...filters({ stock: 'store' }), offset: 2, limit: 5 })).items.map((i) => i.sku)).toEqual(['CAFE01', 'NOPRICE']);
  });
});

describe('filters, order and pages', () => {
  it('filters by category, consignment or store stock, e-commerce, quantity and status', async () => {
    expect((await skus({ category: 'CLOTHING' }))).toEqual(['K9L28Q', 'ZZ-900']);
    expect((await skus({ stock: 'consignment' }))).toEqual(['K9L28Q', 'ZZ-900']);
    expect((await skus({ stock: 'store' }))).toEqual(['AW5NE7', 'B00T5A', 'CAFE01', 'NOPRICE']);
    expect((await skus({ ecommerceOnly: true }))).toEqual(['B00T5A', 'ZZ-900']);
    expect((await skus({ inStockOnly: true }))).not.toContain('B00T5A');
    expect((await skus({ activeOnly: true }))).toEqual(['AW5NE7', 'B00T5A', 'K9L28Q', 'NOPRICE']);
    expect((await skus({ query: 'black', stock: 'consignment', ecommerceOnly: true }))).toEqual(['ZZ-900']);
  });

  it('sorts by name, price both ways (unpriced first going up, last going down), newest and relevance', async () => {
    expect((await skus({ sort: 'name' }))).toEqual(['ZZ-900', 'CAFE01', 'K9L28Q', 'B00T5A', 'AW5NE7', 'NOPRICE']);
    expect((await skus({ sort: 'price-asc' }))).toEqual(['CAFE01', 'NOPRICE', 'K9L28Q', 'AW5NE7', 'ZZ-900', 'B00T5A']);
    expect((await skus({ sort: 'price-desc' }))).toEqual(['B00T5A', 'ZZ-900', 'AW5NE7', 'K9L28Q', 'NOPRICE', 'CAFE01']);
    expect((await skus({ sort: 'newest' })).slice(0, 3)).toEqual(['K9L28Q', 'B00T5A', 'AW5NE7']);
    expect((await skus({ sort: 'relevance' }))).toEqual((await skus({ sort: 'name' })));
  });

  it('answers one page at a time with the total', async () => {
    const page = (await search.search({ ...filters({ sort: 'sku' }), offset: 1, limit: 2 }));
    expect(page.total).toBe(items.length);
    expect(page.offset).toBe(1);
    expect(page.items.map((i) => i.sku)).toEqual(['B00T5A', 'CAFE01']);
    expect(page.items[0]).toEqual({
      sku: 'B00T5A', name: 'Leather Boots', category: 'SHOES', brand: 'Frye', size: null, color: 'brown', quantity: 0, currentPriceCents: 8900,
      consignment: false, consignorId: null, status: 'ACTIVE', ecommerce: true, thumbnailUrl: null,
    });
  });
});

describe('one item and the sale screen’s lookup', () => {
  it('gives every field, the image addresses and the extra and unreadable fields', async () => {
    const d = search.getItem('k9l28q')!;
    expect(d).toMatchObject({ sku: 'K9L28Q', description: 'woman’s sweater', consignment: true, consignorId: '1234567', thumbnailUrl: 'http://img.test/thumbnail/k9l28q-1.jpg' });
    expect(d.images).toEqual([
      { name: 'k9l28q-1.jpg', thumbnailUrl: 'http://img.test/thumbnail/k9l28q-1.jpg', largeUrl: 'http://img.test/medium/k9l28q-1.jpg', originalUrl: 'http://img.test/k9l28q-1.jpg' },
      { name: 'k9l28q-2.png', thumbnailUrl: 'http://img.test/k9l28q-2.png', largeUrl: 'http://img.test/k9l28q-2.png', originalUrl: 'http://img.test/k9l28q-2.png' },
    ]);
    expect(d.extra).toEqual([{ key: 'weight', value: '1.5' }]);
    expect(search.getItem('ZZ-900')!.unreadable).toEqual([{ key: 'retail', value: '12.5' }]);
    expect(search.getItem('GHOST1')).toBeNull();
  });

  it('looks a SKU up in any case, falling back to the retail price, and never offers an unpriced item', async () => {
    expect(search.lookupSku('aw5ne7')).toEqual({
      sku: 'AW5NE7', name: 'Mario Bros.', currentPriceCents: 1512, quantity: 4, thumbnailUrl: null, taxable: null, consignment: false, status: 'ACTIVE', expireDate: null,
    });
    expect(search.lookupSku('k9l28q')).toMatchObject({ consignment: true, taxable: null });
    expect(search.lookupSku('cafe01')).toMatchObject({ currentPriceCents: 4500, thumbnailUrl: 'http://img.test/cafe01-1.gif' });
    expect(search.lookupSku('NOPRICE')).toBeNull();
    expect(search.lookupSku('UNKNOWN')).toBeNull();
  });

  it('counts items per category', async () => {
    expect((await search.categories())).toEqual([
      { name: 'CLOTHING', count: 2 }, { name: 'GAMES', count: 1 }, { name: 'KITCHEN', count: 1 }, { name: 'SHOES', count: 1 },
    ]);
  });
});

describe('filters alone', () => {
  it('few matching rows are found through the filter index and sorted; many walk the order’s index: the same rows either way', async () => {
    const walking = new InventorySearch(db, () => 'http://img.test', { countCap: 100, narrow: 0, sortable: 0 });
    for (const sort of ['name', 'price-desc', 'newest', 'updated'] as const) {
      for (const over of [{ ecommerceOnly: true }, { stock: 'store' as const, activeOnly: true }, { category: 'CLOTHING', inStockOnly: true }]) {
        const f = filters({ sort, ...over });
        expect((await walking.search(f)).items.map((i) => i.sku)).toEqual((await search.search(f)).items.map((i) => i.sku));
      }
    }
  });
});

describe('filter flags', () => {
  const combos: Partial<SearchFilters>[] = [];
  for (const category of [null, 'CLOTHING', 'SHOES', 'NOWHERE'])
    for (const stock of ['all', 'consignment', 'store'] as const)
      for (const ecommerceOnly of [false, true]) for (const inStockOnly of [false, true]) for (const activeOnly of [false, true]) combos.push({ category, stock, ecommerceOnly, inStockOnly, activeOnly });

  it('count and test every combination of filters as the filter columns say, alone and with words', async () => {
    const walking = new InventorySearch(db, () => 'http://img.test', { countCap: 100, narrow: 0, sortable: 0 });
    // The filters as plain SQL over the rows, sorted by SKU.
    const bySql = (o: Partial<SearchFilters>) => {
      const conds = ['1'];
      if (o.category) conds.push(`category = '${o.category}'`);
      if (o.stock === 'consignment') conds.push('consignment = 1');
      if (o.stock === 'store') conds.push('coalesce(consignment, 0) = 0');
      if (o.ecommerceOnly) conds.push('ecommerce = 1');
      if (o.inStockOnly) conds.push('quantity > 0');
      if (o.activeOnly) conds.push("(status IS NULL OR upper(status) = 'ACTIVE')");
      return db.prepare(`SELECT sku FROM inventory_items_1 WHERE ${conds.join(' AND ')} ORDER BY sku COLLATE NOCASE, id`).pluck().all() as string[];
    };
    for (const over of combos) {
      const r = (await search.search(filters(over)));
      expect(r.total, JSON.stringify(over)).toBe(bySql(over).length);
      expect(r.items.map((i) => i.sku)).toEqual(bySql(over));
      for (const query of ['c', 'black']) {
        const words = (await search.search(filters({ ...over, query, sort: 'relevance' })));
        const walked = (await walking.search(filters({ ...over, query, sort: 'name' })));
        expect(words.total, `${query} ${JSON.stringify(over)}`).toBe(walked.items.length);
        expect(words.items.map((i) => i.sku).sort()).toEqual(walked.items.map((i) => i.sku).sort());
      }
    }
  });

  it('are read again when the copy changes, and so are the sort orders', async () => {
    const inStock = async () => (await search.search(filters({ inStockOnly: true, category: 'SHOES' }))).total;
    expect(await inStock()).toBe(0);
    db.prepare("UPDATE inventory_items_1 SET quantity = 2 WHERE sku = 'B00T5A'").run();
    db.prepare('UPDATE inventory_state SET data_version = data_version + 1').run();
    expect(await inStock()).toBe(1);
    db.prepare("UPDATE inventory_items_1 SET quantity = 0 WHERE sku = 'B00T5A'").run();
    db.prepare('UPDATE inventory_state SET data_version = data_version + 1').run();
    expect(await inStock()).toBe(0);
    // Sort orders too: the cheaper black item becomes the dearer one.
    const byPrice = async () => (await skus({ query: 'black', sort: 'price-desc' }));
    expect(await byPrice()).toEqual(['ZZ-900', 'K9L28Q']);
    db.prepare("UPDATE inventory_items_1 SET current_price_cents = 99000 WHERE sku = 'K9L28Q'").run();
    db.prepare('UPDATE inventory_state SET data_version = data_version + 1').run();
    expect(await byPrice()).toEqual(['K9L28Q', 'ZZ-900']);
    db.prepare("UPDATE inventory_items_1 SET current_price_cents = 990 WHERE sku = 'K9L28Q'").run();
    db.prepare('UPDATE inventory_state SET data_version = data_version + 1').run();
  });
});

describe('totals past the cap whatever the plan', () => {
  it('a match sorted once found is still counted only up to the cap', async () => {
    const s = new InventorySearch(db, () => 'http://img.test', { countCap: 1, narrow: 0, sortable: 100 });
    expect(await s.search(filters({ query: 'black', sort: 'price-desc' }))).toMatchObject({ total: 1, totalExact: false });
    expect((await s.search(filters({ query: 'black', sort: 'price-desc' }))).items.map((i) => i.sku)).toEqual(['ZZ-900', 'K9L28Q']);
    expect(await s.search(filters({ stock: 'consignment', sort: 'price-desc' }))).toMatchObject({ total: 2, totalExact: true });
    expect((await s.search(filters({ stock: 'consignment', sort: 'price-desc' }))).items.map((i) => i.sku)).toEqual(['ZZ-900', 'K9L28Q']);
  });
});

describe('filtered matches', () => {
  it('are read once, up to one past the cap, where no more may be read: totals and pages as when every match is read and tested', async () => {
    // Every match of "c" in the index's order, and those passing each filter.
    const matches = db.prepare(`SELECT rowid FROM inventory_fts_1 WHERE inventory_fts_1 MATCH '"c"*' ORDER BY rowid`).pluck().all() as number[];
    const passing = (sql: string) => new Set(db.prepare(`SELECT id FROM inventory_items_1 WHERE ${sql}`).pluck().all() as number[]);
    const cases: [Partial<SearchFilters>, Set<number>][] = [
      [{ inStockOnly: true }, passing('quantity > 0')],
      [{ activeOnly: true }, passing("(status IS NULL OR upper(status) = 'ACTIVE')")],
      [{ stock: 'store' }, passing('coalesce(consignment, 0) = 0')],
    ];
    expect(matches.length).toBeGreaterThanOrEqual(3);
    for (const countCap of [1, 2]) {
      const s = new InventorySearch(db, () => 'http://img.test', { countCap, narrow: 0, sortable: 100 });
      for (const [over, pass] of cases) {
        // As reading every match up to the cap + 1 and testing each would count them.
        const read = matches.slice(0, countCap + 1).filter((id) => pass.has(id));
        const expected = { total: Math.min(read.length, countCap), totalExact: matches.length <= countCap && read.length <= countCap };
        const all = matches.filter((id) => pass.has(id));
        const page = await s.search({ ...filters({ ...over, query: 'c', sort: 'relevance' }), limit: 2 });
        expect(page, `${countCap} ${JSON.stringify(over)}`).toMatchObject(expected);
        const skusOf = (ids: number[]) => ids.map((id) => db.prepare('SELECT sku FROM inventory_items_1 WHERE id = ?').pluck().get(id));
        expect(page.items.map((i) => i.sku)).toEqual(skusOf(all.slice(0, 2)));
      }
    }
  });
});
