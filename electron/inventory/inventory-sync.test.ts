import fs from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readItem } from '../simpleconsign/inventory-response';
import { allRows, checkAndClose, expectedSkus, lastRun, startHarness, type Harness } from './test-harness';

const MINUTE = 60_000;
/** The watermark follows SimpleConsign's Date header, which is to the second: a second earlier than the start. */
const SECOND = 1000;
let h: Harness;
afterEach(() => checkAndClose(h));


describe('first load', () => {
  it('asks for every active item and inserts them; the watermark is the start time minus the overlap', async () => {
    h = await startHarness();
    const started = h.clock.t;
    // A change just now: the items' stamps are no older than the run's start, so the Date header rules.
    h.sim.tick(1);
    await h.run();
    expect(h.bodies).toHaveLength(1);
    expect(h.bodies[0]).toEqual({ key: 'test-inventory-key', includeItemsWithQuantityZero: 'false', includeInactiveItems: 'false' });
    expect(h.skus()).toEqual(expectedSkus(h));
    const state = h.repo.state();
    expect(state.watermark).toBe(started - SECOND - 10 * MINUTE);
    expect(state.itemCount).toBe(h.skus().length);
    expect(lastRun(h)).toMatchObject({ mode: 'full', outcome: 'ok', received: h.skus().length, inserted: h.skus().length, updated: 0, deleted: 0 });
    expect(lastRun(h).message).toMatch(/^Full load: \d+ items received; \d+ new\.$/);
  });

  it('writes the rows in a worker of its own: the store’s connection keeps waiting for the disk at every commit, and copies the log back only once the load is done', async () => {
    const seen: { synchronous: number; autocheckpoint: number }[] = [];
    const pragmas = () => ({ synchronous: h.db.pragma('synchronous', { simple: true }) as number, autocheckpoint: h.db.pragma('wal_autocheckpoint', { simple: true }) as number });
    h = await startHarness({ sync: { onProgress: (p) => void (p.phase === 'applying' && seen.push(pragmas())) } });
    await h.run();
    expect(lastRun(h)).toMatchObject({ outcome: 'ok' });
    // 2 = FULL, the store's setting; the worker checkpoints the rows it wrote, not this connection.
    expect(seen.length).toBeGreaterThan(2);
    expect(new Set(seen.map((x) => JSON.stringify(x)))).toEqual(new Set([JSON.stringify({ synchronous: 2, autocheckpoint: 0 })]));
    expect(pragmas()).toEqual({ synchronous: 2, autocheckpoint: 1000 });
    h.host.injectFault('simpleconsign-inventory', { kind: 'malformed', count: 1, retryAfterSeconds: 0, delayMs: 0 });
    await h.run('reload');
    expect(lastRun(h)).toMatchObject({ outcome: 'failed' });
    expect(pragmas()).toEqual({ synchronous: 2, autocheckpoint: 1000 });
  });

  it('sends the request options from the settings', async () => {
    h = await startHarness({ settings: { category: 'CLOTHING', consignorId: '100003', includeOnlyEcommerceItems: true, includeItemsWithQuantityZero: true } });
    await h.run();
    expect(h.bodies[0]).toEqual({
      key: 'test-inventory-key', category: 'CLOTHING', consignorId: '100003', includeOnlyEcommerceItems: 'true', includeItemsWithQuantityZero: 'true', includeInactiveItems: 'false',
    });
    expect(lastRun(h).outcome).toBe('ok');
  });
});

describe('later loads', () => {
  it('asks for changes since the watermark including inactive items, and updates, inserts and deletes', async () => {
    h = await startHarness();
    await h.run();
    const watermark = h.repo.state().watermark!;
    h.clock.t += 5 * MINUTE;
    const changed = h.sim.tick(40);
    const second = h.clock.t;
    await h.run();
    expect(h.bodies[1]).toEqual({ key: 'test-inventory-key', includeItemsWithQuantityZero: 'true', includeInactiveItems: 'true', modifiedSince: String(watermark) });
    expect(h.skus()).toEqual(expectedSkus(h));
    for (const sku of changed.updated) {
      const vendor = h.sim.store.item(sku)!;
      const local = h.search.getItem(sku);
      if (vendor.quantity === 0) expect(local).toBeNull();
      else expect(local).toMatchObject({ currentPriceCents: vendor.currentPrice, quantity: vendor.quantity, status: vendor.status });
    }
    for (const sku of changed.inactivated) expect(h.search.getItem(sku)).toBeNull();
    for (const sku of changed.added) expect(h.search.getItem(sku)?.sku === sku).toBe(h.sim.store.item(sku)!.quantity !== 0);
    const run = lastRun(h);
    expect(run).toMatchObject({ mode: 'incremental', outcome: 'ok' });
    expect(run.inserted).toBe(changed.added.filter((s) => h.sim.store.item(s)!.quantity !== 0).length);
    expect(run.deleted).toBeGreaterThanOrEqual(changed.inactivated.length > 0 ? 1 : 0);
    expect(h.repo.state().watermark).toBe(second - SECOND - 10 * MINUTE);
  });

  it('uses the overlap setting, and the overlap re-reads changes near the watermark harmlessly', async () => {
    h = await startHarness({ settings: { overlapMinutes: 5 } });
    const started = h.clock.t;
    h.sim.tick(1);
    await h.run();
    expect(h.repo.state().watermark).toBe(started - SECOND - 5 * MINUTE);
    h.clock.t += 2 * MINUTE;
    const changed = h.sim.tick(5);
    await h.run();
    h.clock.t += 2 * MINUTE;
    await h.run();
    // The third load still sees the second one's changes (they are within the overlap) and applies them again.
    expect(lastRun(h).received).toBeGreaterThanOrEqual(changed.updated.length + changed.added.length);
    expect(h.skus()).toEqual(expectedSkus(h));
  });

  it('applies a change set in place with the log left to a worker, which copies it back into the file before the load ends', async () => {
    h = await startHarness();
    await h.run();
    const pragma = vi.spyOn(h.db, 'pragma');
    h.sim.tick(20);
    h.clock.t += MINUTE;
    await h.run('scheduled');
    expect(lastRun(h)).toMatchObject({ mode: 'incremental', outcome: 'ok' });
    // The commit does not copy the log back on the store's connection (the main thread's)...
    expect(pragma.mock.calls.map(([sql]) => sql).filter((sql) => sql.startsWith('wal_autocheckpoint ='))).toEqual(['wal_autocheckpoint = 0', 'wal_autocheckpoint = 1000']);
    pragma.mockRestore();
    // ...a worker has: the log's last frame and the last one copied back, as the store's shared index counts them.
    const shm = fs.readFileSync(`${h.db.name}-shm`);
    expect(shm.readUInt32LE(16)).toBeGreaterThan(0);
    expect(shm.readUInt32LE(96)).toBe(shm.readUInt32LE(16));
  });

  it('drops items that sold out unless quantity-zero items are kept', async () => {
    h = await startHarness();
    await h.run();
    const [gone, kept] = h.skus();
    h.clock.t += MINUTE;
    h.sim.adjustQuantity(gone, -100);
    await h.run();
    expect(h.search.getItem(gone)).toBeNull();
    expect(lastRun(h)).toMatchObject({ deleted: 1 });
    h.settings.includeItemsWithQuantityZero = true;
    await h.run();
    expect(lastRun(h).mode).toBe('full');
    h.clock.t += MINUTE;
    h.sim.adjustQuantity(kept, -100);
    await h.run();
    expect(h.search.getItem(kept)).toMatchObject({ quantity: 0 });
  });

  it('applies a large change set to a copy of the copy and switches in one step', async () => {
    h = await startHarness({ sync: { largeChangeSet: 10 } });
    await h.run();
    const gen = h.repo.state().gen;
    h.clock.t += MINUTE;
    h.sim.tick(60);
    await h.run();
    expect(lastRun(h)).toMatchObject({ mode: 'incremental', outcome: 'ok' });
    expect(h.repo.state().gen).toBe(gen + 1);
    expect(h.skus()).toEqual(expectedSkus(h));
    expect(allRows(h)).toBe(h.skus().length);
  });
});

describe('full reload and what forces one', () => {
  it('rebuilds the copy, removing items SimpleConsign no longer lists', async () => {
    h = await startHarness();
    await h.run();
    const { gen } = h.repo.state();
    const ghost = readItem({ sku: 'GHOST1', name: 'Gone from the store' });
    if (ghost.ok) h.repo.upsert(gen, ghost.record);
    expect(h.search.getItem('ghost1')?.name).toBe('Gone from the store');
    await h.run('reload');
    expect(lastRun(h)).toMatchObject({ mode: 'full', trigger: 'reload', outcome: 'ok' });
    expect(h.search.getItem('GHOST1')).toBeNull();
    expect(h.skus()).toEqual(expectedSkus(h));
    expect(allRows(h)).toBe(h.skus().length);
  });

  it('makes the next load a full one when the request options change', async () => {
    h = await startHarness();
    await h.run();
    h.settings.category = 'GAMES';
    expect(h.sync.needsFullLoad(h.repo.state(), 'training')).toBe(true);
    await h.run();
    expect(lastRun(h).mode).toBe('full');
    expect(h.bodies[1].modifiedSince).toBeUndefined();
    expect((await h.search.categories()).map((c) => c.name)).toEqual(['GAMES']);
  });
});

describe('while a load runs', () => {
  it('searches keep answering from the current copy, and progress counts received and applied items', async () => {
    const seen: Promise<{ total: number; applied: number; received: number }>[] = [];
    h = await startHarness({
      sync: {
        onProgress: (p) => {
          if (p.phase !== 'applying') return;
          const { applied, received } = p;
          const total = h.search.search({ query: '', category: null, stock: 'all', ecommerceOnly: false, inStockOnly: false, activeOnly: false, sort: 'sku', offset: 0, limit: 1 });
          seen.push(total.then((r) => ({ total: r.total, applied, received })));
        },
      },
    });
    await h.run();
    const count = h.repo.state().itemCount;
    seen.length = 0;
    await h.run('reload');
    const saw = await Promise.all(seen);
    expect(saw.length).toBeGreaterThan(3);
    // Items are counted as the answer's bytes are scanned, ahead of those applied.
    expect(saw.every((s) => s.total === count && s.received >= s.applied && s.received <= count)).toBe(true);
    expect(saw.map((s) => s.applied)).toEqual([...saw.map((s) => s.applied)].sort((a, b) => a - b));
    expect(saw.at(-1)!.applied).toBe(count);
    expect(h.sync.progress()).toBeNull();
  });

  it('a second "sync now" joins the running load; a full reload is refused until it ends', async () => {
    h = await startHarness();
    const first = h.sync.start('manual');
    expect(h.sync.start('manual')).toBe(first);
    expect(() => h.sync.start('reload')).toThrow('A load is already running');
    await first;
    expect(h.bodies).toHaveLength(1);
  });
});

describe('connection health', () => {
  it('a failed load marks SimpleConsign failing and the next load that works clears it', async () => {
    const seen: [boolean, string][] = [];
    h = await startHarness({ sync: { health: (ok, message) => seen.push([ok, message]) } });
    h.host.injectFault('simpleconsign-inventory', { kind: 'unavailable', count: 1, retryAfterSeconds: 120, delayMs: 0 });
    await h.run();
    expect(seen).toEqual([[false, expect.stringContaining('at capacity (HTTP 503)')]]);
    await h.run();
    expect(seen[1]).toEqual([true, expect.stringMatching(/^Inventory loaded: [\d,]+ items? received\.$/)]);
  });
});
