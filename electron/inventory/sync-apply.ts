import type { SyncSettings } from '../../shared/inventory/schemas';
import { readItem, type InventoryRecord } from '../simpleconsign/inventory-response';
import type { InventoryRepo } from './inventory-repo';

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
  chunkSize: number;
  /** Lets the event loop run between chunks so the app stays responsive. */
  pause: () => Promise<void>;
  signal: AbortSignal;
  onApplied: (n: number) => void;
}

export interface Counts {
  received: number;
  inserted: number;
  updated: number;
  deleted: number;
  skipped: number;
  /** Inactive or sold-out items the answer held that the copy does not keep. */
  leftOut: number;
  skipReasons: Map<string, number>;
}

export const emptyCounts = (received: number): Counts => ({ received, inserted: 0, updated: 0, deleted: 0, skipped: 0, leftOut: 0, skipReasons: new Map() });

/** Inactive items are deleted; sold-out ones too when the settings leave quantity-zero items out. */
export function belongsInCopy(r: InventoryRecord, s: SyncSettings): boolean {
  if (r.state === 'I') return false;
  return s.includeItemsWithQuantityZero || r.quantity === null || r.quantity > 0;
}

function checkAbort(signal: AbortSignal): void {
  if (signal.aborted) throw new SyncInterrupted();
}

/** Reads the raw entries in chunks, yielding between them; unusable entries are counted, not fatal. */
export async function readAll(raw: unknown[], ctx: ApplyContext, counts: Counts): Promise<InventoryRecord[]> {
  const out: InventoryRecord[] = [];
  for (let start = 0; start < raw.length; start += ctx.chunkSize) {
    checkAbort(ctx.signal);
    for (const entry of raw.slice(start, start + ctx.chunkSize)) {
      const read = readItem(entry);
      if (read.ok) out.push(withFilterFacts(read.record, ctx.settings));
      else {
        counts.skipped += 1;
        counts.skipReasons.set(read.reason, (counts.skipReasons.get(read.reason) ?? 0) + 1);
      }
    }
    await ctx.pause();
  }
  return out;
}

/** An item from an "e-commerce only" load is an e-commerce item even when the store does not say so. */
function withFilterFacts(r: InventoryRecord, s: SyncSettings): InventoryRecord {
  return s.includeOnlyEcommerceItems && r.ecommerce === null ? { ...r, ecommerce: true } : r;
}

/** Applies one record to a generation: upsert what belongs, delete what does not. */
function applyOne(ctx: ApplyContext, gen: number, r: InventoryRecord, counts: Counts): void {
  if (!belongsInCopy(r, ctx.settings)) {
    if (ctx.repo.remove(gen, r.sku)) counts.deleted += 1;
    else counts.leftOut += 1;
    return;
  }
  if (ctx.repo.upsert(gen, r) === 'inserted') counts.inserted += 1;
  else counts.updated += 1;
}

/** Writes records into a generation no search reads yet, one short transaction per chunk. */
export async function writeInChunks(ctx: ApplyContext, gen: number, records: InventoryRecord[], counts: Counts): Promise<void> {
  const write = ctx.repo.db.transaction((chunk: InventoryRecord[]) => {
    for (const r of chunk) applyOne(ctx, gen, r, counts);
  });
  for (let start = 0; start < records.length; start += ctx.chunkSize) {
    checkAbort(ctx.signal);
    const chunk = records.slice(start, start + ctx.chunkSize);
    write(chunk);
    ctx.onApplied(chunk.length);
    await ctx.pause();
  }
}

/** Applies records to the current generation and runs `finish` in the same transaction. */
export function applyAtOnce(ctx: ApplyContext, gen: number, records: InventoryRecord[], counts: Counts, finish: () => void): void {
  checkAbort(ctx.signal);
  ctx.repo.db.transaction(() => {
    for (const r of records) applyOne(ctx, gen, r, counts);
    finish();
  })();
  ctx.onApplied(records.length);
}

/** Copies the current generation into a new one, chunk by chunk, so a large change set can be applied aside. */
export async function copyInChunks(ctx: ApplyContext, from: number, to: number): Promise<void> {
  let after = 0;
  for (;;) {
    checkAbort(ctx.signal);
    const last = ctx.repo.db.transaction(() => ctx.repo.copyGeneration(from, to, after, ctx.chunkSize))();
    if (last === null) return;
    after = last;
    await ctx.pause();
  }
}

/** Removes rows of other generations in chunks; stops early when asked. */
export async function purgeInChunks(repo: InventoryRepo, current: number, chunkSize: number, pause: () => Promise<void>, signal?: AbortSignal): Promise<void> {
  while (!signal?.aborted) {
    const removed = repo.db.transaction(() => repo.purgeOtherGenerations(current, chunkSize))();
    if (removed === 0) return;
    await pause();
  }
}
