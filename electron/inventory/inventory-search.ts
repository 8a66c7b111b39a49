import type { SkuLookup } from '../../shared/inventory/contract';
import type { ItemDetail, ItemRow, SearchFilters, SearchResult, SearchSort } from '../../shared/inventory/schemas';
import type Database from 'better-sqlite3';
import type { Db } from '../core/store/database';
import { imageSet, imageUrl } from '../simpleconsign/inventory-images';
import { taxableFlag } from '../simpleconsign/inventory-taxable';
import { ftsQuery, matchExpression, parseQuery, rowMatcher, type ParsedQuery } from './search-query';
import { ftsColumns, ftsTable, itemsTable, slotOf, type Slot } from './slot-schema';
import { TypoFixer } from './typo-fix';

type Row = Record<string, string | number | null>;

/** Relevance weights per FTS column (sku, name, description, brand, category, color, size, consignor). */
const bm25 = (fts: string) => `bm25(${fts}, 10.0, 5.0, 1.0, 3.0, 2.0, 1.5, 1.0, 4.0)`;

/** Each order follows an index on its column, ties broken by row id in the index's own direction. */
const orders: Record<Exclude<SearchSort, 'relevance'>, string> = {
  name: 'i.name COLLATE NOCASE, i.id',
  sku: 'i.sku COLLATE NOCASE, i.id',
  'price-asc': 'i.current_price_cents, i.id',
  'price-desc': 'i.current_price_cents DESC, i.id DESC',
  quantity: 'i.quantity DESC, i.id DESC',
  newest: 'i.date_created DESC, i.id DESC',
  updated: 'i.last_updated DESC, i.id DESC',
};

/** Totals are counted exactly up to this many and shown as "10,000+" beyond. */
export const COUNT_CAP = 10_000;
/** Matches up to this many are ranked by relevance; broader ones follow the full-text index's order. */
export const NARROW = 1_000;
/** Matches or filtered rows up to this many are sorted once found; more walk the order's index. */
export const SORTABLE = 20_000;

export interface SearchLimits {
  /** Exact totals up to this many. */
  countCap: number;
  /** Relevance ranking for matches up to this many. */
  narrow: number;
  /** Sorting found rows, rather than walking the order's index, up to this many. */
  sortable: number;
}

export { ftsQuery };

const bool = (v: string | number | null) => (v === null ? null : v === 1);
const text = (v: string | number | null) => (v === null ? null : String(v));
const num = (v: string | number | null) => (v === null ? null : Number(v));

function entries(jsonText: string | number | null): { key: string; value: string }[] {
  const obj = JSON.parse(String(jsonText ?? '{}')) as Record<string, unknown>;
  return Object.entries(obj).map(([key, value]) => ({ key, value: typeof value === 'string' ? value : JSON.stringify(value) }));
}

interface Found {
  ids: number[];
  total: number;
  exact: boolean;
}

/** Reads of the local copy: searches, one item, the SKU lookup for the sale screen, category counts. */
export class InventorySearch {
  private countCache = new Map<string, number>();
  private cacheVersion = -1;
  private readonly statements = new Map<string, Database.Statement>();
  private readonly state;
  private typos: TypoFixer | null = null;

  constructor(
    private readonly db: Db,
    /** Where item pictures come from for the copy being read. */
    private readonly imageBase: () => string,
    private readonly limits: SearchLimits = { countCap: COUNT_CAP, narrow: NARROW, sortable: SORTABLE },
  ) {
    this.state = db.prepare('SELECT gen, data_version, item_count FROM inventory_state WHERE id = 1');
  }

  private current(): { slot: Slot; dataVersion: number; itemCount: number } {
    const r = this.state.get() as { gen: number; data_version: number; item_count: number };
    if (r.data_version !== this.cacheVersion) {
      this.countCache.clear();
      this.cacheVersion = r.data_version;
    }
    return { slot: slotOf(r.gen), dataVersion: r.data_version, itemCount: r.item_count };
  }

  private stmt(sql: string): Database.Statement {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      if (this.statements.size > 300) this.statements.clear();
      this.statements.set(sql, s);
    }
    return s;
  }

  private filters(f: SearchFilters): { sql: string; params: unknown[] } {
    const conds: string[] = [];
    const params: unknown[] = [];
    if (f.category) {
      conds.push('i.category = ?');
      params.push(f.category);
    }
    if (f.stock === 'consignment') conds.push('i.consignment = 1');
    if (f.stock === 'store') conds.push('coalesce(i.consignment, 0) = 0');
    if (f.ecommerceOnly) conds.push('i.ecommerce = 1');
    if (f.inStockOnly) conds.push('i.quantity > 0');
    if (f.activeOnly) conds.push("(i.status IS NULL OR upper(i.status) = 'ACTIVE')");
    return { sql: conds.join(' AND '), params };
  }

  /** Counts rows up to the cap (a count never walks more than cap + 1 rows), cached per data version. */
  private capped(sql: string, params: unknown[], cap: number): number {
    const key = JSON.stringify([sql, params, cap]);
    let n = this.countCache.get(key);
    if (n === undefined) {
      n = this.stmt(`SELECT count(*) FROM (${sql} LIMIT ${cap + 1})`).pluck().get(...params) as number;
      if (this.countCache.size > 500) this.countCache.clear();
      this.countCache.set(key, n);
    }
    return n;
  }

  /**
   * The plan, by selectivity. Filters alone: few rows are found through the filter index and
   * sorted, many walk the order's index. Words: a narrow match (at most `narrow` rows) is ranked;
   * up to `sortable` matches are found and sorted by the chosen order (walking the order's index
   * reads many rows when the matches cluster away from its start); broader ones are never ranked
   * nor counted in full: "best match" follows the full-text index's own order, other orders walk
   * their index testing each row's text.
   */
  private find(slot: Slot, q: ParsedQuery, f: SearchFilters & { offset: number; limit: number }, itemCount: number): Found {
    const { countCap, narrow, sortable } = this.limits;
    const t = itemsTable(slot);
    const fts = ftsTable(slot);
    const w = this.filters(f);
    const match = matchExpression(q);
    const page = [f.limit, f.offset];
    const order = orders[f.sort === 'relevance' ? 'name' : f.sort];
    if (match === null) {
      const walk = `SELECT i.id FROM ${t} i ${w.sql ? `WHERE ${w.sql}` : ''} ORDER BY ${order} LIMIT ? OFFSET ?`;
      if (!w.sql) return { ids: this.stmt(walk).pluck().all(...page) as number[], total: itemCount, exact: true };
      // Counting reads the filter index alone; few rows are found through it and sorted, many walk the order's index.
      const found = this.total(`SELECT 1 FROM ${t} i WHERE ${w.sql}`, w.params, countCap, []);
      const sql = found.exact && found.total <= sortable ? `SELECT i.id FROM ${t} i INDEXED BY ${t}_filters WHERE ${w.sql} ORDER BY ${order} LIMIT ? OFFSET ?` : walk;
      return { ...found, ids: this.stmt(sql).pluck().all(...w.params, ...page) as number[] };
    }
    const and = w.sql ? ` AND ${w.sql}` : '';
    const joined = `FROM ${fts} CROSS JOIN ${t} i ON i.id = ${fts}.rowid WHERE ${fts} MATCH ?${and}`;
    const params = [match, ...w.params];
    const matched = this.capped(`SELECT rowid FROM ${fts} WHERE ${fts} MATCH ?`, [match], sortable);
    const byRowid = f.sort === 'relevance' && matched > narrow;
    if (matched <= sortable || byRowid) {
      const ranked = f.sort === 'relevance' ? (byRowid ? `${fts}.rowid` : `${bm25(fts)}, i.id`) : order;
      const ids = this.stmt(`SELECT i.id ${joined} ORDER BY ${ranked} LIMIT ? OFFSET ?`).pluck().all(...params, ...page) as number[];
      if (matched <= sortable) return this.total(`SELECT 1 ${joined}`, params, countCap, ids);
      return { ...this.broadTotal(t, fts, match, w, params), ids };
    }
    return { ...this.broadTotal(t, fts, match, w, params), ids: this.walk(t, q, w, f) };
  }

  /** Only the first countCap + 1 matches are tested against the filters: past them the total says "at least". */
  private broadTotal(t: string, fts: string, match: string, w: { sql: string; params: unknown[] }, params: unknown[]): Omit<Found, 'ids'> {
    const { countCap } = this.limits;
    const matched = this.capped(`SELECT rowid FROM ${fts} WHERE ${fts} MATCH ?`, [match], countCap);
    const scanned = `SELECT 1 FROM (SELECT rowid FROM ${fts} WHERE ${fts} MATCH ? LIMIT ${countCap + 1}) m CROSS JOIN ${t} i ON i.id = m.rowid${w.sql ? ` WHERE ${w.sql}` : ''}`;
    const n = w.sql ? this.capped(scanned, params, countCap) : matched;
    return { total: Math.min(n, countCap), exact: matched <= countCap };
  }

  private total(sql: string, params: unknown[], cap: number, ids: number[]): Found {
    const n = this.capped(sql, params, cap);
    return { ids, total: Math.min(n, cap), exact: n <= cap };
  }

  /** Walks the order's index in growing batches, testing each row's text, until the page is full. */
  private walk(t: string, q: ParsedQuery, w: { sql: string; params: unknown[] }, f: SearchFilters & { offset: number; limit: number }): number[] {
    const test = rowMatcher(q);
    const stmt = this.stmt(`SELECT i.id, ${ftsColumns.map((c) => `i.${c}`).join(', ')} FROM ${t} i ${w.sql ? `WHERE ${w.sql}` : ''} ORDER BY ${orders[f.sort as Exclude<SearchSort, 'relevance'>]} LIMIT ? OFFSET ?`).raw();
    const out: number[] = [];
    let skip = f.offset;
    for (let pos = 0, batch = 500; out.length < f.limit; pos += batch, batch *= 2) {
      const rows = stmt.all(...w.params, batch, pos) as unknown[][];
      for (const r of rows) {
        if (out.length === f.limit || !test(r.slice(1))) continue;
        if (skip > 0) skip -= 1;
        else out.push(r[0] as number);
      }
      if (rows.length < batch) break;
    }
    return out;
  }

  private rows(slot: Slot, ids: number[]): Row[] {
    if (ids.length === 0) return [];
    const byId = new Map((this.stmt(`SELECT * FROM ${itemsTable(slot)} WHERE id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids)) as Row[]).map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id)).filter((r): r is Row => r !== undefined);
  }

  search(f: SearchFilters & { offset: number; limit: number }): SearchResult {
    const { slot, dataVersion, itemCount } = this.current();
    const typed = parseQuery(f.query);
    let found = this.find(slot, typed, f, itemCount);
    let correctedQuery: string | null = null;
    if (found.total === 0 && typed.words.length > 0) {
      this.typos ??= new TypoFixer(this.db);
      const fixed = this.typos.fix(slot, typed);
      const again = fixed && this.find(slot, fixed, f, itemCount);
      if (fixed && again && again.total > 0) {
        found = again;
        correctedQuery = [...fixed.words, ...(fixed.consignor ? [`consignor ${fixed.consignor}`] : [])].join(' ');
      }
    }
    const base = this.imageBase();
    return { total: found.total, totalExact: found.exact, correctedQuery, offset: f.offset, dataVersion, items: this.rows(slot, found.ids).map((r) => this.toRow(r, base)) };
  }

  private findSku(sku: string): Row | undefined {
    const { slot } = this.current();
    return this.stmt(`SELECT * FROM ${itemsTable(slot)} WHERE sku = ? COLLATE NOCASE ORDER BY sku = ? DESC LIMIT 1`).get(sku.trim(), sku.trim()) as Row | undefined;
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
    const r = this.findSku(sku);
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
    const r = this.findSku(sku);
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
    const { slot } = this.current();
    return this.stmt(`SELECT category AS name, count(*) AS count FROM ${itemsTable(slot)} WHERE category IS NOT NULL GROUP BY category ORDER BY category`).all() as { name: string; count: number }[];
  }
}
