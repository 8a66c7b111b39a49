import fs from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SearchFilters, SearchSort } from '../../shared/inventory/schemas';
import { makeRoom, orderKeys, type CopyFacts, type FactsRoom } from './copy-facts';
import * as bulkWorker from './bulk-worker';
import * as copyLoad from './copy-load';
import { nocaseCompare, patchFacts, textAnchors, type FactsChange } from './facts-patch';
import { InventorySearch } from './inventory-search';
import { arraySource } from './item-source';
import { factsOfStore } from './load-job';
import { pauseLeft, SearchFactsStore } from './search-facts';
import { itemsTable, slotOf } from './slot-schema';
import { appendIntoGeneration, applyAtOnce, emptyCounts, finishGeneration, prepareGeneration, readAll } from './sync-apply';
import { checkAndClose, startHarness, tempDb, tempRepo, type Harness } from './test-harness';

/** A small seeded generator (mulberry32), so a failing case can be run again. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)];

describe('the NOCASE order in memory', () => {
  it('sorts text as SQLite does: ASCII letters folded, the rest by code point, a prefix first', () => {
    const { db, cleanup } = tempDb();
    try {
      const r = random(7);
      const pieces = ['a', 'A', 'b', 'B', 'z', 'Z', '[', '_', '`', '{', '0', '9', ' ', 'é', 'É', 'ß', 'Ω', 'ω', 'İ', 'ı', '中', '\ue000', '\uffff', '😀', '𝔸', '\u00a0', '~'];
      const words = Array.from({ length: 600 }, () => Array.from({ length: Math.floor(r() * 5) }, () => pick(r, pieces)).join(''));
      db.exec('CREATE TEMP TABLE words (w TEXT)');
      const insert = db.prepare('INSERT INTO words (w) VALUES (?)');
      words.forEach((w) => insert.run(w));
      const bySqlite = db.prepare('SELECT rowid - 1 FROM words ORDER BY w COLLATE NOCASE, rowid').pluck().all() as number[];
      const inMemory = words.map((_, i) => i).sort((a, b) => nocaseCompare(words[a], words[b]) || a - b);
      expect(inMemory).toEqual(bySqlite);
    } finally {
      cleanup();
    }
  });
});

/** A temporary store holding these items as generation 1, as a full load leaves it; emptied when `work` is done. */
async function withCopy(items: Record<string, unknown>[], work: (t: ReturnType<typeof tempRepo>) => Promise<void>): Promise<void> {
  const t = tempRepo();
  try {
    const counts = emptyCounts(items.length);
    await prepareGeneration(t.repo, 1, null);
    await appendIntoGeneration(arraySource(items), t.ctx(), 1, counts);
    await finishGeneration(t.repo, 1, true, counts);
    await work(t);
  } finally {
    t.cleanup();
  }
}
/** A room for facts with every value set (as memory a previous version held would be). */
function garbage(room: FactsRoom): FactsRoom {
  for (const a of [room.flags, room.category, ...Object.values(room.orders)]) a.fill(0xffffffff);
  return room;
}

/** Applies records in place as a load does, moving the data version, and answers the change with the text orders' places read in its transaction. */
function applied(t: ReturnType<typeof tempRepo>, records: Parameters<typeof applyAtOnce>[2]): { change: FactsChange; anchors: ReturnType<typeof textAnchors> } {
  let out: ReturnType<typeof applied> | undefined;
  applyAtOnce(t.ctx({ vendorFiltered: false }), 1, records, emptyCounts(records.length), (change) => {
    t.db.exec('UPDATE inventory_state SET data_version = data_version + 1 WHERE id = 1');
    out = { change, anchors: textAnchors(t.db, slotOf(1), change) };
  });
  return out!;
}

describe('patching the search facts after changes applied in place', () => {
  /** Items with many ties (names differing in case only, equal prices, no name or price at all) and few categories. */
  function item(r: () => number, sku: string): Record<string, unknown> {
    return {
      sku,
      name: r() < 0.1 ? null : pick(r, ['teapot', 'Teapot', 'TEAPOT', 'lamp', 'Ämber vase', 'amber vase', 'zebra rug', '_under', '😀 mug', 'Ω clock']),
      category: r() < 0.1 ? null : pick(r, ['Kitchen', 'Decor', 'Rugs', 'kitchen']),
      quantity: pick(r, [1, 2, 2, 5, 0]),
      currentPrice: r() < 0.1 ? null : pick(r, [1, 9.99, 9.99, 25, 100.5]),
      consignment: r() < 0.5,
      ecommerce: r() < 0.5,
      status: pick(r, ['ACTIVE', 'active', 'EXPIRED', null]),
      dateCreated: pick(r, ['2026-01-01T00:00:00Z', '2026-02-01T00:00:00Z', null]),
      lastUpdated: pick(r, ['2026-03-01T00:00:00Z', '2026-03-02T10:00:00Z']),
    };
  }

  /** Facts compared as searches see them: each id's flags and category by name, and every order. */
  const seen = (f: CopyFacts) => ({
    rows: Array.from(f.flags, (bits, id) => [id, bits, f.category[id] === 0 ? null : f.categories[f.category[id] - 1]]).filter(([, bits]) => bits !== 0),
    orders: Object.fromEntries(Object.entries(f.orders).map(([k, v]) => [k, Array.from(v)])),
    values: Object.fromEntries(Object.entries(f.values).map(([k, v]) => [k, Array.from(f.flags, (bits, id) => (bits === 0 ? 0 : v[id]))])),
  });

  it('gives the facts a full read gives, change set after change set', async () => {
    const r = random(42);
    let next = 0;
    const sku = () => `S${next++}`;
    await withCopy(Array.from({ length: 400 }, () => item(r, sku())), async (t) => {
      const { db, ctx } = t;
      const slot = slotOf(1);
      let facts = factsOfStore(db, slot);
      for (let round = 0; round < 8; round++) {
        const held = db.prepare(`SELECT sku FROM ${itemsTable(slot)}`).pluck().all() as string[];
        // Changed items (any case of their SKU), sold-out or inactive ones, and new ones.
        const changes = Array.from({ length: 60 }, () => {
          const roll = r();
          const old = pick(r, held);
          if (roll < 0.2) return { ...item(r, old), ...(r() < 0.5 ? { quantity: 0 } : { state: 'I' }) };
          if (roll < 0.4) return item(r, sku());
          return item(r, r() < 0.3 ? old.toLowerCase() : old);
        });
        const records = await readAll(arraySource(changes), ctx({ vendorFiltered: false }), emptyCounts(changes.length));
        const { change, anchors } = applied(t, records);
        // Every other round into memory readied for it, holding garbage (it is written over, never read).
        const room = round % 2 === 1 ? garbage(makeRoom(facts)) : undefined;
        const patched = patchFacts(facts, change, anchors, room);
        const read = factsOfStore(db, slot);
        expect(seen(patched)).toEqual(seen(read));
        if (room) {
          expect([patched.flags.buffer, patched.category.buffer]).toEqual([room.flags.buffer, room.category.buffer]);
          for (const k of orderKeys) expect(patched.orders[k] === facts.orders[k] || patched.orders[k].buffer === room.orders[k].buffer, k).toBe(true);
        }
        // In shared memory: handed to the worker that patches them, and back, without a copy.
        for (const f of [patched, read]) for (const a of [f.flags, f.category, ...Object.values(f.orders), ...Object.values(f.values)]) expect(a.buffer).toBeInstanceOf(SharedArrayBuffer);
        facts = patched;
      }
    });
  });

  it('places a row after many others that moved beside it', async () => {
    // Ten items named "a", forty named "b"; then the forty are renamed "a" and one more "a" comes:
    // reading the name index backwards from the new row passes the forty before it finds one that stayed.
    const item = (i: number, name: string) => ({ sku: `S${String(i).padStart(2, '0')}`, name, quantity: 1 });
    await withCopy(Array.from({ length: 50 }, (_, i) => item(i, i < 10 ? 'a' : 'b')), async (t) => {
      const slot = slotOf(1);
      const facts = factsOfStore(t.db, slot);
      const changes = Array.from({ length: 41 }, (_, i) => item(10 + i, i < 40 ? 'A' : 'a'));
      const records = await readAll(arraySource(changes), t.ctx({ vendorFiltered: false }), emptyCounts(changes.length));
      const { change, anchors } = applied(t, records);
      expect(seen(patchFacts(facts, change, anchors))).toEqual(seen(factsOfStore(t.db, slot)));
    });
  });

  it('refuses previous facts that do not hold a changed row where its values place it', async () => {
    const item = (i: number, currentPrice = i) => ({ sku: `A${i}`, name: 'teapot', quantity: 1, currentPrice });
    await withCopy([1, 2, 3].map((i) => item(i)), async (t) => {
      const facts = factsOfStore(t.db, slotOf(1));
      // The facts' values say A2 (row 2) costs nothing, yet their price order holds it after A1:
      // looking for A1 by its price as it was finds another row where A1 should be.
      const price = Float64Array.from(facts.values.price);
      price[2] = 0;
      const records = await readAll(arraySource([item(1, 5)]), t.ctx({ vendorFiltered: false }), emptyCounts(1));
      const { change, anchors } = applied(t, records);
      expect(() => patchFacts({ ...facts, values: { ...facts.values, price } }, change, anchors)).toThrow(/Row 1 is not where/);
      expect(patchFacts(facts, change, anchors).orders.price).toEqual(Uint32Array.from([2, 3, 1]));
    });
  });

  it('refuses places read for another change', async () => {
    const item = (i: number, name: string) => ({ sku: `A${i}`, name, quantity: 1 });
    await withCopy([item(1, 'lamp'), item(2, 'teapot')], async (t) => {
      const facts = factsOfStore(t.db, slotOf(1));
      const records = await readAll(arraySource([item(1, 'vase')]), t.ctx({ vendorFiltered: false }), emptyCounts(1));
      const { change, anchors } = applied(t, records);
      expect(() => patchFacts(facts, change, { ...anchors, name: new Map() })).toThrow(/Row 1 has no place read for the name order/);
      expect(Array.from(patchFacts(facts, change, anchors).orders.name)).toEqual([2, 1]);
    });
  });
});

describe('the log copied back after a patch', () => {
  it('waits for searches to pause for 200 ms, and no more than 2 s in all', () => {
    expect(pauseLeft(1000, -Infinity, 1000)).toBe(0);
    expect(pauseLeft(1000, 950, 900)).toBe(150);
    expect(pauseLeft(1000, 700, 900)).toBe(0);
    expect(pauseLeft(2850, 2840, 900)).toBe(50);
    expect(pauseLeft(3000, 2990, 900)).toBe(0);
  });
});

describe('the facts searches use after changes applied in place', () => {
  // A change whose row the previous facts do not hold: the patch refuses it.
  const foreign: FactsChange = { before: [[99, 'x', 'X', 1, 1, 0, 0]], after: [] };

  it('are read in full when the patch cannot be made', async () => {
    await withCopy([{ sku: 'B2', name: 'lamp', quantity: 1 }, { sku: 'A1', name: 'teapot', quantity: 1 }], async ({ db }) => {
      const store = new SearchFactsStore(db);
      const asked = vi.spyOn(copyLoad, 'readFacts');
      store.install(slotOf(1), 4, factsOfStore(db, slotOf(1)));
      await store.changing(slotOf(1), 5, foreign).ready;
      const facts = await store.of(slotOf(1), 5);
      expect(asked.mock.calls.map(([, ask]) => ask.kind)).toEqual(['patch', 'facts']);
      asked.mockRestore();
      expect(facts.ranks.slice('name', 0, 10)).toEqual([1, 2]);
    });
  });

  it('are written by the patch into memory readied while the change set was on its way', async () => {
    await withCopy([{ sku: 'B2', name: 'lamp', quantity: 1 }, { sku: 'A1', name: 'teapot', quantity: 1 }], async (t) => {
      const store = new SearchFactsStore(t.db);
      const version = () => t.db.prepare('SELECT data_version FROM inventory_state WHERE id = 1').pluck().get() as number;
      store.install(slotOf(1), version(), factsOfStore(t.db, slotOf(1)));
      await store.makeRoom();
      const asked = vi.spyOn(copyLoad, 'patchThenCopyBack');
      const records = await readAll(arraySource([{ sku: 'A1', name: 'candle', quantity: 1 }]), t.ctx({ vendorFiltered: false }), emptyCounts(1));
      let ready: Promise<void> | undefined;
      applyAtOnce(t.ctx({ vendorFiltered: false }), 1, records, emptyCounts(1), (change) => {
        t.db.exec('UPDATE inventory_state SET data_version = data_version + 1 WHERE id = 1');
        ready = store.changing(slotOf(1), version(), change).ready;
      });
      await ready;
      const room = asked.mock.calls.map(([, ask]) => ask.room)[0];
      asked.mockRestore();
      const facts = await store.of(slotOf(1), version());
      expect(facts.ranks.slice('name', 0, 10)).toEqual([2, 1]);
      // The name order the searches read is the room's memory: what is written there shows in it.
      room!.orders.name[0] = 7;
      expect(facts.ranks.slice('name', 0, 1)).toEqual([7]);
    });
  });

  it('stay the previous version\u2019s, with nothing read, when the change is not committed', async () => {
    await withCopy([{ sku: 'A1', name: 'teapot', quantity: 1 }], async ({ db }) => {
      const store = new SearchFactsStore(db);
      const asked = vi.spyOn(copyLoad, 'readFacts');
      store.install(slotOf(1), 4, factsOfStore(db, slotOf(1)));
      const previous = store.of(slotOf(1), 4);
      const changing = store.changing(slotOf(1), 5, foreign);
      changing.undo();
      await changing.ready;
      expect(store.of(slotOf(1), 4)).toBe(previous);
      expect(asked.mock.calls.map(([, ask]) => ask.kind)).toEqual(['patch']);
      asked.mockRestore();
    });
  });
});

describe('the facts searches use after an incremental load', () => {
  let h: Harness;
  afterEach(() => checkAndClose(h));

  const filters = (f: Partial<SearchFilters>): SearchFilters & { offset: number; limit: number } => ({
    query: '', category: null, stock: 'all', ecommerceOnly: false, inStockOnly: false, activeOnly: false, sort: 'relevance', offset: 0, limit: 500, ...f,
  });
  const sorts: SearchSort[] = ['name', 'sku', 'price-asc', 'price-desc', 'quantity', 'newest', 'updated'];
  const seen = (x: Harness, search = x.search) =>
    Promise.all([
      ...sorts.map((sort) => search.search(filters({ sort }))),
      search.search(filters({ inStockOnly: true, sort: 'price-desc' })),
      search.search(filters({ stock: 'consignment', ecommerceOnly: true, sort: 'name' })),
    ]).then((pages) => pages.map((p) => [p.total, p.items.map((i) => i.sku)]));

  it('are the previous ones patched in a worker, and show what a full read would', async () => {
    const facts = { install: (...a: Parameters<SearchFactsStore['install']>) => h.search.facts.install(...a), changed: () => h.search.prepare(), changing: (c: FactsChange) => h.search.changing(c), makeRoom: () => h.search.facts.makeRoom() };
    h = await startHarness({ sim: { items: 400 }, sync: { facts } });
    await h.run('manual');
    // The patch is asked of the worker started as the load began while the change set's
    // transaction is still open: it runs beside the commit, then copies the log back.
    const { patchThenCopyBack } = copyLoad;
    const inTransaction: boolean[] = [];
    const patches = vi.spyOn(copyLoad, 'patchThenCopyBack').mockImplementation((...a) => (inTransaction.push(h.db.inTransaction), patchThenCopyBack(...a)));
    const asked = vi.spyOn(copyLoad, 'readFacts');
    const copyBack = vi.spyOn(bulkWorker, 'copyLogBack');
    // Memory for the patch is readied as the load starts.
    const rooms = vi.spyOn(copyLoad, 'roomWorker');
    h.sim.store.tick(80);
    h.clock.t += 60_000;
    await h.run('scheduled');
    expect(h.repo.recentRuns(1)[0]).toMatchObject({ mode: 'incremental', outcome: 'ok' });
    const after = await seen(h);
    expect(patches.mock.calls.map(([, ask]) => ask.kind)).toEqual(['patch']);
    expect(inTransaction).toEqual([true]);
    expect(rooms).toHaveBeenCalledTimes(1);
    // No full read, no worker of its own, none started to copy the log back: the patch's worker did
    // (the log's last frame and the last one copied back, as the store's shared index counts them).
    expect(asked).not.toHaveBeenCalled();
    expect(copyBack).not.toHaveBeenCalled();
    const shm = fs.readFileSync(`${h.db.name}-shm`);
    expect(shm.readUInt32LE(16)).toBeGreaterThan(0);
    expect(shm.readUInt32LE(96)).toBe(shm.readUInt32LE(16));
    for (const spy of [patches, asked, rooms, copyBack]) spy.mockRestore();
    // The same searches over facts read from every row.
    const fresh = new InventorySearch(h.db, () => 'http://images.test', undefined, new SearchFactsStore(h.db));
    expect(after).toEqual(await seen(h, fresh));
  });
});
