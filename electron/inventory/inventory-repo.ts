import type { SyncMode, SyncRun, SyncTrigger } from '../../shared/inventory/schemas';
import type Database from 'better-sqlite3';
import type { Db } from '../core/store/database';
import type { InventoryRecord } from '../simpleconsign/inventory-response';
import { ftsColumns } from './migrations';

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
}

const itemColumns = [
  'sku', 'name', 'description', 'category', 'brand', 'size', 'color', 'family_group', 'consignment', 'consignor_id', 'start_date', 'expire_date',
  'status', 'state', 'ecommerce', 'quantity', 'cost_cents', 'retail_cents', 'buyers_fee_cents', 'current_price_cents', 'discount', 'do_not_discount',
  'images', 'date_created', 'last_updated', 'extra', 'unreadable',
] as const;

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
  received: number; inserted: number; updated: number; deleted: number; skipped: number; message: string; details: string;
}

/** The inventory copy's tables: items by generation, the sync state and the run history. */
export class InventoryRepo {
  private readonly insertItem;
  private readonly findItem;
  private readonly updates = new Map<string, Database.Statement>();
  private readonly deleteItem;
  private readonly countGen;
  private readonly lastId;
  private readonly indexAfter;
  private readonly indexIds;

  constructor(readonly db: Db) {
    const placeholders = itemColumns.map(() => '?').join(', ');
    this.insertItem = db.prepare(`INSERT INTO inventory_items (gen, ${itemColumns.join(', ')}) VALUES (?, ${placeholders})`);
    this.findItem = db.prepare(`SELECT id, ${itemColumns.join(', ')} FROM inventory_items WHERE gen = ? AND sku = ? COLLATE NOCASE`).raw();
    this.deleteItem = db.prepare('DELETE FROM inventory_items WHERE gen = ? AND sku = ? COLLATE NOCASE');
    this.countGen = db.prepare('SELECT count(*) FROM inventory_items WHERE gen = ?').pluck();
    this.lastId = db.prepare('SELECT coalesce(max(id), 0) FROM inventory_items').pluck();
    const fts = ftsColumns.join(', ');
    this.indexAfter = db.prepare(`INSERT INTO inventory_fts (rowid, ${fts}) SELECT id, ${fts} FROM inventory_items WHERE id > ?`);
    this.indexIds = db.prepare(`INSERT INTO inventory_fts (rowid, ${fts}) SELECT id, ${fts} FROM inventory_items WHERE id IN (SELECT value FROM json_each(?))`);
  }

  /**
   * Adds rows to the full-text index in one statement. FTS5 flushes its pending terms at every
   * statement savepoint, so indexing row by row would cost a segment per row.
   */
  indexRows(ids: number[]): void {
    if (ids.length > 0) this.indexIds.run(JSON.stringify(ids));
  }

  state(): SyncState {
    const r = this.db.prepare('SELECT * FROM inventory_state WHERE id = 1').get() as Record<string, number | string | null>;
    return {
      gen: r.gen as number,
      itemCount: r.item_count as number,
      watermark: r.watermark as number | null,
      source: r.source as string | null,
      options: r.options as string | null,
      dataVersion: r.data_version as number,
      lastSuccessAt: r.last_success_at as number | null,
      pausedUntil: r.paused_until as number | null,
    };
  }

  /**
   * Inserts or updates one item in a generation (SKUs match in any case) and answers which it did.
   * A new row's id goes into `unindexed` when given, for the caller to index with the rest of its
   * chunk (indexRows); otherwise it is indexed at once. Updates set only the columns that changed,
   * so a price change rewrites the price index alone (the update trigger re-indexes changed text).
   */
  upsert(gen: number, r: InventoryRecord, unindexed?: number[]): 'inserted' | 'updated' | 'unchanged' {
    const values = rowValues(r);
    const existing = this.findItem.get(gen, r.sku) as unknown[] | undefined;
    if (!existing) {
      const id = Number(this.insertItem.run(gen, ...values).lastInsertRowid);
      if (unindexed) unindexed.push(id);
      else this.indexRows([id]);
      return 'inserted';
    }
    const changed = itemColumns.flatMap((c, i) => (values[i] === existing[i + 1] ? [] : [i]));
    if (changed.length === 0) return 'unchanged';
    this.updateStatement(changed).run(...changed.map((i) => values[i]), existing[0]);
    return 'updated';
  }

  private updateStatement(columns: number[]): Database.Statement {
    const key = columns.join(',');
    let stmt = this.updates.get(key);
    if (!stmt) {
      stmt = this.db.prepare(`UPDATE inventory_items SET ${columns.map((i) => `${itemColumns[i]} = ?`).join(', ')} WHERE id = ?`);
      this.updates.set(key, stmt);
    }
    return stmt;
  }

  remove(gen: number, sku: string): boolean {
    return this.deleteItem.run(gen, sku).changes > 0;
  }

  count(gen: number): number {
    return this.countGen.get(gen) as number;
  }

  /** Copies up to `limit` rows of one generation into another, after row id `afterId`; answers the last id copied. */
  copyGeneration(from: number, to: number, afterId: number, limit: number): number | null {
    const cols = itemColumns.join(', ');
    const ids = this.db.prepare('SELECT id FROM inventory_items WHERE gen = ? AND id > ? ORDER BY id LIMIT ?').pluck().all(from, afterId, limit) as number[];
    if (ids.length === 0) return null;
    const last = ids[ids.length - 1];
    // One statement: every row it inserts gets an id above the largest one before it.
    const before = this.lastId.get() as number;
    this.db.prepare(`INSERT INTO inventory_items (gen, ${cols}) SELECT ?, ${cols} FROM inventory_items WHERE gen = ? AND id > ? AND id <= ?`).run(to, from, afterId, last);
    this.indexAfter.run(before);
    return last;
  }

  /** Deletes up to `limit` rows of generations other than the current one (old copies, abandoned loads). */
  purgeOtherGenerations(current: number, limit: number): number {
    return this.db
      .prepare('DELETE FROM inventory_items WHERE id IN (SELECT id FROM inventory_items WHERE gen < ? LIMIT ?) OR id IN (SELECT id FROM inventory_items WHERE gen > ? LIMIT ?)')
      .run(current, limit, current, limit).changes;
  }

  /** Makes `gen` the copy searches read, moves the watermark and closes the run: one transaction's last step. */
  commit(gen: number, info: CommitInfo): void {
    const itemCount = this.count(gen);
    this.db
      .prepare(
        `UPDATE inventory_state SET gen = ?, item_count = ?, watermark = ?, source = ?, options = ?, data_version = data_version + 1,
           last_success_at = ?, paused_until = NULL WHERE id = 1`,
      )
      .run(gen, itemCount, info.watermark, info.source, info.options, info.finishedAt);
    this.finishRun(info.runId, { outcome: 'ok', finishedAt: info.finishedAt, ...info.counts, message: info.message, details: info.details });
  }

  setPausedUntil(ms: number | null): void {
    this.db.prepare('UPDATE inventory_state SET paused_until = ? WHERE id = 1').run(ms);
  }

  startRun(mode: SyncMode, trigger: SyncTrigger, startedAt: number): number {
    return Number(this.db.prepare("INSERT INTO inventory_runs (mode, trigger, started_at, outcome) VALUES (?, ?, ?, 'running')").run(mode, trigger, startedAt).lastInsertRowid);
  }

  finishRun(
    id: number,
    r: { outcome: 'ok' | 'failed' | 'interrupted'; finishedAt: number; received?: number; inserted?: number; updated?: number; deleted?: number; skipped?: number; message: string; details?: string[] },
  ): void {
    this.db
      .prepare('UPDATE inventory_runs SET outcome = ?, finished_at = ?, received = ?, inserted = ?, updated = ?, deleted = ?, skipped = ?, message = ?, details = ? WHERE id = ?')
      .run(r.outcome, r.finishedAt, r.received ?? 0, r.inserted ?? 0, r.updated ?? 0, r.deleted ?? 0, r.skipped ?? 0, r.message, JSON.stringify(r.details ?? []), id);
  }

  /** A run left "running" by a crash or a forced quit is recorded as interrupted. */
  closeAbandonedRuns(now: number): void {
    this.db
      .prepare("UPDATE inventory_runs SET outcome = 'interrupted', finished_at = ?, message = ? WHERE outcome = 'running'")
      .run(now, 'The app stopped before this load finished; the copy and the watermark were left as they were.');
  }

  recentRuns(limit: number): SyncRun[] {
    const rows = this.db.prepare('SELECT * FROM inventory_runs ORDER BY id DESC LIMIT ?').all(limit) as RunRow[];
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
    }));
  }

  /** Failed runs since the last good one, for backing off. */
  failuresSinceSuccess(): number {
    return this.db.prepare("SELECT count(*) FROM inventory_runs WHERE outcome = 'failed' AND id > coalesce((SELECT max(id) FROM inventory_runs WHERE outcome = 'ok'), 0)").pluck().get() as number;
  }
}
