import type { SearchFilters } from '../shared/inventory/schemas';

export type BenchQuery = { label: string; f: Partial<SearchFilters> & { offset?: number }; prefix?: boolean };

/** The fixed query set: browsing, common and rare words, filters, typing a word letter by letter, a typo. */
export function benchQueries(sample: { sku: string; consignorId: string }): BenchQuery[] {
  return [
    { label: 'browse by name, first page', f: { sort: 'name' } },
    { label: 'browse by price, page at row 50,000', f: { sort: 'price-desc', offset: 50_000 } },
    { label: '"black"', f: { query: 'black' } },
    { label: '"vintage cardigan"', f: { query: 'vintage cardigan' } },
    { label: '"nike" in stock, by price', f: { query: 'nike', inStockOnly: true, sort: 'price-asc' } },
    { label: 'SKU prefix', f: { query: sample.sku.slice(0, 4) } },
    { label: 'consignor id', f: { query: sample.consignorId } },
    { label: '"Consignor <id>" as the table shows it', f: { query: `Consignor ${sample.consignorId}` } },
    { label: '"leather" in CLOTHING, consignment', f: { query: 'leather', category: 'CLOTHING', stock: 'consignment' } },
    { label: '"s" (matches most items)', f: { query: 's' } },
    { label: '"s" in stock, by price', f: { query: 's', inStockOnly: true, sort: 'price-asc' } },
    { label: 'e-commerce, status active, recently changed', f: { ecommerceOnly: true, activeOnly: true, sort: 'updated' } },
    { label: 'typing "b"', f: { query: 'b' } },
    { label: 'typing "bl"', f: { query: 'bl' } },
    { label: 'typing "bla"', f: { query: 'bla' } },
    { label: 'typing "blaz"', f: { query: 'blaz' } },
    { label: 'a typo: "blazr"', f: { query: 'blazr' } },
  ];
}

/** Three letters and more, as a person types a word: each a prefix of words of the store (and a filter or a sort now and then). */
export function prefixQueries(): BenchQuery[] {
  const typed = ['car', 'card', 'cardi', 'leat', 'leath', 'swe', 'swea', 'jea', 'jack', 'boo', 'snea', 'nec', 'pat', 'pata', 'mad', 'eil', 'bro', 'gre', 'vint', 'wool'];
  return typed.map((w, i) => ({
    label: `prefix "${w}"${i % 4 === 1 ? ' in stock' : i % 4 === 3 ? ' by price' : ''}`,
    f: { query: w, ...(i % 4 === 1 ? { inStockOnly: true } : {}), ...(i % 4 === 3 ? { sort: 'price-asc' as const } : {}) },
    prefix: true,
  }));
}

export const baseFilters: SearchFilters & { offset: number; limit: number } = {
  query: '', category: null, stock: 'all', ecommerceOnly: false, inStockOnly: false, activeOnly: false, sort: 'relevance', offset: 0, limit: 100,
};
