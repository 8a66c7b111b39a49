import type Database from 'better-sqlite3';
import type { SyncSettings } from '../../shared/inventory/schemas';
import { readItems, ROW, type ItemRow } from '../simpleconsign/inventory-row';
import { ChunkSizer } from './chunk-sizer';
import { FactsCollector, flagsSql, sharedCopy, numericColumns, numericOrders, type CopyFacts, type FilterColumns } from './copy-facts';
import { createSlot, dropSlot, ftsColumns, ftsTable, ftsTriggers, itemColumns, itemsTable, nameIndex, skuIndex, type Slot } from './slot-schema';
import { belongsInCopy, lacksEcommerceFlag, type KeptFields } from './copy-filter';

/** What a load writes, and how it reads what it is given. */
export interface LoadSpec {
  slot: Slot;
  settings: SyncSettings;
  /** The source applied the settings' filters itself (a full load from SimpleConsign). */
  vendorFiltered: boolean;
  /** Watch the first items for the E-commerce flag, which the document does not list (a full load of every item). */
  learnFlags: boolean;
  /** The rows come as an answer's bytes (SimpleConsign's), so the answer's reader starts with the load. */
  readsAnswer?: boolean;
  /** Rows per transaction at first, and the time a transaction aims at (null: the first size throughout). */
  chunk?: { rows: number; budgetMs: number | null };
}

/** What a finished load tells the thread that commits it. */
export interface LoadOutcome {
  itemCount: number;
  /** Rows kept (before a SKU sent twice collapsed into its last entry). */
  written: number;
  /** Earlier entries of SKUs sent twice, dropped. */
  duplicates: number;
  leftOut: number;
  skipped: number;
  skipReasons: [string, number][];
  /** The newest `lastUpdated` among the items read. */
  newestStamp: number | null;
  facts: CopyFacts;
}

/**
 * Writes a new copy into a slot no search reads, on a connection of its own (a worker's): bare rows
 * in short transactions as they come, added to the full-text index a few thousand at a time, then
 * the SKU key and the name order's index in one pass each, then the search facts (flags and
 * orders). Rows may be given already read (the answer reader, a store server, tests) or as
 * SimpleConsign's raw items, which are read here.
 */
export class LoadJob {
  private readonly insert: Database.Statement;
  private readonly facts = new FactsCollector();
  private readonly chunks: ChunkSizer;
  /** Rows per statement adding written rows to the full-text index, on the same time budget. */
  private readonly indexChunks: ChunkSizer;
  private readonly index: Database.Statement;
  /** Rows written and not yet in the full-text index. */
  private readonly unindexed: number[] = [];
  private readonly table: string;
  private written = 0;
  private leftOut = 0;
  private skipped = 0;
  private readonly skipReasons = new Map<string, number>();
  private newestStamp: number | null = null;
  private watched = false;
  private flagsTable = false;

  constructor(
    private readonly db: Database.Database,
    private readonly spec: LoadSpec,
    /** Told once when the first items lack the E-commerce flag, so their list is asked for. */
    private readonly lacksFlag: () => void,
  ) {
    this.table = itemsTable(spec.slot);
    // Each transaction holds the store's write lock: a sale recorded meanwhile waits at most about this long.
    this.chunks = new ChunkSizer(spec.chunk?.rows ?? 500, spec.chunk === undefined ? 30 : spec.chunk.budgetMs, 1, 20_000);
    this.indexChunks = new ChunkSizer(2000, 30, 500, 20_000);
    // The triggers come first: a row removed later (a SKU sent twice) leaves the full-text index with it.
    db.exec(dropSlot(spec.slot) + createSlot(spec.slot) + ftsTriggers(spec.slot));
    this.insert = db.prepare(`INSERT INTO ${this.table} (${itemColumns.join(', ')}) VALUES (${itemColumns.map(() => '?').join(', ')})`);
    const fts = ftsColumns.join(', ');
    this.index = db.prepare(`INSERT INTO ${ftsTable(spec.slot)} (rowid, ${fts}) SELECT id, ${fts} FROM ${this.table} WHERE id IN (SELECT value FROM json_each(?))`);
  }

  /** Whether the load still waits for its first items to tell whether they carry the E-commerce flag. */
  get watching(): boolean {
    return this.spec.learnFlags && !this.watched;
  }

  /** Items taken in so far: written, left out or skipped. */
  get applied(): number {
    return this.written + this.leftOut + this.skipped;
  }

  /** Rows to write per transaction now: they follow a time budget, so another writer never waits long. */
  get chunkRows(): number {
    return this.chunks.rows;
  }

  /** SimpleConsign's raw items: read, filtered, written. Unusable entries are counted, not fatal. */
  addItems(raw: unknown[]): void {
    if (this.watching && raw.length > 0) this.sawFirstItems(raw.some(lacksEcommerceFlag));
    const read = readItems(raw);
    this.addRead(read.rows, read.skipped);
  }

  /** The first items have been seen: told whether they lack the E-commerce flag. */
  sawFirstItems(lacking: boolean): void {
    if (!this.watching) return;
    this.watched = true;
    if (lacking) this.lacksFlag();
  }

  /** Items read elsewhere (the answer reader): their rows, and how many could not be kept, by reason. */
  addRead(rows: ItemRow[], skipped: [string, number][]): void {
    for (const [reason, n] of skipped) {
      this.skipped += n;
      this.skipReasons.set(reason, (this.skipReasons.get(reason) ?? 0) + n);
    }
    this.addRows(rows);
  }

  /** Rows already read, in the copy's column order: those that belong are written in one transaction. */
  addRows(rows: ItemRow[]): void {
    const { settings, vendorFiltered } = this.spec;
    // An item from an "E-commerce only" answer is an E-commerce item.
    const allEcommerce = vendorFiltered && settings.includeOnlyEcommerceItems;
    this.chunks.run(rows.length, () => this.db.transaction(() => {
      for (const row of rows) {
        const stamp = row[ROW.lastUpdated] as number | null;
        if (stamp !== null && (this.newestStamp === null || stamp > this.newestStamp)) this.newestStamp = stamp;
        if (allEcommerce && row[ROW.ecommerce] === null) row[ROW.ecommerce] = 1;
        if (!belongsInCopy(keptFields(row), settings, vendorFiltered)) {
          this.leftOut += 1;
          continue;
        }
        const id = Number(this.insert.run(row).lastInsertRowid);
        this.unindexed.push(id);
        this.written += 1;
        this.facts.add(id, filterColumns(row), [row[ROW.currentPrice], row[ROW.quantity], row[ROW.dateCreated], row[ROW.lastUpdated]] as (number | null)[]);
      }
    })());
    this.indexWritten(false);
  }

  /**
   * Adds written rows to the full-text index, a chunk per transaction, while the next rows are being
   * read (by the answer reader): the index is built as the rows come rather than after the last one.
   * FTS5 writes a segment per statement and merges them as it goes; chunks of a few thousand rows
   * cost little more than one pass over every row. `all` indexes the rest too (within the caller's transaction).
   */
  private indexWritten(all: boolean): void {
    while (this.unindexed.length > 0 && (all || this.unindexed.length >= this.indexChunks.rows)) {
      const ids = this.unindexed.splice(0, this.indexChunks.rows);
      const json = JSON.stringify(ids);
      this.indexChunks.run(ids.length, () => (all ? this.index.run(json) : this.db.transaction(() => this.index.run(json))()));
    }
  }

  /** The `sku` fields of SimpleConsign's E-commerce items (an answer of those items alone), as sent, kept aside until the load is finished. */
  addFlaggedSkus(skus: unknown[]): void {
    if (!this.flagsTable) {
      this.db.exec('CREATE TEMP TABLE IF NOT EXISTS ecommerce_skus (sku TEXT PRIMARY KEY COLLATE NOCASE) WITHOUT ROWID; DELETE FROM temp.ecommerce_skus;');
      this.flagsTable = true;
    }
    const add = this.db.prepare('INSERT OR IGNORE INTO temp.ecommerce_skus (sku) VALUES (?)');
    this.db.transaction(() => {
      for (const sku of skus) {
        const text = typeof sku === 'string' || typeof sku === 'number' ? String(sku).trim() : '';
        if (text !== '') add.run(text);
      }
    })();
  }

  /**
   * Indexes the last rows for full-text search, builds the SKU key (the last entry of a SKU sent twice
   * wins) and the name order's index in one transaction that waits for the disk, then reads the search facts. The
   * log it leaves long is copied back into the file once the copy is committed (`checkpoint`).
   */
  finish(): LoadOutcome {
    const t = this.table;
    let duplicates = 0;
    this.db.pragma('synchronous = FULL');
    this.db.transaction(() => {
      this.indexWritten(true);
      if (this.flagsTable) this.setFlags();
      // Stores rarely send a SKU twice: the unique key is tried first, and only if it fails are the
      // earlier entries of a SKU removed (a pass that sorts every row).
      try {
        this.db.transaction(() => this.db.exec(skuIndex(this.spec.slot)))();
      } catch {
        const dropped = this.db
          .prepare(`DELETE FROM ${t} WHERE id IN (SELECT id FROM (SELECT id, row_number() OVER (PARTITION BY sku COLLATE NOCASE ORDER BY id DESC) AS n FROM ${t}) WHERE n > 1) RETURNING id`)
          .pluck()
          .all() as number[];
        for (const id of dropped) this.facts.drop(id);
        duplicates = dropped.length;
        this.db.exec(skuIndex(this.spec.slot));
      }
      this.db.exec(nameIndex(this.spec.slot));
    })();
    const facts = this.facts.finish(...readOrders(this.db, this.spec.slot));
    return {
      itemCount: this.written - duplicates, written: this.written, duplicates, leftOut: this.leftOut, skipped: this.skipped,
      skipReasons: [...this.skipReasons], newestStamp: this.newestStamp, facts,
    };
  }

  /** The rows that did not say whether they are E-commerce items take it from SimpleConsign's list. */
  private setFlags(): void {
    const t = this.table;
    this.db.exec(`UPDATE ${t} SET ecommerce = (sku COLLATE NOCASE IN (SELECT sku FROM temp.ecommerce_skus)) WHERE ecommerce IS NULL`);
    for (const id of this.db.prepare(`SELECT id FROM ${t} WHERE ecommerce = 1`).pluck().all() as number[]) this.facts.setEcommerce(id, true);
  }
}

function keptFields(row: ItemRow): KeptFields {
  return {
    state: row[ROW.state] as 'A' | 'I' | null,
    quantity: row[ROW.quantity] as number | null,
    category: row[ROW.category] as string | null,
    consignorId: row[ROW.consignorId] as string | null,
    ecommerce: row[ROW.ecommerce] === null ? null : row[ROW.ecommerce] === 1,
  };
}

function filterColumns(row: ItemRow): FilterColumns {
  return {
    category: row[ROW.category] as string | null,
    consignment: row[ROW.consignment] as number | null,
    ecommerce: row[ROW.ecommerce] as number | null,
    quantity: row[ROW.quantity] as number | null,
    status: row[ROW.status] as string | null,
  };
}

/** One value of JSON text read from the store, parsed. */
const json = <T>(db: Database.Database, sql: string, ...params: unknown[]): T => JSON.parse(db.prepare(sql).pluck().get(...params) as string) as T;

/** The name and SKU orders, read from their indexes (ids only, as one value each). */
function readOrders(db: Database.Database, slot: Slot): [Uint32Array, Uint32Array] {
  const t = itemsTable(slot);
  const read = (orderBy: string) => sharedCopy(Uint32Array, json<number[]>(db, `SELECT json_group_array(id) FROM (SELECT id FROM ${t} ORDER BY ${orderBy}, id)`));
  return [read('name COLLATE NOCASE'), read('sku COLLATE NOCASE')];
}

const BATCH = 200_000;

/**
 * The search facts of a stored copy, read back a range of row ids at a time, each column as one
 * JSON value (at app start, and after a load changed the copy in place).
 */
export function factsOfStore(db: Database.Database, slot: Slot): CopyFacts {
  const t = itemsTable(slot);
  const facts = new FactsCollector();
  const keys = numericOrders.map((k) => `json_group_array(${numericColumns[k]})`).join(', ');
  const read = db.prepare(`SELECT json_group_array(id), json_group_array(${flagsSql}), json_group_array(category), ${keys}, max(id) FROM ${t} WHERE id > ? AND id <= ?`).raw();
  const top = (db.prepare(`SELECT coalesce(max(id), 0) FROM ${t}`).pluck().get() as number) ?? 0;
  for (let after = 0; after < top; after += BATCH) {
    const [ids, bits, categories, ...rest] = read.get(after, after + BATCH) as string[];
    facts.addColumns(JSON.parse(ids) as number[], JSON.parse(bits) as number[], JSON.parse(categories) as (string | null)[], rest.slice(0, numericOrders.length).map((k) => JSON.parse(k) as (number | null)[]));
  }
  return facts.finish(...readOrders(db, slot));
}

/**
 * Copies the store's log back into its file on this connection (the copy's worker, once a load or a
 * patched change set has committed: not at the next commit on the main thread). One that cannot run
 * now (a reader holds the log) is not a failure: a later commit copies it.
 */
export function copyLogBackOn(db: Database.Database): void {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch {
    // What was committed stays committed either way.
  }
}
