import { describe, expect, it } from 'vitest';
import { InventorySearch } from './inventory-search';
import { filters, item, onCalls, withCopy } from './search-fixtures';

/** The read of rows' text that a walk of an order tests, batch by batch. */
const ROW_TEXT = 'group_concat(replace(concat_ws(';

describe('another order over a copy larger than twenty times the cap', () => {
  it('counts first and reads filtered matches in runs: totals and pages as when every match is read and tested', async () => {
    // 100 shirts, every other one in stock, dearer as they go; a twentieth of the copy (5) may be read, past a cap of 3.
    await withCopy(Array.from({ length: 100 }, (_, i) => item(`SH${String(i).padStart(3, '0')}`, { name: `Cotton shirt ${i}`, quantity: i % 2, currentPriceCents: 100 + i })), async (db) => {
      const s = new InventorySearch(db, () => 'http://img.test', { countCap: 3, narrow: 0, sortable: 100 });
      const inStock = await s.search({ ...filters({ query: 'cotton', inStockOnly: true, sort: 'price-asc' }), limit: 2 });
      // Six matches read at most (one past the five readable), three of them in stock: "at least 3".
      expect(inStock).toMatchObject({ total: 3, totalExact: false });
      expect(inStock.items.map((i) => i.sku)).toEqual(['SH001', 'SH003']);
      const all = await s.search({ ...filters({ query: 'cotton', sort: 'price-desc' }), limit: 2 });
      expect(all).toMatchObject({ total: 3, totalExact: false });
      expect(all.items.map((i) => i.sku)).toEqual(['SH099', 'SH098']);
    });
  });
});

describe('another order: the first matches read say whether to read them all', () => {
  it('reads the rest only where the first ones’ share of the row ids says all are readable; otherwise walks after the first read, counting nothing', async () => {
    // 100 items, dearer as they go: "linen" in every thirtieth (row ids 1, 31, 61, 91), "cotton" in the others.
    await withCopy(Array.from({ length: 100 }, (_, i) => item(`IT${String(i).padStart(3, '0')}`, { name: i % 30 === 0 ? `Linen shirt ${i}` : `Cotton tee ${i}`, currentPriceCents: 100 + i })), async (db) => {
      // A cap of 2 and a twentieth of the copy (5) readable.
      const s = new InventorySearch(db, () => 'http://img.test', { countCap: 2, narrow: 0 });
      const idReads: number[] = [];
      const counts: number[] = [];
      let rowBatches = 0;
      onCalls(db, (sql) => sql.includes('json_group_array(rowid)'), 'get', (a) => idReads.push(a[2] as number));
      onCalls(db, (sql) => sql.includes('SELECT count(*) FROM (SELECT rowid'), 'get', (a) => counts.push(a[1] as number));
      onCalls(db, (sql) => sql.includes(ROW_TEXT), 'get', () => (rowBatches += 1));
      const run = async (query: string, sort: 'price-asc' | 'price-desc') => {
        idReads.length = counts.length = rowBatches = 0;
        return s.search({ ...filters({ query, sort }), limit: 10 });
      };
      // The first three "linen" (row ids 1, 31, 61) hold 3 of 61 row ids: about 5 of 100, so the rest are read and sorted.
      const linen = await run('linen', 'price-desc');
      expect(linen.items.map((i) => i.sku)).toEqual(['IT090', 'IT060', 'IT030', 'IT000']);
      expect(linen).toMatchObject({ total: 2, totalExact: false });
      expect({ idReads, counts, rowBatches }).toEqual({ idReads: [3, 3], counts: [], rowBatches: 0 });
      // The first three "cotton" hold 3 of 4 row ids: far more than 5, so the order is walked after that one read.
      const cotton = await run('cotton', 'price-asc');
      expect(cotton.items.map((i) => i.sku)).toEqual(['IT001', 'IT002', 'IT003', 'IT004', 'IT005', 'IT006', 'IT007', 'IT008', 'IT009', 'IT010']);
      expect(cotton).toMatchObject({ total: 2, totalExact: false });
      expect({ idReads, counts }).toEqual({ idReads: [3], counts: [] });
      expect(rowBatches).toBeGreaterThan(0);
      // In stock only (every item is): the filtered total is read on in runs past the first read until it passes the cap.
      const inStock = await s.search({ ...filters({ query: 'cotton', sort: 'price-asc', inStockOnly: true }), limit: 3 });
      expect(inStock).toMatchObject({ total: 2, totalExact: false });
      expect(inStock.items.map((i) => i.sku)).toEqual(['IT001', 'IT002', 'IT003']);
    });
  });

  it('a word longer than the indexed prefixes is read once for its total and its page in the index’s order', async () => {
    await withCopy(Array.from({ length: 10 }, (_, i) => item(`IT${String(i).padStart(3, '0')}`, { name: `Linen shirt ${i}` })), async (db) => {
      const s = new InventorySearch(db, () => 'http://img.test', { countCap: 4, narrow: 0 });
      let reads = 0;
      const readsIndex = (sql: string) => sql.includes('FROM inventory_fts_1 WHERE inventory_fts_1 MATCH');
      onCalls(db, readsIndex, 'get', () => (reads += 1));
      onCalls(db, readsIndex, 'all', () => (reads += 1));
      const page = await s.search({ ...filters({ query: 'linen', sort: 'relevance' }), limit: 2, offset: 1 });
      expect(page).toMatchObject({ total: 4, totalExact: false });
      expect(page.items.map((i) => i.sku)).toEqual(['IT001', 'IT002']);
      expect(reads).toBe(1);
      // Three letters have an index of their own: counted, then the page read.
      reads = 0;
      expect((await s.search({ ...filters({ query: 'lin', sort: 'relevance' }), limit: 2 })).items.map((i) => i.sku)).toEqual(['IT000', 'IT001']);
      expect(reads).toBe(2);
    });
  });
});

describe('walking an order for a broad match', () => {
  it('finds the page wherever the matches sit in the order, reading rows in batches sized by how many match', async () => {
    // 2,000 items: "wool" in every tenth, and "silk" only in the 30 dearest.
    await withCopy(Array.from({ length: 2000 }, (_, i) => item(`IT${String(i).padStart(4, '0')}`, { name: i >= 1970 ? `Silk scarf ${i}` : i % 10 === 0 ? `Wool hat ${i}` : `Cotton tee ${i}`, currentPriceCents: 100 + i })), async (db) => {
      const s = new InventorySearch(db, () => 'http://img.test', { countCap: 5, narrow: 0, sortable: 0 });
      const reads: number[] = [];
      // Counts the rows each batch of the walk reads.
      onCalls(db, (sql) => sql.includes(ROW_TEXT), 'get', (a) => reads.push((JSON.parse(a[0] as string) as number[]).length));
      const page = async (query: string, sort: 'price-asc' | 'price-desc', offset: number) => {
        reads.length = 0;
        const r = await s.search({ ...filters({ query, sort }), offset, limit: 20 });
        return r.items.map((i) => Number(i.sku.slice(2)));
      };
      // Spread: a tenth match, so 20 past an offset of 20 are within the first 400 rows or so, read in one or two batches.
      expect(await page('wool', 'price-asc', 20)).toEqual(Array.from({ length: 20 }, (_, k) => 200 + 10 * k));
      expect(reads.length).toBeLessThanOrEqual(2);
      expect(reads.reduce((a, b) => a + b, 0)).toBeLessThan(1000);
      // Bunched at the far end: the batches grow until they reach them.
      expect(await page('silk', 'price-asc', 0)).toEqual(Array.from({ length: 20 }, (_, k) => 1970 + k));
      expect(reads.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(1990);
      // The same rows as sorting every match.
      const sorting = new InventorySearch(db, () => 'http://img.test', { countCap: 5, narrow: 0, sortable: 10_000 });
      for (const [query, sort] of [['silk', 'price-desc'], ['wool', 'price-desc'], ['wool hat 1', 'price-asc']] as const) {
        const f = { ...filters({ query, sort }), offset: 3, limit: 20 };
        expect((await s.search(f)).items.map((i) => i.sku), `${query} ${sort}`).toEqual((await sorting.search(f)).items.map((i) => i.sku));
      }
    });
  });
});
