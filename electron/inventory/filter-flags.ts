import type { SearchFilters } from '../../shared/inventory/schemas';
import { CONSIGNMENT, ECOMMERCE, IN_STOCK, ACTIVE, PRESENT, type CopyFacts } from './copy-facts';

/** Whether a filter asks anything of a row. */
export function hasFilters(f: SearchFilters): boolean {
  return f.category !== null || f.stock !== 'all' || f.ecommerceOnly || f.inStockOnly || f.activeOnly;
}

/**
 * The filter columns of one copy as a byte of flags and a category number per row id (see
 * copy-facts.ts). Testing a full-text match against the filters costs an array read instead of a
 * row lookup, and a count of filtered rows is one pass over two typed arrays: exact, with no cap.
 * The copy only ever changes together with its data version, for which the arrays were built.
 */
export class FilterFlags {
  private readonly codes: Map<string, number>;

  constructor(private readonly facts: Pick<CopyFacts, 'flags' | 'category' | 'categories'>) {
    this.codes = new Map(facts.categories.map((name, i) => [name, i + 1]));
  }

  /** The flag bits a filter looks at and the values they must have; the category's number, or null for any. */
  private wanted(f: SearchFilters): { mask: number; want: number; code: number | null } {
    const mask = PRESENT | (f.stock !== 'all' ? CONSIGNMENT : 0) | (f.ecommerceOnly ? ECOMMERCE : 0) | (f.inStockOnly ? IN_STOCK : 0) | (f.activeOnly ? ACTIVE : 0);
    const want = mask & ~(f.stock === 'store' ? CONSIGNMENT : 0);
    // A category no row has: nothing passes (number 0 is "no category", never asked for by name).
    return { mask, want, code: f.category === null ? null : (this.codes.get(f.category) ?? -1) };
  }

  /** The test a row id must pass for these filters. */
  test(f: SearchFilters): (id: number) => boolean {
    const { mask, want, code } = this.wanted(f);
    const { flags, category } = this.facts;
    if (code === null) return (id) => (flags[id] & mask) === want;
    return (id) => (flags[id] & mask) === want && category[id] === code;
  }

  /** How many rows pass the filters: one pass over the flags, no closure per row. */
  count(f: SearchFilters): number {
    const { mask, want, code } = this.wanted(f);
    const { flags, category } = this.facts;
    let n = 0;
    for (let id = 0; id < flags.length; id++) if ((flags[id] & mask) === want && (code === null || category[id] === code)) n++;
    return n;
  }

  /** Rows per category, by name. */
  categoryCounts(): { name: string; count: number }[] {
    const { flags, category, categories } = this.facts;
    const counts = new Uint32Array(categories.length + 1);
    for (let id = 0; id < flags.length; id++) if (flags[id] !== 0) counts[category[id]]++;
    // A category every row of which has gone since (changes applied in place) is not shown.
    return categories.map((name, i) => ({ name, count: counts[i + 1] })).filter((c) => c.count > 0).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }
}
