import { afterEach, describe, expect, it } from 'vitest';
import type { SearchFilters } from '../../shared/inventory/schemas';
import type { CopyFeed, CopyMark } from './copy-feed';
import { optionsKey } from './inventory-sync';
import { arraySource, type ItemSource } from './item-source';
import { ftsTable, itemsTable, slotOf } from './slot-schema';
import { checkAndClose, copyDiff, lastRun, startHarness, type Harness } from './test-harness';

const MINUTE = 60_000;
let h: Harness;
afterEach(() => checkAndClose(h));

/** The store's items as a full load asks for them, or (`changes`) sold-out and inactive ones too, as a change set holds them. */
const storeItems = (x: Harness, changes = false) => structuredClone(x.sim.store.query({ ecommerceOnly: false, includeZero: changes, includeInactive: changes }));
const mark = (x: Harness): CopyMark => ({ watermark: x.clock.t - 7 * MINUTE, clockStart: x.clock.t - MINUTE, newestStamp: x.clock.t - 3 * MINUTE, source: 'training', options: optionsKey(x.settings) });
const filters = (f: Partial<SearchFilters>): SearchFilters & { offset: number; limit: number } => ({
  query: '', category: null, stock: 'all', ecommerceOnly: false, inStockOnly: false, activeOnly: false, sort: 'relevance', offset: 0, limit: 500, ...f,
});

/** What a person sees of the copy: a few searches, filtered and sorted, with their rows in order. */
async function seen(x: Harness) {
  const asked = [filters({ sort: 'sku' }), filters({ inStockOnly: true, sort: 'price-desc' }), filters({ ecommerceOnly: true, sort: 'name' }), filters({ query: 'a', sort: 'newest' })];
  return Promise.all(asked.map(async (f) => (await x.search.search(f)).items.map((i) => i.sku)));
}

/** The copy as it stands: rows, watermark, clocks, generation and the full-text index. */
function snapshot(x: Harness) {
  const s = x.repo.state();
  const slot = slotOf(s.gen);
  return {
    state: s,
    rows: x.db.prepare(`SELECT * FROM ${itemsTable(slot)} ORDER BY sku`).all(),
    fts: x.db.prepare(`SELECT rowid FROM ${ftsTable(slot)} WHERE ${ftsTable(slot)} MATCH 'a* OR e* OR o*' ORDER BY rowid`).pluck().all(),
  };
}

/** Items handed over in slices, failing once `after` of them were handed over. */
function failingSource(items: unknown[], after: number): ItemSource {
  const inner = arraySource(items);
  let handed = 0;
  return {
    total: items.length,
    next: async (max) => {
      if (handed >= after) throw new Error('the store server went away');
      const slice = await inner.next(Math.min(max, 40));
      handed += slice?.length ?? 0;
      return slice;
    },
    close: () => undefined,
  };
}

describe('items from another source (a store server) take the copy’s bulk path', () => {
  it('a full feed gives the copy SimpleConsign’s answer gives, searchable, filtered and sorted, with the watermark it brings', { timeout: 60_000 }, async () => {
    h = await startHarness();
    await h.run();
    const fromSimpleConsign = await seen(h);
    const asked = h.bodies.length;
    const m = mark(h);
    await h.sync.start('manual', { feed: { mode: 'full', source: arraySource(storeItems(h)), mark: m } });
    expect(lastRun(h)).toMatchObject({ mode: 'full', outcome: 'ok', received: storeItems(h).length });
    // SimpleConsign was not asked; the copy is the store's, and reads as it did.
    expect(h.bodies).toHaveLength(asked);
    expect(copyDiff(h)).toEqual({ missing: [], extra: [], wrong: [] });
    expect(await seen(h)).toEqual(fromSimpleConsign);
    expect(h.repo.state()).toMatchObject({ ...m, gen: 2, itemCount: h.skus().length });
    // The next load from SimpleConsign carries on from the feed's watermark.
    await h.run();
    expect(h.bodies[asked]).toMatchObject({ modifiedSince: String(m.watermark) });
    expect(lastRun(h)).toMatchObject({ mode: 'incremental', outcome: 'ok' });
  });

  it('a change set is applied in place, inactive items removing their SKU, and moves the watermark to the one it brings', async () => {
    h = await startHarness();
    await h.run();
    h.clock.t += 5 * MINUTE;
    const changed = h.sim.tick(30);
    const touched = new Set([...changed.added, ...changed.updated, ...changed.inactivated]);
    const changes = storeItems(h, true).filter((i) => touched.has(String(i.sku)));
    const m = mark(h);
    const feed: CopyFeed = { mode: 'incremental', source: arraySource(changes), mark: m };
    await h.sync.start('manual', { feed });
    expect(lastRun(h)).toMatchObject({ mode: 'incremental', outcome: 'ok', received: changes.length });
    expect(copyDiff(h)).toEqual({ missing: [], extra: [], wrong: [] });
    expect(h.repo.state()).toMatchObject(m);
  });

  for (const mode of ['full', 'incremental'] as const) {
    it(`a ${mode} feed failing halfway leaves the copy, the watermark and the full-text index exactly as they were`, async () => {
      h = await startHarness();
      await h.run();
      h.clock.t += 5 * MINUTE;
      h.sim.tick(30);
      const before = snapshot(h);
      const items = storeItems(h, mode === 'incremental');
      await h.sync.start('manual', { feed: { mode, source: failingSource(items, Math.floor(items.length / 2)), mark: mark(h) } });
      expect(lastRun(h)).toMatchObject({ outcome: 'failed', message: expect.stringContaining('the store server went away') });
      expect(snapshot(h)).toEqual(before);
    });
  }

  it('a full feed stopped mid-way (the app closing) leaves the copy as it was', async () => {
    let stopAt = -1;
    h = await startHarness({ sync: { onProgress: (p) => void (stopAt >= 0 && p.applied >= stopAt && h.sync.stop()) } });
    await h.run();
    const before = snapshot(h);
    stopAt = 40;
    await h.sync.start('manual', { feed: { mode: 'full', source: failingSource(storeItems(h), Infinity), mark: mark(h) } });
    expect(lastRun(h)).toMatchObject({ outcome: 'interrupted' });
    expect(snapshot(h)).toEqual(before);
    // What it wrote is in the slot searches do not read, cleared by the next load.
    stopAt = -1;
    await h.run();
    expect(h.db.prepare(`SELECT count(*) FROM ${itemsTable(slotOf(h.repo.state().gen + 1))}`).pluck().get()).toBe(0);
  });
});
