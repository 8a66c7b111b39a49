import type { SkuLookup } from '../../shared/inventory/contract';
import type { ItemDetail, SearchResult } from '../../shared/inventory/schemas';
import type Database from 'better-sqlite3';
import type { Db } from '../core/store/database';
import { hasFilters } from './filter-flags';
import { listColumns, toItemDetail, toItemRow, toSkuLookup, type Row } from './item-rows';
import { SearchPlanner, type Found, type Page, type SearchLimits } from './search-plan';
import { ftsQuery, matchExpression, parseQuery, type ParsedQuery } from './search-query';
import type { FactsChange } from './facts-patch';
import { SearchFactsStore, type Changing, type SearchFacts } from './search-facts';
import { itemsTable, slotOf, type Slot } from './slot-schema';
import { TypoFixer } from './typo-fix';

/** Totals are counted exactly up to this many matches of the words and shown as "10,000+" beyond. */
export const COUNT_CAP = 10_000;
/** Matches up to this many are ranked by relevance; broader ones follow the full-text index's order. */
export const NARROW = 1_000;

export type { SearchLimits };
export { ftsQuery };

interface Copy {
  slot: Slot;
  dataVersion: number;
  itemCount: number;
}

/**
 * Reads of the local copy: searches, one item, the SKU lookup for the sale screen, category counts.
 * One reader lives as long as the app; what it keeps between calls is prepared statements and, for
 * one data version of the copy, its filter flags and sort orders (search-facts.ts) and the ranges of
 * its vocabulary read for near spellings (typo-fix.ts): never a previous answer.
 */
export class InventorySearch {
  private readonly state;
  private readonly planner: SearchPlanner;
  private readonly statements = new Map<string, Database.Statement>();
  private typos: TypoFixer | null = null;

  constructor(
    private readonly db: Db,
    /** Where item pictures come from for the copy being read. */
    private readonly imageBase: () => string,
    limits: SearchLimits = { countCap: COUNT_CAP, narrow: NARROW },
    /** The filter flags and sort orders of the copy's current version. */
    readonly facts: SearchFactsStore = new SearchFactsStore(db),
  ) {
    this.state = db.prepare('SELECT gen, data_version, item_count FROM inventory_state WHERE id = 1');
    this.planner = new SearchPlanner(db, limits);
  }

  private current(): Copy {
    const r = this.state.get() as { gen: number; data_version: number; item_count: number };
    return { slot: slotOf(r.gen), dataVersion: r.data_version, itemCount: r.item_count };
  }

  private stmt(sql: string): Database.Statement {
    let s = this.statements.get(sql);
    if (!s) this.statements.set(sql, (s = this.db.prepare(sql)));
    return s;
  }

  /** Words ranked by relevance with no filters read no facts; everything else does. */
  private async factsFor(copy: Copy, q: ParsedQuery, f: Page): Promise<SearchFacts | null> {
    if (matchExpression(q) !== null && f.sort === 'relevance' && !hasFilters(f)) return null;
    return this.facts.of(copy.slot, copy.dataVersion);
  }

  private async find(copy: Copy, q: ParsedQuery, f: Page): Promise<Found> {
    const facts = await this.factsFor(copy, q, f);
    const need = () => {
      if (!facts) throw new Error('a search planned without facts asked for them');
      return facts;
    };
    return this.planner.find({ slot: copy.slot, q, f, itemCount: copy.itemCount, flags: () => need().flags, ranks: () => need().ranks });
  }

  /** A page's rows, read as one JSON value (building a JavaScript object per row costs more than the read). */
  private rows(slot: Slot, ids: number[]): Row[] {
    if (ids.length === 0) return [];
    const sql = `SELECT json_group_array(json_array(${listColumns.join(', ')})) FROM ${itemsTable(slot)} WHERE id IN (SELECT value FROM json_each(?))`;
    const read = JSON.parse(this.stmt(sql).pluck().get(JSON.stringify(ids)) as string) as (string | number | null)[][];
    const byId = new Map<unknown, Row>();
    for (const values of read) {
      const row: Row = {};
      listColumns.forEach((c, i) => (row[c] = values[i]));
      byId.set(values[0], row);
    }
    return ids.map((id) => byId.get(id)).filter((r): r is Row => r !== undefined);
  }

  async search(f: Page): Promise<SearchResult> {
    const copy = this.current();
    const typed = parseQuery(f.query);
    let found = await this.find(copy, typed, f);
    let correctedQuery: string | null = null;
    if (found.total === 0 && typed.words.length > 0) {
      this.typos ??= new TypoFixer(this.db);
      const fixed = this.typos.fix(copy.slot, copy.dataVersion, typed);
      const again = fixed && (await this.find(copy, fixed, f));
      if (fixed && again && again.total > 0) {
        found = again;
        correctedQuery = [...fixed.words, ...(fixed.consignor ? [`consignor ${fixed.consignor}`] : [])].join(' ');
      }
    }
    const base = this.imageBase();
    const items = this.rows(copy.slot, found.ids).map((r) => toItemRow(r, base));
    return { total: found.total, totalExact: found.exact, correctedQuery, offset: f.offset, dataVersion: copy.dataVersion, items };
  }

  private findSku(sku: string): Row | undefined {
    const { slot } = this.current();
    return this.stmt(`SELECT * FROM ${itemsTable(slot)} WHERE sku = ? COLLATE NOCASE ORDER BY sku = ? DESC LIMIT 1`).get(sku.trim(), sku.trim()) as Row | undefined;
  }

  getItem(sku: string): ItemDetail | null {
    const r = this.findSku(sku);
    return r ? toItemDetail(r, this.imageBase()) : null;
  }

  lookupSku(sku: string): SkuLookup | null {
    const r = this.findSku(sku);
    return r ? toSkuLookup(r, this.imageBase) : null;
  }

  /** Categories of the copy with their item counts, by name. */
  async categories(): Promise<{ name: string; count: number }[]> {
    const copy = this.current();
    return (await this.facts.of(copy.slot, copy.dataVersion)).flags.categoryCounts();
  }

  /**
   * Starts reading the current version's facts, ahead of the first search that needs them. Settles
   * (never fails) once they are at hand or could not be had.
   */
  prepare(): Promise<void> {
    const copy = this.current();
    return this.facts.prepare(copy.slot, copy.dataVersion);
  }

  /** In the transaction of a change set applied in place, once it has moved the data version: see SearchFactsStore.changing. */
  changing(change: FactsChange): Changing {
    const copy = this.current();
    return this.facts.changing(copy.slot, copy.dataVersion, change);
  }
}
