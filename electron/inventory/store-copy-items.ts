import type { Db } from '../core/store/database';
import { itemsTable, slotOf } from './slot-schema';
import type { Row } from './item-rows';

/**
 * A stored row of the copy as SimpleConsign sent it: the documented fields under their names in the
 * document, the fields it does not list as sent, and documented fields that could not be read as
 * sent, so that reading the item again (readItem) gives back the same record. This is what the
 * store server keeps, and what the other workstations read into their copy like an answer.
 */
export function rowToItem(r: Row): Record<string, unknown> {
  const bool = (v: string | number | null) => (v === null ? null : v === 1);
  const documented: Record<string, unknown> = {
    sku: r.sku, name: r.name, description: r.description, category: r.category, brand: r.brand, size: r.size, color: r.color,
    familyGroup: r.family_group, consignmentItem: bool(r.consignment), consignorId: r.consignor_id, startDate: r.start_date, expireDate: r.expire_date,
    status: r.status, state: r.state, ecommerceItem: bool(r.ecommerce), quantity: r.quantity, cost: r.cost_cents, retail: r.retail_cents,
    buyersFee: r.buyers_fee_cents, currentPrice: r.current_price_cents, discount: r.discount, doNotDiscount: bool(r.do_not_discount),
    images: JSON.parse(String(r.images ?? '[]')) as unknown, dateCreated: r.date_created, lastUpdated: r.last_updated,
  };
  const item: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(documented)) if (value !== null) item[key] = value;
  return { ...item, ...(JSON.parse(String(r.extra ?? '{}')) as object), ...(JSON.parse(String(r.unreadable ?? '{}')) as object) };
}

/** An item gone from the copy: read like an answer's inactive item, it removes the SKU from a copy. */
export const goneItem = (sku: string): Record<string, unknown> => ({ sku, state: 'I' });

/** The rows of the copy searches read now, a page at a time in row order. */
export function* currentRows(db: Db, pageSize = 5_000): Generator<Row[]> {
  const gen = db.prepare('SELECT gen FROM inventory_state WHERE id = 1').pluck().get() as number;
  const page = db.prepare(`SELECT * FROM ${itemsTable(slotOf(gen))} WHERE id > ? ORDER BY id LIMIT ?`);
  for (let after = 0; ; ) {
    const rows = page.all(after, pageSize) as Row[];
    if (rows.length === 0) return;
    yield rows;
    after = Number(rows[rows.length - 1].id);
  }
}

/** The current rows of the given SKUs (any case), keyed by lower-case SKU. */
export function rowsOfSkus(db: Db, skus: string[]): Map<string, Row> {
  const gen = db.prepare('SELECT gen FROM inventory_state WHERE id = 1').pluck().get() as number;
  const find = db.prepare(`SELECT * FROM ${itemsTable(slotOf(gen))} WHERE lower(sku) IN (SELECT value FROM json_each(?))`);
  const out = new Map<string, Row>();
  for (let i = 0; i < skus.length; i += 5_000) {
    for (const row of find.all(JSON.stringify(skus.slice(i, i + 5_000).map((s) => s.toLowerCase()))) as Row[]) out.set(String(row.sku).toLowerCase(), row);
  }
  return out;
}
