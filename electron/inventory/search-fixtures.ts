import type { SearchFilters } from '../../shared/inventory/schemas';
import type { Db } from '../core/store/database';
import type { InventoryRecord } from '../simpleconsign/inventory-response';
import { InventoryRepo } from './inventory-repo';
import { tempDb } from './test-harness';

/** An item as SimpleConsign describes it: active, one in stock at $10.00, `over` set. What the search tests share follows. */
export function item(sku: string, over: Partial<InventoryRecord> = {}): InventoryRecord {
  return {
    sku, name: null, description: null, category: null, brand: null, size: null, color: null, familyGroup: null, consignment: false, consignorId: null,
    startDate: null, expireDate: null, status: 'ACTIVE', state: 'A', ecommerce: false, quantity: 1, costCents: null, retailCents: null, buyersFeeCents: null,
    currentPriceCents: 1000, discount: null, doNotDiscount: null, images: [], dateCreated: null, lastUpdated: null, extra: {}, unreadable: {}, ...over,
  };
}

/** A copy of these records in generation 1, the one searches read (and `abandoned` in generation 2). */
export function seed(into: Db, records: InventoryRecord[], abandoned: InventoryRecord[] = []): void {
  const repo = new InventoryRepo(into);
  into.transaction(() => {
    for (const r of records) repo.upsert(1, r);
    for (const r of abandoned) repo.upsert(2, r);
    into.prepare('UPDATE inventory_state SET gen = 1, item_count = ?').run(records.length);
  })();
}

/** Runs `use` on a store of its own holding a copy of `records` (see `seed`), removed afterwards. */
export async function withCopy(records: InventoryRecord[], use: (db: Db) => Promise<void>): Promise<void> {
  const t = tempDb();
  try {
    seed(t.db, records);
    await use(t.db);
  } finally {
    t.cleanup();
  }
}

/** The screen's filters as a search receives them (by SKU, 50 rows), with `over` set. */
export const filters = (over: Partial<SearchFilters> = {}) => ({
  query: '', category: null, stock: 'all' as const, ecommerceOnly: false, inStockOnly: false, activeOnly: false, sort: 'sku' as const, offset: 0, limit: 50, ...over,
});

/**
 * Reports each call of `method` on every statement `db` prepares from now on whose SQL passes
 * `matches`, with the call's arguments: how tests count what a search reads.
 */
export function onCalls(db: Db, matches: (sql: string) => boolean, method: 'get' | 'all', seen: (args: unknown[]) => void): void {
  const prepare = db.prepare.bind(db);
  db.prepare = ((sql: string) => {
    const st = prepare(sql);
    if (!matches(sql)) return st;
    const call = st[method].bind(st) as (...a: unknown[]) => unknown;
    return Object.assign(st, { [method]: (...a: unknown[]) => (seen(a), call(...a)) });
  }) as typeof db.prepare;
}
