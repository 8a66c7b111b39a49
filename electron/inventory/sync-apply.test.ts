import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../core/store/database';
import { arraySource } from './item-source';
import { ChunkSizer } from './chunk-sizer';
import type { InventoryRepo } from './inventory-repo';
import { slotOf, itemsTable, ftsTable } from './slot-schema';
import { appendIntoGeneration, applyAtOnce, emptyCounts, finishGeneration, prepareGeneration, readAll, streamIntoGeneration, type ApplyContext } from './sync-apply';
import { checkFtsIntegrity, ftsLeavesWritten, tempRepo } from './test-harness';

let db: Db;
let cleanup: () => void;
let repo: InventoryRepo;
let ctx: (over?: Partial<ApplyContext>) => ApplyContext;
beforeEach(() => {
  ({ db, cleanup, repo, ctx } = tempRepo());
});
afterEach(() => {
  try {
    checkFtsIntegrity(db);
  } finally {
    cleanup();
  }
});

const rows = (gen: number) => db.prepare(`SELECT sku, name, quantity FROM ${itemsTable(slotOf(gen))} ORDER BY sku COLLATE NOCASE`).all();
const matches = (word: string, gen = 1) => db.prepare(`SELECT count(*) FROM ${ftsTable(slotOf(gen))} WHERE ${ftsTable(slotOf(gen))} MATCH ?`).pluck().get(word);

async function fullLoad(raw: unknown[], gen = 1) {
  const counts = emptyCounts(raw.length);
  await prepareGeneration(repo, gen, null);
  await appendIntoGeneration(arraySource(raw), ctx(), gen, counts);
  await finishGeneration(repo, gen, true, counts);
  return counts;
}

describe('writing a full load into a new generation', () => {
  it('keeps the last entry of a SKU sent twice (in any case), and indexes each row once', async () => {
    const raw = [
      { sku: 'A1', name: 'first teapot', quantity: 1 },
      { sku: 'B2', name: 'lamp', quantity: 2 },
      { sku: 'a1', name: 'second teapot', quantity: 3 },
      { sku: 'C3', name: 'vase', quantity: 1 },
      { sku: 'A1', name: 'third teapot', quantity: 4 },
      { name: 'no sku' },
    ];
    const counts = await fullLoad(raw);
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
    const counts = await fullLoad([{ sku: 'A1', state: 'I', quantity: 1 }, { sku: 'B2', quantity: 0 }, { sku: 'C3', quantity: 2 }]);
    expect(rows(1).map((r) => (r as { sku: string }).sku)).toEqual(['C3']);
    expect(counts).toMatchObject({ inserted: 1, leftOut: 2, deleted: 0 });
  });

  it('applies a large change set to a copy of the copy, leaving the copy itself alone', async () => {
    await fullLoad([{ sku: 'A1', name: 'teapot', quantity: 1 }, { sku: 'B2', name: 'lamp', quantity: 1 }]);
    const counts = emptyCounts(3);
    await prepareGeneration(repo, 2, 1);
    await streamIntoGeneration(arraySource([{ sku: 'a1', name: 'kettle', quantity: 2 }, { sku: 'B2', state: 'I' }, { sku: 'D4', name: 'rug', quantity: 1 }]), ctx(), 2, counts);
    await finishGeneration(repo, 2, false, counts);
    expect(rows(2)).toEqual([{ sku: 'a1', name: 'kettle', quantity: 2 }, { sku: 'D4', name: 'rug', quantity: 1 }]);
    expect(rows(1)).toEqual([{ sku: 'A1', name: 'teapot', quantity: 1 }, { sku: 'B2', name: 'lamp', quantity: 1 }]);
    expect(counts).toMatchObject({ inserted: 1, updated: 1, deleted: 1 });
    expect([matches('kettle', 2), matches('teapot', 2), matches('teapot', 1)]).toEqual([1, 0, 1]);
  });
});

describe('applying changes to the current generation', () => {
  it('updates, inserts and deletes in one transaction with the finishing step', async () => {
    // B2 holds the highest row id; deleting it lets SQLite give D4 the same id, which must still be indexed.
    await fullLoad([{ sku: 'A1', name: 'teapot', quantity: 1 }, { sku: 'B2', name: 'lamp', quantity: 1 }]);
    const counts = emptyCounts(3);
    const records = await readAll(arraySource([{ sku: 'a1', name: 'kettle', quantity: 2 }, { sku: 'B2', state: 'I' }, { sku: 'D4', name: 'rug', quantity: 1 }]), ctx(), counts);
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

  it('deletes the items that no longer belong and re-indexes renamed ones in one pass of the full-text index, whatever order they come in', async () => {
    const item = (i: number) => ({ sku: `S${i}`, name: `teapot number${i} with a lid`, description: `glazed stoneware ${i}`, quantity: 1 });
    const all = <T>(f: (i: number) => T) => Array.from({ length: 120 }, (_, i) => f(i));
    await fullLoad(all(item));
    // Every second item sold out or made inactive, last row first; of the others, a third renamed (and restocked) and the rest restocked.
    const change = (i: number) => (i % 2 === 0 ? { ...item(i), sku: `s${i}`, ...(i % 4 === 0 ? { quantity: 0 } : { state: 'I' }) } : { ...item(i), ...(i % 3 === 0 ? { name: `kettle number${i}`, quantity: 3 } : { quantity: 2 }) });
    const changes: Record<string, unknown>[] = all(change).reverse();
    changes.push({ sku: 'GONE', name: 'never held', description: '', quantity: 0 });
    const counts = emptyCounts(changes.length);
    const records = await readAll(arraySource(changes), ctx(), counts);
    const before = ftsLeavesWritten(db, 1);
    applyAtOnce(ctx(), 1, records, counts, () => {});
    // Row by row, FTS5 wrote at least a leaf per deleted or renamed row (80 here); in one pass each, a few for them all.
    expect(ftsLeavesWritten(db, 1) - before).toBeLessThan(15);
    expect(counts).toMatchObject({ deleted: 60, leftOut: 1, updated: 60, inserted: 0 });
    expect(rows(1)).toHaveLength(60);
    expect([matches('teapot'), matches('kettle'), matches('number0'), matches('number2'), matches('number3'), matches('number5')]).toEqual([40, 20, 0, 0, 1, 1]);
    expect(db.prepare(`SELECT quantity FROM ${itemsTable(slotOf(1))} WHERE sku IN ('S3', 'S5') ORDER BY sku`).pluck().all()).toEqual([3, 2]);
  });

  it('rolls everything back when the finishing step fails', async () => {
    await fullLoad([{ sku: 'A1', name: 'teapot', quantity: 1 }]);
    const records = await readAll(arraySource([{ sku: 'A1', name: 'kettle', quantity: 1 }, { sku: 'Z9', name: 'rug', quantity: 1 }]), ctx(), emptyCounts(2));
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
