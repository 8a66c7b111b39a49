import type { SyncMode, SyncRun, SyncTrigger } from '../../shared/inventory/schemas';
import type Database from 'better-sqlite3';
import type { Db } from '../core/store/database';
import type { BulkStep } from './bulk-worker';
import type { InventoryRecord } from '../simpleconsign/inventory-response';
import { flagsOf, orderColumns, type FactsRow, type KeyedRow } from './copy-facts';
import { createSlot, dropSlot, ftsColumns, ftsTable, itemColumns, itemsTable, skuIndex, slotOf, type Slot } from './slot-schema';

export interface SyncState {
  /** The generation searches read. */
  gen: number;
  itemCount: number;
  watermark: number | null;
  /** "training" or "live:<address>", so a copy from elsewhere is replaced rather than patched. */
  source: string | null;
  /** The request options the copy was loaded with (JSON). */
  options: string | null;
  dataVersion: number;
  lastSuccessAt: number | null;
  pausedUntil: number | null;
  /** Where the last good run started, on SimpleConsign's Date clock. */
  clockStart: number | null;
  /** The newest `lastUpdated` the copy has seen. */
  newestStamp: number | null;
}

/** What a successful run writes along with its last changes, in the same transaction. */
export interface CommitInfo {
  runId: number;
  watermark: number;
  source: string;
  options: string;
  finishedAt: number;
  counts: { received: number; inserted: number; updated: number; deleted: number; skipped: number };
  message: string;
  details: string[];
  /** What staff should know about the run, shown with it. */
  warnings: string[];
  clockStart: number;
  newestStamp: number | null;
  /** The generation's row count when the caller knows it already (counting 1,000,000 rows takes a while). */
  itemCount?: number;
}

const bool = (v: boolean | null) => (v === null ? null : v ? 1 : 0);
const json = (v: unknown) => JSON.stringify(v);

function rowValues(r: InventoryRecord): unknown[] {
  return [
    r.sku, r.name, r.description, r.category, r.brand, r.size, r.color, r.familyGroup, bool(r.consignment), r.consignorId, r.startDate, r.expireDate,
    r.status, r.state, bool(r.ecommerce), r.quantity, r.costCents, r.retailCents, r.buyersFeeCents, r.currentPriceCents, r.discount, bool(r.doNotDiscount),
    json(r.images), r.dateCreated, r.lastUpdated, json(r.extra), json(r.unreadable),
  ];
}

interface RunRow {
  id: number; mode: string; trigger: string; started_at: number; finished_at: number | null; outcome: string;
  received: number; inserted: number; updated: number; deleted: number; skipped: number; message: string; details: string; warnings: string;
}

/** Statements on one slot's table, prepared once. */
class SlotStatements {
  readonly insert;
  readonly find;
  readonly remove;
  readonly count;
  readonly index;
  readonly retext;
  readonly updates = new Map<string, Database.Statement>();

  constructor(readonly db: Db, readonly slot: Slot) {
    const t = itemsTable(slot);
    const placeholders = itemColumns.map(() => '?').join(', ');
    const fts = ftsColumns.join(', ');
    this.insert = db.prepare(`INSERT INTO ${t} (${itemColumns.join(', ')}) VALUES (${placeholders})`);
    this.find = db.prepare(`SELECT id, ${itemColumns.join(', ')} FROM ${t} WHERE sku = ? COLLATE NOCASE`).raw();
    // Rows go in row id order (`IN` reads its list sorted): FTS5 also writes out what it holds when a
    // row id comes before the last one it was given, so the trigger must hand it ascending ones.
    this.remove = db.prepare(`DELETE FROM ${t} WHERE id IN (SELECT i.id FROM json_each(?) AS j JOIN ${t} AS i ON i.sku = j.value COLLATE NOCASE) RETURNING id, ${orderColumns.join(', ')}`).raw();
    this.count = db.prepare(`SELECT count(*) FROM ${t}`).pluck();
    this.index = db.prepare(`INSERT INTO ${ftsTable(slot)} (rowid, ${fts}) SELECT id, ${fts} FROM ${t} WHERE id IN (SELECT value FROM json_each(?))`);
    // Each element: [row id, ...searchable text columns]; the rows come in the list's order.
    this.retext = db.prepare(`UPDATE ${t} SET ${ftsColumns.map((c, i) => `${c} = j.value ->> ${i + 1}`).join(', ')} FROM json_each(?) AS j WHERE ${t}.id = j.value ->> 0`);
  }

  update(columns: number[]): Database.Statement {
    const key = columns.join(',');
    let stmt = this.updates.get(key);
    if (!stmt) {
      stmt = this.db.prepare(`UPDATE ${itemsTable(this.slot)} SET ${columns.map((i) => `${itemColumns[i]} = ?`).join(', ')} WHERE id = ?`);
      this.updates.set(key, stmt);
    }
    return stmt;
  }
}

/** Where each searchable text column sits among a row's values, in the full-text index's order. */
const textAt = ftsColumns.map((c) => itemColumns.indexOf(c));
const isText = new Set(textAt);

/** A row whose searchable text changed: its id, then its text columns' new values. */
export type TextChange = [number, ...(string | number | null)[]];

/** Where each order's column sits among a row's values as `find` reads them (the id first). */
const orderAt = orderColumns.map((c) => 1 + itemColumns.indexOf(c as (typeof itemColumns)[number]));
const SKU_AT = 1 + orderColumns.indexOf('sku');
const valueAt = (c: (typeof itemColumns)[number]) => itemColumns.indexOf(c);
const [CONSIGNMENT, ECOMMERCE, QUANTITY, STATUS, CATEGORY] = (['consignment', 'ecommerce', 'quantity', 'status', 'category'] as const).map(valueAt);

/** The search facts of a row written with these values (as `rowValues` lists them). */
function factsRow(id: number, v: unknown[]): FactsRow {
  const bits = flagsOf({ consignment: v[CONSIGNMENT] as number | null, ecommerce: v[ECOMMERCE] as number | null, quantity: v[QUANTITY] as number | null, status: v[STATUS] as string | null });
  return [id, bits, v[CATEGORY] as string | null, ...orderAt.map((i) => v[i - 1] as string | number | null)];
}

/**
 * What applying a chunk of changes gathers as it goes: new rows to index, changed text to write,
 * each in one statement, and the rows it changed, deleted or added as they were and as they are
 * (for the search facts: facts-patch.ts).
 */
export interface Applied {
  added: number[];
  texts: TextChange[];
  before: KeyedRow[];
  after: FactsRow[];
}
export const nothingApplied = (): Applied => ({ added: [], texts: [], before: [], after: [] });

/** The inventory copy's tables: items by generation (each in its slot), the sync state and the run history. */
export class InventoryRepo {
  private readonly slots: [SlotStatements, SlotStatements];
  private readonly statements = new Map<string, Database.Statement>();

  constructor(readonly db: Db) {
    this.slots = [new SlotStatements(db, 0), new SlotStatements(db, 1)];
  }

  /** A statement prepared once (the status is read every few hundred milliseconds while a load runs). */
  private sql(text: string): Database.Statement {
    let s = this.statements.get(text);
    if (!s) this.statements.set(text, (s = this.db.prepare(text)));
    return s;
  }

  private at(gen: number): SlotStatements {
    return this.slots[slotOf(gen)];
  }

  /**
   * Adds rows to a generation's full-text index in one statement. FTS5 flushes its pending terms
   * at every statement, so indexing row by row would cost a segment per row.
   */
  indexRows(gen: number, ids: number[]): void {
    if (ids.length > 0) this.at(gen).index.run(JSON.stringify(ids));
  }

  /** Appends rows to a generation being bulk-loaded: no lookups, no indexes; duplicates are settled when it is finished. */
  appendRows(gen: number, records: InventoryRecord[]): void {
    const insert = this.at(gen).insert;
    for (const r of records) insert.run(...rowValues(r));
  }

  /** Scripts that empty a generation's slot, or fill it with a copy of another generation (keeping row ids) ready for upserts. */
  prepareScripts(gen: number, copyOf: number | null): string[] {
    const slot = slotOf(gen);
    const scripts = [dropSlot(slot), createSlot(slot)];
    if (copyOf !== null) {
      const cols = ['id', ...itemColumns].join(', ');
      scripts.push(`INSERT INTO ${itemsTable(slot)} (${cols}) SELECT ${cols} FROM ${itemsTable(slotOf(copyOf))}`, skuIndex(slot));
    }
    return scripts;
  }

  /** Keeps the last row of each SKU (any case) sent twice in one answer; run before the SKU key is built. */
  dedupeScript(gen: number): string {
    const t = itemsTable(slotOf(gen));
    return `DELETE FROM ${t} WHERE id IN (SELECT id FROM (SELECT id, row_number() OVER (PARTITION BY sku COLLATE NOCASE ORDER BY id DESC) AS n FROM ${t}) WHERE n > 1);`;
  }

  /** Whether a generation's rows lack the E-commerce flag (a store sends it for every item or for none: a sample tells). */
  lacksEcommerceFlag(gen: number): boolean {
    return this.sql(`SELECT EXISTS (SELECT 1 FROM (SELECT ecommerce FROM ${itemsTable(slotOf(gen))} LIMIT 1000) WHERE ecommerce IS NULL)`).pluck().get() === 1;
  }

  /** Sets the E-commerce flag of a generation's unflagged rows from SimpleConsign's list of E-commerce SKUs (lower case). */
  flagScript(gen: number, skusJson: string): BulkStep {
    // The list is bound, not spliced into the text: nothing to escape, and no copy of it built here.
    return { sql: `UPDATE ${itemsTable(slotOf(gen))} SET ecommerce = (lower(sku) IN (SELECT value FROM json_each(?))) WHERE ecommerce IS NULL`, param: skusJson };
  }

  /** Whether a slot other than the current generation's holds rows (an abandoned or replaced copy). */
  otherSlotHasRows(gen: number): boolean {
    return this.sql(`SELECT EXISTS (SELECT 1 FROM ${itemsTable(slotOf(gen + 1))})`).pluck().get() === 1;
  }

  state(): SyncState {
    const r = this.sql('SELECT * FROM inventory_state WHERE id = 1').get() as Record<string, number | string | null>;
    return {
      gen: r.gen as number,
      itemCount: r.item_count as number,
      watermark: r.watermark as number | null,
      source: r.source as string | null,
      options: r.options as string | null,
      dataVersion: r.data_version as number,
      lastSuccessAt: r.last_success_at as number | null,
      pausedUntil: r.paused_until as number | null,
      clockStart: r.clock_start as number | null,
      newestStamp: r.newest_stamp as number | null,
    };
  }

  /**
   * Inserts or updates one item in a generation (SKUs match in any case) and answers which it did.
   * Updates set only the columns that changed (the update trigger re-indexes changed text). With
   * `applied`, a new row's id and changed text are gathered there for the caller to write with the
   * rest of its chunk (indexRows, writeTexts), and a changed row as it was and is; otherwise both are written at once.
   */
  upsert(gen: number, r: InventoryRecord, applied?: Applied): 'inserted' | 'updated' | 'unchanged' {
    const values = rowValues(r);
    const s = this.at(gen);
    const existing = s.find.get(r.sku) as unknown[] | undefined;
    if (!existing) {
      const id = Number(s.insert.run(...values).lastInsertRowid);
      if (applied) {
        applied.added.push(id);
        applied.after.push(factsRow(id, values));
      } else this.indexRows(gen, [id]);
      return 'inserted';
    }
    const changed = itemColumns.flatMap((c, i) => (values[i] === existing[i + 1] ? [] : [i]));
    if (changed.length === 0) return 'unchanged';
    applied?.before.push([existing[0] as number, ...orderAt.map((i) => existing[i] as string | number | null)]);
    applied?.after.push(factsRow(existing[0] as number, values));
    let now = changed;
    if (applied && changed.some((i) => isText.has(i))) {
      applied.texts.push([existing[0] as number, ...textAt.map((i) => values[i] as string | number | null)]);
      now = changed.filter((i) => !isText.has(i));
    }
    if (now.length > 0) s.update(now).run(...now.map((i) => values[i]), existing[0]);
    return 'updated';
  }

  /**
   * Deletes the items of these SKUs (any case) from a generation in one statement, as indexRows adds
   * rows, and answers the SKUs it deleted, in lower case; the rows as they were go into `applied`.
   */
  removeAll(gen: number, skus: string[], applied: Applied): Set<string> {
    if (skus.length === 0) return new Set();
    const gone = this.at(gen).remove.all(JSON.stringify(skus)) as KeyedRow[];
    applied.before.push(...gone);
    return new Set(gone.map((row) => String(row[SKU_AT]).toLowerCase()));
  }

  /** Writes changed searchable text (from upsert) in one statement, in row id order, as indexRows adds rows. */
  writeTexts(gen: number, texts: TextChange[]): void {
    if (texts.length > 0) this.at(gen).retext.run(JSON.stringify(texts.sort((a, b) => a[0] - b[0])));
  }

  countQuery(gen: number): string {
    return `SELECT count(*) FROM ${itemsTable(slotOf(gen))}`;
  }

  count(gen: number): number {
    return this.at(gen).count.get() as number;
  }

  /** Makes `gen` the copy searches read, moves the watermark and closes the run: one transaction's last step. */
  commit(gen: number, info: CommitInfo): void {
    const itemCount = info.itemCount ?? this.count(gen);
    this
      .sql(
        `UPDATE inventory_state SET gen = ?, item_count = ?, watermark = ?, source = ?, options = ?, data_version = data_version + 1,
           last_success_at = ?, paused_until = NULL, clock_start = ?, newest_stamp = ? WHERE id = 1`,
      )
      .run(gen, itemCount, info.watermark, info.source, info.options, info.finishedAt, info.clockStart, info.newestStamp);
    this.finishRun(info.runId, { outcome: 'ok', finishedAt: info.finishedAt, ...info.counts, message: info.message, details: info.details, warnings: info.warnings });
  }

  setPausedUntil(ms: number | null): void {
    this.sql('UPDATE inventory_state SET paused_until = ? WHERE id = 1').run(ms);
  }

  startRun(mode: SyncMode, trigger: SyncTrigger, startedAt: number): number {
    return Number(this.sql("INSERT INTO inventory_runs (mode, trigger, started_at, outcome) VALUES (?, ?, ?, 'running')").run(mode, trigger, startedAt).lastInsertRowid);
  }

  finishRun(
    id: number,
    r: {
      outcome: 'ok' | 'failed' | 'interrupted'; finishedAt: number; received?: number; inserted?: number; updated?: number; deleted?: number; skipped?: number;
      message: string; details?: string[]; warnings?: string[];
    },
  ): void {
    this
      .sql('UPDATE inventory_runs SET outcome = ?, finished_at = ?, received = ?, inserted = ?, updated = ?, deleted = ?, skipped = ?, message = ?, details = ?, warnings = ? WHERE id = ?')
      .run(r.outcome, r.finishedAt, r.received ?? 0, r.inserted ?? 0, r.updated ?? 0, r.deleted ?? 0, r.skipped ?? 0, r.message, JSON.stringify(r.details ?? []), JSON.stringify(r.warnings ?? []), id);
  }

  /** A run left "running" by a crash or a forced quit is recorded as interrupted. */
  closeAbandonedRuns(now: number): void {
    this
      .sql("UPDATE inventory_runs SET outcome = 'interrupted', finished_at = ?, message = ? WHERE outcome = 'running'")
      .run(now, 'The app stopped before this load finished; the copy and the watermark were left as they were.');
  }

  recentRuns(limit: number): SyncRun[] {
    const rows = this.sql('SELECT * FROM inventory_runs ORDER BY id DESC LIMIT ?').all(limit) as RunRow[];
    return rows.map((r) => ({
      id: r.id,
      mode: r.mode as SyncRun['mode'],
      trigger: r.trigger as SyncRun['trigger'],
      startedAt: r.started_at,
      finishedAt: r.finished_at,
      outcome: r.outcome as SyncRun['outcome'],
      received: r.received,
      inserted: r.inserted,
      updated: r.updated,
      deleted: r.deleted,
      skipped: r.skipped,
      message: r.message,
      details: JSON.parse(r.details) as string[],
      warnings: JSON.parse(r.warnings) as string[],
    }));
  }

  /** Failed runs since the last good one, for backing off. */
  failuresSinceSuccess(): number {
    return this.sql("SELECT count(*) FROM inventory_runs WHERE outcome = 'failed' AND id > coalesce((SELECT max(id) FROM inventory_runs WHERE outcome = 'ok'), 0)").pluck().get() as number;
  }
}
