import type { SearchFilters } from '../../shared/inventory/schemas';
import type { Db } from '../core/store/database';
import { itemsTable, type Slot } from './slot-schema';

const PRESENT = 1;
const CONSIGNMENT = 2;
const ECOMMERCE = 4;
const IN_STOCK = 8;
const ACTIVE = 16;

/** Whether a filter asks anything of a row. */
export function hasFilters(f: SearchFilters): boolean {
  return f.category !== null || f.stock !== 'all' || f.ecommerceOnly || f.inStockOnly || f.activeOnly;
}

/**
 * The filter columns of one copy, one byte of flags and a category number per row id, read once
 * per data version from the covering filter index. Testing a full-text match against the filters
 * then costs an array read instead of a row lookup, and a count of filtered rows is one pass over
 * two typed arrays: exact, with no cap. The copy only ever changes together with its data version
 * (each load commits rows and version in one transaction), so the arrays are never stale.
 */
export class FilterFlags {
  private constructor(
    private readonly flags: Uint8Array,
    private readonly category: Uint32Array,
    private readonly categories: Map<string, number>,
  ) {}

  static read(db: Db, slot: Slot): FilterFlags {
    const t = itemsTable(slot);
    const maxId = (db.prepare(`SELECT coalesce(max(id), 0) FROM ${t}`).pluck().get() as number) + 1;
    const flags = new Uint8Array(maxId);
    const category = new Uint32Array(maxId);
    const categories = new Map<string, number>();
    // One value per category: its rows' id × 32 + flags, read from the covering filter index.
    const bits = `1 + 2 * (consignment IS 1) + 4 * (ecommerce IS 1) + 8 * ((quantity > 0) IS 1) + 16 * (status IS NULL OR status = 'ACTIVE' OR upper(status) = 'ACTIVE')`;
    const grouped = db.prepare(`SELECT category, json_group_array(id * 32 + (${bits})) FROM ${t} INDEXED BY ${t}_filters GROUP BY category`).raw().all() as [string | null, string][];
    for (const [cat, list] of grouped) {
      const code = cat === null ? 0 : categories.size + 1;
      if (cat !== null) categories.set(cat, code);
      for (const packed of JSON.parse(list) as number[]) {
        const id = Math.floor(packed / 32);
        flags[id] = packed % 32;
        category[id] = code;
      }
    }
    return new FilterFlags(flags, category, categories);
  }

  /** The flag bits a filter looks at and the values they must have; the category's number, or null for any. */
  private wanted(f: SearchFilters): { mask: number; want: number; code: number | null } {
    const mask = PRESENT | (f.stock !== 'all' ? CONSIGNMENT : 0) | (f.ecommerceOnly ? ECOMMERCE : 0) | (f.inStockOnly ? IN_STOCK : 0) | (f.activeOnly ? ACTIVE : 0);
    const want = mask & ~(f.stock === 'store' ? CONSIGNMENT : 0);
    // A category no row has: nothing passes (number 0 is "no category", never asked for by name).
    return { mask, want, code: f.category === null ? null : (this.categories.get(f.category) ?? -1) };
  }

  /** The test a row id must pass for these filters. */
  test(f: SearchFilters): (id: number) => boolean {
    const { mask, want, code } = this.wanted(f);
    const { flags, category } = this;
    if (code === null) return (id) => (flags[id] & mask) === want;
    return (id) => (flags[id] & mask) === want && category[id] === code;
  }

  /** How many rows pass the filters: one pass over the flags, no closure per row. */
  count(f: SearchFilters): number {
    const { mask, want, code } = this.wanted(f);
    const { flags, category } = this;
    let n = 0;
    for (let id = 0; id < flags.length; id++) if ((flags[id] & mask) === want && (code === null || category[id] === code)) n++;
    return n;
  }
}
