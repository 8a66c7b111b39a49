import type { SkuLookup } from '../../shared/inventory/contract';
import type { ItemDetail, ItemRow, SearchFilters, SearchResult, SearchSort } from '../../shared/inventory/schemas';
import type { Db } from '../core/store/database';
import { imageSet, imageUrl } from '../simpleconsign/inventory-images';
import { taxableFlag } from '../simpleconsign/inventory-taxable';

type Row = Record<string, string | number | null>;

/** Relevance weights per FTS column (sku, name, description, brand, category, color, size, consignor). */
const BM25 = 'bm25(inventory_fts, 10.0, 5.0, 1.0, 3.0, 2.0, 1.5, 1.0, 4.0)';

/** Each order follows an index on (gen, column), ties broken by row id in the index's own direction. */
const orders: Record<Exclude<SearchSort, 'relevance'>, string> = {
  name: 'i.name COLLATE NOCASE, i.id',
  sku: 'i.sku COLLATE NOCASE, i.id',
  'price-asc': 'i.current_price_cents, i.id',
  'price-desc': 'i.current_price_cents DESC, i.id DESC',
  quantity: 'i.quantity DESC, i.id DESC',
  newest: 'i.date_created DESC, i.id DESC',
  updated: 'i.last_updated DESC, i.id DESC',
};

/**
 * What a person types → an FTS5 query: each word (letters and digits) becomes a quoted prefix term,
 * all of them required, so punctuation and FTS syntax in the input can never break the query.
 */
export function ftsQuery(text: string): string | null {
  const words = Array.from(text.matchAll(/[\p{L}\p{N}]+/gu), (m) => m[0]).slice(0, 12);
  return words.length === 0 ? null : words.map((w) => `"${w}"*`).join(' ');
}

const bool = (v: string | number | null) => (v === null ? null : v === 1);
const text = (v: string | number | null) => (v === null ? null : String(v));
const num = (v: string | number | null) => (v === null ? null : Number(v));

function entries(jsonText: string | number | null): { key: string; value: string }[] {
  const obj = JSON.parse(String(jsonText ?? '{}')) as Record<string, unknown>;
  return Object.entries(obj).map(([key, value]) => ({ key, value: typeof value === 'string' ? value : JSON.stringify(value) }));
}

/** Reads of the local copy: searches, one item, the SKU lookup for the sale screen, category counts. */
export class InventorySearch {
  private countCache = new Map<string, number>();
  private cacheVersion = -1;

  constructor(
    private readonly db: Db,
    /** Where item pictures come from for the copy being read. */
    private readonly imageBase: () => string,
  ) {}

  private current(): { gen: number; dataVersion: number } {
    const r = this.db.prepare('SELECT gen, data_version FROM inventory_state WHERE id = 1').get() as { gen: number; data_version: number };
    if (r.data_version !== this.cacheVersion) {
      this.countCache.clear();
      this.cacheVersion = r.data_version;
    }
    return { gen: r.gen, dataVersion: r.data_version };
  }

  private where(f: SearchFilters, gen: number): { from: string; sql: string; params: unknown[]; match: boolean } {
    const conds = ['i.gen = ?'];
    const params: unknown[] = [gen];
    const match = ftsQuery(f.query);
    let from = 'inventory_items i';
    if (match) {
      // CROSS JOIN keeps the full-text match as the outer loop: walking a sort index and testing
      // each row against the match is far slower when the match is small.
      from = 'inventory_fts CROSS JOIN inventory_items i ON i.id = inventory_fts.rowid';
      conds.unshift('inventory_fts MATCH ?');
      params.unshift(match);
    }
    if (f.category) {
      conds.push('i.category = ?');
      params.push(f.category);
    }
    if (f.stock === 'consignment') conds.push('i.consignment = 1');
    if (f.stock === 'store') conds.push('coalesce(i.consignment, 0) = 0');
    if (f.ecommerceOnly) conds.push('i.ecommerce = 1');
    if (f.inStockOnly) conds.push('i.quantity > 0');
    if (f.activeOnly) conds.push("(i.status IS NULL OR upper(i.status) = 'ACTIVE')");
    return { from, sql: conds.join(' AND '), params, match: match !== null };
  }

  search(f: SearchFilters & { offset: number; limit: number }): SearchResult {
    const { gen, dataVersion } = this.current();
    const w = this.where(f, gen);
    const order = f.sort === 'relevance' ? (w.match ? BM25 : orders.name) : orders[f.sort];
    const rows = this.db
      .prepare(`SELECT i.* FROM ${w.from} WHERE ${w.sql} ORDER BY ${order} LIMIT ? OFFSET ?`)
      .all(...w.params, f.limit, f.offset) as Row[];
    const key = JSON.stringify([w.sql, w.params]);
    let total = this.countCache.get(key);
    if (total === undefined) {
      total = this.db.prepare(`SELECT count(*) FROM ${w.from} WHERE ${w.sql}`).pluck().get(...w.params) as number;
      if (this.countCache.size > 200) this.countCache.clear();
      this.countCache.set(key, total);
    }
    const base = this.imageBase();
    return { total, offset: f.offset, dataVersion, items: rows.map((r) => this.toRow(r, base)) };
  }

  private find(sku: string): Row | undefined {
    const { gen } = this.current();
    return this.db
      .prepare('SELECT * FROM inventory_items WHERE gen = ? AND sku = ? COLLATE NOCASE ORDER BY sku = ? DESC LIMIT 1')
      .get(gen, sku.trim(), sku.trim()) as Row | undefined;
  }

  private toRow(r: Row, base: string): ItemRow {
    const images = JSON.parse(String(r.images)) as string[];
    return {
      sku: String(r.sku),
      name: text(r.name),
      category: text(r.category),
      brand: text(r.brand),
      size: text(r.size),
      color: text(r.color),
      quantity: num(r.quantity),
      currentPriceCents: num(r.current_price_cents),
      consignment: bool(r.consignment),
      consignorId: text(r.consignor_id),
      status: text(r.status),
      ecommerce: bool(r.ecommerce),
      thumbnailUrl: images.length > 0 ? imageUrl(base, images[0], 'thumbnail') : null,
    };
  }

  getItem(sku: string): ItemDetail | null {
    const r = this.find(sku);
    if (!r) return null;
    const base = this.imageBase();
    const images = JSON.parse(String(r.images)) as string[];
    return {
      ...this.toRow(r, base),
      description: text(r.description),
      familyGroup: text(r.family_group),
      state: text(r.state),
      startDate: text(r.start_date),
      expireDate: text(r.expire_date),
      costCents: num(r.cost_cents),
      retailCents: num(r.retail_cents),
      buyersFeeCents: num(r.buyers_fee_cents),
      discount: num(r.discount),
      doNotDiscount: bool(r.do_not_discount),
      dateCreated: num(r.date_created),
      lastUpdated: num(r.last_updated),
      images: images.map((name) => imageSet(base, name)),
      extra: entries(r.extra),
      unreadable: entries(r.unreadable),
    };
  }

  /** The sale screen's lookup. An item the copy holds no price for is not offered: selling it at $0 would be worse. */
  lookupSku(sku: string): SkuLookup | null {
    const r = this.find(sku);
    const price = r ? (r.current_price_cents ?? r.retail_cents) : null;
    if (!r || price === null) return null;
    const images = JSON.parse(String(r.images)) as string[];
    return {
      sku: String(r.sku),
      name: text(r.name) ?? text(r.description) ?? String(r.sku),
      currentPriceCents: Number(price),
      quantity: num(r.quantity) ?? 0,
      thumbnailUrl: images.length > 0 ? imageUrl(this.imageBase(), images[0], 'thumbnail') : null,
      taxable: taxableFlag(JSON.parse(String(r.extra ?? '{}')) as Record<string, unknown>),
      consignment: bool(r.consignment),
      status: text(r.status),
      expireDate: text(r.expire_date),
    };
  }

  categories(): { name: string; count: number }[] {
    const { gen } = this.current();
    return this.db
      .prepare('SELECT category AS name, count(*) AS count FROM inventory_items WHERE gen = ? AND category IS NOT NULL GROUP BY category ORDER BY category')
      .all(gen) as { name: string; count: number }[];
  }
}
