import fs from 'node:fs';
import os from 'node:os';
import { afterEach, expect, it } from 'vitest';
import { defaultSyncSettings } from '../../shared/inventory/schemas';
import { CopyLoad, CopyWorkers, readFacts, readFlaggedSkus } from './copy-load';
import { ftsTable, itemsTable } from './slot-schema';
import { tempDb } from './test-harness';

const MB = 1024 * 1024;
const ITEM_BYTES = 1024;
const PIECE_ITEMS = 1024;

/** An item of about a kilobyte. */
function item(i: number): string {
  const head = JSON.stringify({ sku: `S${String(i).padStart(7, '0')}`, name: 'Wool cardigan', quantity: 1, currentPrice: 1999, description: '' });
  return head.replace('"description":""', `"description":"${'x'.repeat(ITEM_BYTES - head.length - 1)}"`);
}

let cleanup = () => {};
afterEach(() => cleanup());

/** A store in a file and the copy's workers over it, both gone after the test. */
function storeWithWorkers() {
  const t = tempDb();
  const workers = new CopyWorkers(t.db);
  cleanup = () => {
    void workers.close();
    t.cleanup();
  };
  return { t, workers };
}

/** An answer's text in pieces of `size` characters, split anywhere. */
async function* piecesOf(text: string, size: number): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < text.length; at += size) yield new TextEncoder().encode(text.slice(at, at + size));
}

it('reads an answer no further than a few megabytes ahead of what the worker has taken in, and writes every item', async () => {
  const { t, workers } = storeWithWorkers();
  const load = CopyLoad.start(workers, { slot: 1, settings: defaultSyncSettings, vendorFiltered: true, learnFlags: false });
  const pieces = 24;
  let furthestAhead = 0;
  // Pieces that are always at hand: without a limit the whole answer would be read before the worker took in any of it.
  async function* answer(): AsyncGenerator<Uint8Array> {
    for (let p = 0; p < pieces; p++) {
      const items = Array.from({ length: PIECE_ITEMS }, (_, k) => item(p * PIECE_ITEMS + k));
      const text = (p === 0 ? '[' : ',') + items.join(',') + (p === pieces - 1 ? ']' : '');
      furthestAhead = Math.max(furthestAhead, load.unread('items'));
      yield new TextEncoder().encode(text);
    }
  }
  const piped = await load.pipe('items', answer());
  // The load's log is copied back into the store's file once the commit has run, not before it.
  let fileAtCommit = 0;
  const outcome = await load.finish((o) => {
    fileAtCommit = fs.statSync(t.db.name).size;
    return o;
  });
  expect(fs.statSync(t.db.name).size).toBeGreaterThan(fileAtCommit + pieces * PIECE_ITEMS * ITEM_BYTES);
  expect(piped.total).toBe(pieces * PIECE_ITEMS);
  expect(outcome).toMatchObject({ itemCount: pieces * PIECE_ITEMS, skipped: 0, leftOut: 0 });
  expect(t.db.prepare(`SELECT count(*) FROM ${itemsTable(1)}`).pluck().get()).toBe(pieces * PIECE_ITEMS);
  // Four megabytes in flight and the piece just handed over, never the answer's 24.
  expect(furthestAhead).toBeGreaterThan(MB);
  expect(furthestAhead).toBeLessThanOrEqual(5 * MB + ITEM_BYTES * PIECE_ITEMS + MB);
}, 120_000);

it('indexes the rows for full-text search as they are written: the index matches the rows, a SKU sent twice included', async () => {
  const { t, workers } = storeWithWorkers();
  const load = CopyLoad.start(workers, { slot: 1, settings: defaultSyncSettings, vendorFiltered: true, learnFlags: false });
  const colors = ['black', 'grey', 'navy', 'crème'];
  const items: Record<string, unknown>[] = Array.from({ length: 12_000 }, (_, i) => ({ sku: `K${i}`, name: `${colors[i % 4]} cardigan ${i}`, brand: i % 2 ? 'Zara' : 'Nike', quantity: 1 }));
  // The first entry of K5 is written, indexed, then dropped for the last one, far down the answer.
  items.push({ sku: 'k5', name: 'walnut sideboard', quantity: 2 });
  await load.pipe('items', piecesOf(JSON.stringify({ results: items }), 64 * 1024));
  const outcome = await load.finish((o) => o);
  expect(outcome).toMatchObject({ itemCount: 12_000, duplicates: 1 });
  const fts = ftsTable(1);
  // FTS5's own check: every row's terms are in the index, and nothing else is.
  expect(() => t.db.prepare(`INSERT INTO ${fts} (${fts}, rank) VALUES ('integrity-check', 1)`).run()).not.toThrow();
  const count = (q: string) => t.db.prepare(`SELECT count(*) FROM ${fts} WHERE ${fts} MATCH ?`).pluck().get(q);
  expect([count('cardigan'), count('creme'), count('"zar"*'), count('walnut'), count('K5')]).toEqual([11_999, 3_000, 5_999, 1, 1]);
}, 120_000);

it('reads the SKUs of a list of E-commerce items in a worker, as the copy matches them', async () => {
  const { workers } = storeWithWorkers();
  const list = [{ sku: ' AB-1 ' }, { sku: 12345 }, { sku: 'cd-2', name: 'x' }, ...Array.from({ length: 12_000 }, (_, i) => ({ sku: `E${i}` }))];
  const text = JSON.stringify({ results: list, count: list.length });
  // Pieces split anywhere, even inside a SKU.
  const read = await readFlaggedSkus(workers, piecesOf(text, 777));
  expect(read.total).toBe(list.length);
  expect(read.skus).toHaveLength(list.length);
  expect(new Set(read.skus)).toEqual(new Set(['ab-1', '12345', 'cd-2', ...Array.from({ length: 12_000 }, (_, i) => `e${i}`)]));
  // No list: SimpleConsign's refusal, told by its other fields.
  async function* refusal(): AsyncGenerator<Uint8Array> {
    yield new TextEncoder().encode('{"error":"Invalid API key"}');
  }
  expect(await readFlaggedSkus(workers, refusal())).toMatchObject({ skus: null, shell: { error: 'Invalid API key' } });
  async function* broken(): AsyncGenerator<Uint8Array> {
    yield new TextEncoder().encode('{"results":[{"sku":"A"},');
    yield new TextEncoder().encode('nope]}');
  }
  await expect(readFlaggedSkus(workers, broken())).rejects.toThrow(SyntaxError);
}, 120_000);

/** The nice value of each thread of this process (Linux: /proc/self/task/<tid>/stat, field 19). */
function threadNiceValues(): Map<number, number> {
  const out = new Map<number, number>();
  for (const tid of fs.readdirSync('/proc/self/task')) {
    const stat = fs.readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    out.set(Number(tid), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]));
  }
  return out;
}

it.runIf(process.platform === 'linux')('runs the copy’s worker and its answer reader below the priority of the thread that answers the screen', async () => {
  const { workers } = storeWithWorkers();
  const before = threadNiceValues();
  let ready!: () => void;
  const started = new Promise<void>((resolve) => (ready = resolve));
  const load = CopyLoad.start(workers, { slot: 1, settings: defaultSyncSettings, vendorFiltered: true, learnFlags: false }, { ready });
  await started;
  const lowered = () => [...threadNiceValues()].filter(([tid, nice]) => !before.has(tid) && nice === os.constants.priority.PRIORITY_BELOW_NORMAL);
  expect(lowered()).toHaveLength(1);
  // An answer's reader, started beside the writer, gives way too.
  await load.pipe('items', (async function* () {
    yield new TextEncoder().encode('[{"sku":"A1","quantity":1}]');
  })());
  expect(lowered()).toHaveLength(2);
  expect(threadNiceValues().get(process.pid)).toBe(before.get(process.pid));
  await load.stop();
}, 60_000);

it('ends a worker still at its job when the copy closes, so nothing holds or reopens the store’s file afterwards', async () => {
  const { workers } = storeWithWorkers();
  const load = CopyLoad.start(workers, { slot: 1, settings: defaultSyncSettings, vendorFiltered: true, learnFlags: false });
  await load.pipe('items', piecesOf(JSON.stringify([{ sku: 'A1', name: 'Wool cardigan', quantity: 1 }]), 64));
  await load.finish((o) => o);

  // A read of the search facts that nobody waits for any more (the app is closing).
  let settled = false;
  const facts = readFacts(workers, { kind: 'facts', slot: 1 }).finally(() => (settled = true));
  facts.catch(() => undefined);
  await workers.close();
  await new Promise((resolve) => setImmediate(resolve));
  expect(settled).toBe(true);
  await expect(facts).rejects.toThrow(/stopped/);
  // And none is started after.
  await expect(readFacts(workers, { kind: 'facts', slot: 1 })).rejects.toThrow(/closed/);
}, 60_000);
