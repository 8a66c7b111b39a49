import type { SyncSettings } from '../../shared/inventory/schemas';
import type { ItemSource } from './item-source';
import { readItem, type InventoryRecord } from '../simpleconsign/inventory-response';
import type { ChunkSizer } from './chunk-sizer';
import { keepingLog, runBulk, type BulkStep } from './bulk-worker';
import { nothingApplied, type Applied, type InventoryRepo } from './inventory-repo';
import { finishSlot, slotOf } from './slot-schema';
import { noStamps, noteStamp, type StampFacts } from './sync-clocks';
import { belongsInCopy } from './copy-filter';
import type { FactsChange } from './facts-patch';

export { belongsInCopy };

/** A load stopped on purpose (the app is closing): nothing it wrote is visible. */
export class SyncInterrupted extends Error {
  constructor() {
    super('The load was stopped before it finished. The local copy and the watermark are unchanged.');
    this.name = 'SyncInterrupted';
  }
}

export interface ApplyContext {
  repo: InventoryRepo;
  settings: SyncSettings;
  chunks: ChunkSizer;
  /** Lets the event loop run between chunks so the app stays responsive. */
  pause: () => Promise<void>;
  signal: AbortSignal;
  onApplied: (n: number) => void;
  /** SimpleConsign applied the settings' filters itself (a full load); otherwise they are applied here. */
  vendorFiltered: boolean;
  /** SKUs (lower case) SimpleConsign lists as E-commerce items, for items that do not carry the flag. */
  ecommerceSkus: Set<string> | null;
  /** Where the previous good run started on SimpleConsign's Date clock (a change stamped before it should have been seen then). */
  previousStart: number | null;
}

export interface Counts {
  received: number;
  inserted: number;
  updated: number;
  deleted: number;
  skipped: number;
  /** Inactive or sold-out items the answer held that the copy does not keep. */
  leftOut: number;
  /** Items the copy already held as sent (the overlap between loads reads some twice). */
  unchanged: number;
  skipReasons: Map<string, number>;
  /** What the items' own change stamps told. */
  stamps: StampFacts;
}

export const emptyCounts = (received: number): Counts => ({
  received, inserted: 0, updated: 0, deleted: 0, skipped: 0, leftOut: 0, unchanged: 0, skipReasons: new Map(), stamps: noStamps(),
});

export function checkAbort(signal: AbortSignal): void {
  if (signal.aborted) throw new SyncInterrupted();
}

/** Reads one slice of raw entries; unusable entries are counted, not fatal. */
function readSlice(raw: unknown[], ctx: ApplyContext, counts: Counts): InventoryRecord[] {
  const out: InventoryRecord[] = [];
  for (const entry of raw) {
    const read = readItem(entry);
    if (read.ok) {
      out.push(withFilterFacts(read.record, ctx));
      noteStamp(counts.stamps, read.record.lastUpdated, false, null);
    } else {
      counts.skipped += 1;
      counts.skipReasons.set(read.reason, (counts.skipReasons.get(read.reason) ?? 0) + 1);
    }
  }
  return out;
}

/** Reads every entry in chunks, yielding between them. */
export async function readAll(source: ItemSource, ctx: ApplyContext, counts: Counts): Promise<InventoryRecord[]> {
  const out: InventoryRecord[] = [];
  for (let raw = await source.next(ctx.chunks.rows); raw; raw = await source.next(ctx.chunks.rows)) {
    checkAbort(ctx.signal);
    out.push(...readSlice(raw, ctx, counts));
    await ctx.pause();
  }
  return out;
}

/** What the request tells of an item's E-commerce flag when the item does not say. */
function withFilterFacts(r: InventoryRecord, ctx: ApplyContext): InventoryRecord {
  if (r.ecommerce !== null) return r;
  if (ctx.ecommerceSkus) return { ...r, ecommerce: ctx.ecommerceSkus.has(r.sku.toLowerCase()) };
  // An item from an "E-commerce only" answer is an E-commerce item.
  return ctx.vendorFiltered && ctx.settings.includeOnlyEcommerceItems ? { ...r, ecommerce: true } : r;
}

/** The last entry for each SKU (any case): new rows are indexed only at the end of their transaction, so none may be touched twice in one. */
function lastPerSku(records: InventoryRecord[], counts: Counts): InventoryRecord[] {
  const bySku = new Map<string, InventoryRecord>();
  for (const r of records) bySku.set(r.sku.toLowerCase(), r);
  counts.updated += records.length - bySku.size;
  return [...bySku.values()];
}

/**
 * Applies the last entry of each SKU to a generation: what no longer belongs is deleted first, in
 * one statement, then the rest is upserted, changed searchable text written in one more. FTS5
 * writes what it holds at every statement, so deleting or renaming row by row (the index's
 * triggers at each) wrote a segment of the full-text index per row. Answers what it gathered
 * (new rows' ids are left for the caller to index).
 */
function applyRecords(ctx: ApplyContext, gen: number, records: InventoryRecord[], counts: Counts): Applied {
  const applied = nothingApplied();
  const latest = lastPerSku(records, counts);
  const belongs = latest.map((r) => belongsInCopy(r, ctx.settings, ctx.vendorFiltered));
  const deleted = ctx.repo.removeAll(gen, latest.filter((_, i) => !belongs[i]).map((r) => r.sku), applied);
  latest.forEach((r, i) => {
    const outcome = belongs[i] ? ctx.repo.upsert(gen, r, applied) : deleted.has(r.sku.toLowerCase()) ? 'deleted' : 'leftOut';
    counts[outcome] += 1;
    noteStamp(counts.stamps, r.lastUpdated, outcome === 'inserted' || outcome === 'updated' || outcome === 'deleted', ctx.previousStart);
  });
  ctx.repo.writeTexts(gen, applied.texts);
  return applied;
}

/**
 * Writes a full load's answer chunk by chunk into a generation no search reads yet, as bare rows:
 * no lookups and no index upkeep, one short transaction per chunk, then a yield. The indexes, the
 * SKU key (the last entry of a SKU sent twice wins) and the full-text index are built afterwards.
 */
export async function appendIntoGeneration(source: ItemSource, ctx: ApplyContext, gen: number, counts: Counts): Promise<void> {
  const { db } = ctx.repo;
  const write = db.transaction((records: InventoryRecord[]) => {
    const kept = records.filter((r) => belongsInCopy(r, ctx.settings, ctx.vendorFiltered));
    counts.leftOut += records.length - kept.length;
    counts.inserted += kept.length;
    ctx.repo.appendRows(gen, kept);
  });
  // The index build copies the log back once, off the main thread.
  await keepingLog(db, () => inChunks(source, ctx, counts, write));
}

/**
 * Runs one chunk's transaction without waiting for the disk at its commit. Its rows go to a slot no
 * search reads, so losing them to a power cut costs nothing (the load did not finish), and in WAL
 * mode the file stays consistent; the index build's commit (synchronous FULL, the same log) makes
 * them durable before the switch. Set around the chunk alone, in the same turn, so every other
 * write on this connection keeps the store's setting.
 */
function withoutWaitingForDisk(db: ApplyContext['repo']['db'], work: () => void): void {
  const setting = db.pragma('synchronous', { simple: true }) as number;
  db.pragma('synchronous = NORMAL');
  try {
    work();
  } finally {
    db.pragma(`synchronous = ${setting}`);
  }
}

async function inChunks(source: ItemSource, ctx: ApplyContext, counts: Counts, write: (records: InventoryRecord[]) => void): Promise<void> {
  for (let raw = await source.next(ctx.chunks.rows); raw; raw = await source.next(ctx.chunks.rows)) {
    checkAbort(ctx.signal);
    const slice = raw;
    // A yield before the chunk too: a slice that arrives by message is taken in the same turn of the
    // event loop as the previous chunk's yield, and would otherwise run with no timers between them.
    await ctx.pause();
    checkAbort(ctx.signal);
    ctx.chunks.run(slice.length, () => withoutWaitingForDisk(ctx.repo.db, () => write(readSlice(slice, ctx, counts))));
    ctx.onApplied(slice.length);
    await ctx.pause();
  }
}

/**
 * Applies a large change set chunk by chunk to a copy of the copy that no search reads yet. Its
 * full-text index is rebuilt when it is finished, so new rows are not indexed here.
 */
export async function streamIntoGeneration(source: ItemSource, ctx: ApplyContext, gen: number, counts: Counts): Promise<void> {
  const write = ctx.repo.db.transaction((records: InventoryRecord[]) => void applyRecords(ctx, gen, records, counts));
  await inChunks(source, ctx, counts, write);
}

/**
 * Applies records to the current generation and runs `finish` in the same transaction, with the
 * rows it changed, deleted or added, as they were and as they are (for the search facts).
 */
export function applyAtOnce(ctx: ApplyContext, gen: number, records: InventoryRecord[], counts: Counts, finish: (change: FactsChange) => void): void {
  checkAbort(ctx.signal);
  ctx.repo.db.transaction(() => {
    const { before, after, added } = applyRecords(ctx, gen, records, counts);
    ctx.repo.indexRows(gen, added);
    finish({ before, after });
  })();
  ctx.onApplied(records.length);
}

/** Empties a generation's slot, or fills it with a copy of another generation, off the main thread. */
export async function prepareGeneration(repo: InventoryRepo, gen: number, copyOf: number | null): Promise<void> {
  await runBulk(repo.db, repo.prepareScripts(gen, copyOf));
}

/**
 * Builds a written generation's SKU key, sort and filter indexes and full-text index in one pass
 * off the main thread, and answers its row count. In a full load, entries of a SKU sent twice
 * collapse into the last one first; the earlier ones count as updates.
 */
export async function finishGeneration(repo: InventoryRepo, gen: number, full: boolean, counts: Counts, before: BulkStep[] = []): Promise<number> {
  const [key, ...rest] = finishSlot(slotOf(gen));
  // Stores rarely send a SKU twice: the unique key is tried first, and only if it fails are the
  // earlier entries of a SKU removed (a pass that sorts every row) before it is built again.
  const keyed: BulkStep = full ? { attempt: key, otherwise: [repo.dedupeScript(gen), key] } : key;
  const scripts = [...before, keyed, ...rest];
  const itemCount = Number(await runBulk(repo.db, scripts, repo.countQuery(gen)));
  if (full) {
    counts.updated += counts.inserted - itemCount;
    counts.inserted = itemCount;
  }
  return itemCount;
}
