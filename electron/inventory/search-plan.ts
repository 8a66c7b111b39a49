import type { SearchFilters } from '../../shared/inventory/schemas';
import type Database from 'better-sqlite3';
import type { Db } from '../core/store/database';
import { hasFilters, type FilterFlags } from './filter-flags';
import type { OrderRanks } from './order-ranks';
import { matchExpression, ROW_SEPARATOR, rowTextMatcher, rowTextSql, type ParsedQuery } from './search-query';
import { ftsColumns, ftsTable, INDEXED_PREFIX_LETTERS, itemsTable, type Slot } from './slot-schema';

/** Whether a word of the query is longer than the prefixes the full-text index keeps: each read of it merges the lists of every word it covers. */
const mergesLists = (q: ParsedQuery) => [...q.words, ...(q.consignor ? [q.consignor] : [])].some((w) => [...w].length > INDEXED_PREFIX_LETTERS);

/** A row's searchable text as one value, which a walk reads a batch of at once. */
const ROW_TEXT = rowTextSql(ftsColumns, 'consignor_id');

/** Relevance weights per FTS column (sku, name, description, brand, category, color, size, consignor). */
const bm25 = (fts: string) => `bm25(${fts}, 10.0, 5.0, 1.0, 3.0, 2.0, 1.5, 1.0, 4.0)`;

export interface SearchLimits {
  /** Exact totals up to this many matches of the words. */
  countCap: number;
  /** Relevance ranking for matches up to this many. */
  narrow: number;
  /** Sorting found rows, rather than walking the order, up to this many (by default every match read). */
  sortable?: number;
}

export type Page = SearchFilters & { offset: number; limit: number };

export interface Found {
  ids: number[];
  total: number;
  exact: boolean;
}

/** What one search reads: the slot, the words, the page asked for, the copy's size, its filter flags and sort orders. */
export interface PlanInput {
  slot: Slot;
  q: ParsedQuery;
  f: Page;
  itemCount: number;
  flags: () => FilterFlags;
  ranks: () => OrderRanks;
}

function filterSql(f: SearchFilters): { sql: string; params: unknown[] } {
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

/**
 * The plan of a search, by selectivity. Matches read in full are sorted by their positions in the
 * order, in memory; broader ones walk the order testing each row's text, which fills a page within
 * a few hundred rows since many rows match.
 */
export class SearchPlanner {
  private readonly statements = new Map<string, Database.Statement>();

  constructor(
    private readonly db: Db,
    private readonly limits: SearchLimits,
  ) {}

  private stmt(sql: string): Database.Statement {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      if (this.statements.size > 300) this.statements.clear();
      this.statements.set(sql, s);
    }
    return s;
  }

  find(input: PlanInput): Found {
    const match = matchExpression(input.q);
    return match === null ? this.browse(input) : this.words(input, match);
  }

  /** No words: a page of the order in memory; with filters, the order walked testing the filter flags, counted exactly. */
  private browse({ f, itemCount, flags, ranks }: PlanInput): Found {
    if (hasFilters(f)) return { ids: ranks().walk(f.sort, flags().test(f), f.offset, f.limit), total: flags().count(f), exact: true };
    return { ids: ranks().slice(f.sort, f.offset, f.limit), total: itemCount, exact: true };
  }

  /** The first `cap` row ids the words match past row id `after`, in the full-text index's order, read as one value. */
  private matchIds(fts: string, match: string, cap: number, after = 0): number[] {
    const list = this.stmt(`SELECT json_group_array(rowid) FROM (SELECT rowid FROM ${fts} WHERE ${fts} MATCH ? AND rowid > ? ORDER BY rowid LIMIT ?)`).pluck().get(match, after, cap) as string;
    return JSON.parse(list) as number[];
  }

  /** How many rows the words match, counted up to `cap` from the full-text index alone (no row id leaves it). */
  private countMatches(fts: string, match: string, cap: number): number {
    return this.stmt(`SELECT count(*) FROM (SELECT rowid FROM ${fts} WHERE ${fts} MATCH ? LIMIT ?)`).pluck().get(match, cap) as number;
  }

  /**
   * Of the first `cap` matches, those passing the filters, read on past `from` (the first matches,
   * already read) in growing runs of row ids tested in memory: reading stops once more than
   * `enough` pass, which is all a total capped at `enough` can tell (a broad match with common
   * filters passes that within its first runs). `ended`: every match was read.
   */
  private passingIds(fts: string, match: string, cap: number, enough: number, keep: (id: number) => boolean, from: number[]): { passing: number[]; ended: boolean } {
    const passing = from.filter(keep);
    for (let read = from.length, after = from.at(-1) ?? 0, run = Math.max(from.length, enough + 1); read < cap && passing.length <= enough; run *= 2) {
      const want = Math.min(run, cap - read);
      const ids = this.matchIds(fts, match, want, after);
      for (const id of ids) if (keep(id)) passing.push(id);
      if (ids.length < want) return { passing, ended: true };
      read += want;
      after = ids[want - 1];
    }
    return { passing, ended: false };
  }

  /**
   * Whether the first matches, read in the index's order (by row id), hold their share of the row
   * ids they span so that all of them number no more than `readable`: every row id up to the
   * copy's highest at that share.
   */
  private fewEnough(slot: Slot, first: number[], readable: number): boolean {
    const highest = this.stmt(`SELECT max(id) FROM ${itemsTable(slot)}`).pluck().get() as number;
    return (first.length * highest) / first[first.length - 1] <= readable;
  }

  /**
   * Words: how many match, up to what may be read, and the page. Where row ids are used (filters,
   * another order, a word that merges the lists of the many words it covers on each read) they are
   * read once, as one value, their number being the count; otherwise the matches are counted from
   * the full-text index alone. Past the cap the total says "at least".
   */
  private words(input: PlanInput, match: string): Found {
    return input.f.sort === 'relevance' ? this.byRelevance(input, match) : this.inOrder(input, match);
  }

  /**
   * Best match first: a narrow match ranked by BM25, a broad one in the index's order. With
   * filters, the row ids of the matches are tested against the filter flags in memory.
   */
  private byRelevance(input: PlanInput, match: string): Found {
    const { slot, f, q } = input;
    const { countCap } = this.limits;
    const fts = ftsTable(slot);
    const filtered = hasFilters(f);
    const ids = filtered || mergesLists(q) ? this.matchIds(fts, match, countCap + 1) : null;
    const count = ids?.length ?? this.countMatches(fts, match, countCap + 1);
    const all = count <= countCap;
    const passing = ids && filtered ? ids.filter(input.flags().test(f)) : ids;
    const n = passing?.length ?? count;
    return { total: Math.min(n, countCap), exact: all && n <= countCap, ids: this.relevance(input, match, count, passing, all) };
  }

  /**
   * Another order sorts every match it can read: up to a twentieth of the copy, past which a walk
   * of the order fills a page within twenty times its length (matches bunched at the far end of
   * the order, like one brand's dearest items, would otherwise make the walk read most rows). The
   * first matches are read up to one past the cap; only where their share of the row ids they span
   * says that all of them are readable are the rest read, so a word matching most rows is neither
   * counted nor read far past the cap before its walk.
   */
  private inOrder(input: PlanInput, match: string): Found {
    const { slot, f, itemCount } = input;
    const { countCap } = this.limits;
    const fts = ftsTable(slot);
    const readable = Math.max(countCap, Math.floor(itemCount / 20));
    let ids = this.matchIds(fts, match, countCap + 1);
    let all = ids.length <= countCap;
    if (!all && readable > countCap && this.fewEnough(slot, ids, readable)) {
      ids = ids.concat(this.matchIds(fts, match, readable + 1 - ids.length, ids[ids.length - 1]));
      all = ids.length <= readable;
    }
    const keep = hasFilters(f) ? input.flags().test(f) : null;
    let passing: number[] | null = all ? ids : null;
    if (keep && all) passing = ids.filter(keep);
    else if (keep) ({ passing, ended: all } = this.passingIds(fts, match, readable + 1, countCap, keep, ids));
    const n = passing?.length ?? ids.length;
    const found = { total: Math.min(n, countCap), exact: all && n <= countCap };
    if (all && passing && n <= (this.limits.sortable ?? readable)) return { ...found, ids: input.ranks().page(f.sort, passing, f.offset, f.limit) };
    return { ...found, ids: this.walk(input) };
  }

  /** Best match: BM25 for a narrow match, else the full-text index's order (the filters' survivors when read). */
  private relevance({ slot, f, flags }: PlanInput, match: string, count: number, passing: number[] | null, all: boolean): number[] {
    const fts = ftsTable(slot);
    const page = (ids: number[]) => ids.slice(f.offset, f.offset + f.limit);
    if (all && count <= this.limits.narrow) {
      const ranked = this.stmt(`SELECT rowid FROM ${fts} WHERE ${fts} MATCH ? ORDER BY ${bm25(fts)}, rowid`).pluck().all(match) as number[];
      return page(hasFilters(f) ? ranked.filter(flags().test(f)) : ranked);
    }
    if (passing && (all || f.offset + f.limit <= passing.length)) return page(passing);
    // Past the matches read for the total, or no filters: the index's order, filters tested on the rows.
    const w = filterSql(f);
    const sql = w.sql
      ? `SELECT i.id FROM ${fts} CROSS JOIN ${itemsTable(slot)} i ON i.id = ${fts}.rowid WHERE ${fts} MATCH ? AND ${w.sql} ORDER BY ${fts}.rowid LIMIT ? OFFSET ?`
      : `SELECT rowid FROM ${fts} WHERE ${fts} MATCH ? ORDER BY rowid LIMIT ? OFFSET ?`;
    return this.stmt(sql).pluck().all(match, ...w.params, f.limit, f.offset) as number[];
  }

  /**
   * Walks the order in memory, rows failing the filter flags skipped there; the others' text is
   * read in batches (one value per batch: their ids, and their texts joined) and tested until the
   * page is full. The first batch is twice the rows the page needs; the next ones what it still
   * needs at the share of rows matching so far, with a margin: reading a row costs more than
   * anything else here. (The count of the words is capped, so it tells only that at least so many match.)
   */
  private walk({ slot, q, f, flags, ranks }: PlanInput): number[] {
    const test = rowTextMatcher(q);
    const keep = hasFilters(f) ? flags().test(f) : () => true;
    const order = ranks();
    const at = order.positions(f.sort);
    const read = this.stmt(`SELECT json_group_array(id), group_concat(${ROW_TEXT}, char(30)) FROM ${itemsTable(slot)} WHERE id IN (SELECT value FROM json_each(?))`).raw();
    const out: number[] = [];
    const wanted = f.offset + f.limit;
    let skip = f.offset;
    let tested = 0;
    let matched = 0;
    for (let pos = 0, batch = 0; out.length < f.limit && pos < order.size; ) {
      // None matching yet: twice the last batch (matches bunched further on). At most 20,000 at once.
      if (tested === 0) batch = 2 * wanted;
      else batch = Math.min(20_000, matched > 0 ? Math.ceil((1.25 * (wanted - matched) * tested) / matched) + 16 : 2 * batch);
      const ids: number[] = [];
      for (; ids.length < batch && pos < order.size; pos++) {
        const id = at(pos);
        if (keep(id)) ids.push(id);
      }
      const [found, texts] = read.get(JSON.stringify(ids)) as [string, string | null];
      const rowTexts = texts?.split(ROW_SEPARATOR) ?? [];
      const hits = new Set((JSON.parse(found) as number[]).filter((_, i) => test(rowTexts[i])));
      tested += ids.length;
      for (const id of ids) {
        if (!hits.has(id)) continue;
        matched += 1;
        if (out.length === f.limit) continue;
        if (skip > 0) skip -= 1;
        else out.push(id);
      }
    }
    return out;
  }
}
