import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultSyncSettings } from '../../shared/inventory/schemas';
import type { Db } from '../core/store/database';
import { ChunkSizer } from './chunk-sizer';
import { InventoryRepo } from './inventory-repo';
import { applyAtOnce, emptyCounts, readAll, streamIntoGeneration, type ApplyContext } from './sync-apply';
import { tempDb } from './test-harness';

let db: Db;
let cleanup: () => void;
let repo: InventoryRepo;
beforeEach(() => {
  ({ db, cleanup } = tempDb());
  repo = new InventoryRepo(db);
});
afterEach(() => {
  try {
    db.prepare("INSERT INTO inventory_fts (inventory_fts, rank) VALUES ('integrity-check', 1)").run();
  } finally {
    cleanup();
  }
});

const ctx = (chunkSize = 3): ApplyContext => ({ repo, settings: defaultSyncSettings, chunks: new ChunkSizer(chunkSize, null), pause: async () => {}, signal: new AbortController().signal, onApplied: () => {} });
const rows = (gen: number) => db.prepare('SELECT sku, name, quantity FROM inventory_items WHERE gen = ? ORDER BY sku COLLATE NOCASE').all(gen);
const matches = (word: string) => db.prepare('SELECT count(*) FROM inventory_fts WHERE inventory_fts MATCH ?').pluck().get(word);

describe('writing an answer into a new generation', () => {
  it('keeps the last entry of a SKU sent twice (in any case), and indexes each row once', async () => {
    const counts = emptyCounts(6);
    const raw = [
      { sku: 'A1', name: 'first teapot', quantity: 1 },
      { sku: 'B2', name: 'lamp', quantity: 2 },
      { sku: 'a1', name: 'second teapot', quantity: 3 },
      { sku: 'C3', name: 'vase', quantity: 1 },
      { sku: 'A1', name: 'third teapot', quantity: 4 },
      { name: 'no sku' },
    ];
    await streamIntoGeneration(raw, ctx(), 1, counts);
    expect(rows(1)).toEqual([
      { sku: 'A1', name: 'third teapot', quantity: 4 },
      { sku: 'B2', name: 'lamp', quantity: 2 },
      { sku: 'C3', name: 'vase', quantity: 1 },
    ]);
    expect(counts).toMatchObject({ inserted: 3, updated: 2, skipped: 1 });
    expect(matches('teapot')).toBe(1);
    expect(matches('first')).toBe(0);
    expect(raw.every((r) => r === undefined)).toBe(true);
  });

  it('leaves out inactive and sold-out entries instead of writing them', async () => {
    const counts = emptyCounts(3);
    await streamIntoGeneration([{ sku: 'A1', state: 'I', quantity: 1 }, { sku: 'B2', quantity: 0 }, { sku: 'C3', quantity: 2 }], ctx(), 1, counts);
    expect(rows(1).map((r) => (r as { sku: string }).sku)).toEqual(['C3']);
    expect(counts).toMatchObject({ inserted: 1, leftOut: 2, deleted: 0 });
  });
});

describe('applying changes to the current generation', () => {
  it('updates, inserts and deletes in one transaction with the finishing step', async () => {
    // B2 holds the highest row id; deleting it lets SQLite give D4 the same id, which must still be indexed.
    await streamIntoGeneration([{ sku: 'A1', name: 'teapot', quantity: 1 }, { sku: 'B2', name: 'lamp', quantity: 1 }], ctx(), 1, emptyCounts(2));
    const counts = emptyCounts(3);
    const records = await readAll([{ sku: 'a1', name: 'kettle', quantity: 2 }, { sku: 'B2', state: 'I' }, { sku: 'D4', name: 'rug', quantity: 1 }], ctx(), counts);
    let finished = false;
    applyAtOnce(ctx(), 1, records, counts, () => (finished = true));
    expect(finished).toBe(true);
    expect(rows(1)).toEqual([
      { sku: 'a1', name: 'kettle', quantity: 2 },
      { sku: 'D4', name: 'rug', quantity: 1 },
    ]);
    expect(counts).toMatchObject({ inserted: 1, updated: 1, deleted: 1 });
    expect(matches('teapot')).toBe(0);
    expect(matches('kettle')).toBe(1);
  });

  it('rolls everything back when the finishing step fails', async () => {
    await streamIntoGeneration([{ sku: 'A1', name: 'teapot', quantity: 1 }], ctx(), 1, emptyCounts(1));
    const records = await readAll([{ sku: 'A1', name: 'kettle', quantity: 1 }, { sku: 'Z9', name: 'rug', quantity: 1 }], ctx(), emptyCounts(2));
    expect(() =>
      applyAtOnce(ctx(), 1, records, emptyCounts(2), () => {
        throw new Error('disk full');
      }),
    ).toThrow('disk full');
    expect(rows(1)).toEqual([{ sku: 'A1', name: 'teapot', quantity: 1 }]);
    expect(matches('kettle')).toBe(0);
  });
});

describe('chunk sizes', () => {
  it('grow towards the time budget and shrink when chunks run long, within bounds', () => {
    const sizer = new ChunkSizer(500, 80, 100, 4000);
    sizer.took(20, 500);
    expect(sizer.rows).toBe(1000);
    sizer.took(160, 1000);
    expect(sizer.rows).toBe(500);
    for (let i = 0; i < 10; i++) sizer.took(1, sizer.rows);
    expect(sizer.rows).toBe(4000);
    sizer.took(10, 10);
    expect(sizer.rows).toBe(4000);
    const fixed = new ChunkSizer(50, null);
    fixed.took(1000, 50);
    expect(fixed.rows).toBe(50);
  });
});
