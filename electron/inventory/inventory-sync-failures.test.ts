import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../core/app-error';
import type { InventorySimOptions } from '../simpleconsign/inventory-sim';
import { ftsTable, itemsTable, slotOf } from './slot-schema';
import { allRows, checkAndClose, currentTable, lastRun, startHarness, type Harness } from './test-harness';

const MINUTE = 60_000;
let h: Harness;
afterEach(() => checkAndClose(h));

/** Everything a failed run must leave exactly as it was. */
function snapshot(x: Harness) {
  const s = x.repo.state();
  return {
    rows: x.db.prepare(`SELECT * FROM ${itemsTable(slotOf(s.gen))} ORDER BY sku`).all(),
    watermark: s.watermark,
    gen: s.gen,
    dataVersion: s.dataVersion,
    itemCount: s.itemCount,
    otherGenerations: x.db.prepare(`SELECT count(*) FROM ${itemsTable(slotOf(s.gen + 1))}`).pluck().get(),
    fts: x.db.prepare(`SELECT rowid FROM ${ftsTable(slotOf(s.gen))} WHERE ${ftsTable(slotOf(s.gen))} MATCH 'a* OR e* OR o*' ORDER BY rowid`).pluck().all(),
    ftsSegments: x.db.prepare(`SELECT count(*) FROM ${ftsTable(slotOf(s.gen))}_data`).pluck().get(),
  };
}
describe('failures leave the copy and the watermark as they were', () => {
  async function loaded() {
    h = await startHarness();
    await h.run();
    h.clock.t += 5 * MINUTE;
    h.sim.tick(30);
    return snapshot(h);
  }

  it('an outage (503): specific message, retry later', async () => {
    const before = await loaded();
    h.host.injectFault('simpleconsign-inventory', { kind: 'unavailable', count: 1, retryAfterSeconds: 120, delayMs: 0 });
    await h.run();
    expect(lastRun(h)).toMatchObject({ outcome: 'failed', message: expect.stringContaining('at capacity (HTTP 503)') });
    expect(lastRun(h).message).toContain('The local copy is unchanged.');
    expect(snapshot(h)).toEqual(before);
    expect(h.sync.retryAt).toBe(h.clock.t + 2 * MINUTE);
  });

  it('a broken answer (malformed JSON, an HTML page)', async () => {
    const before = await loaded();
    h.host.injectFault('simpleconsign-inventory', { kind: 'malformed', count: 1, retryAfterSeconds: 0, delayMs: 0 });
    await h.run();
    expect(lastRun(h)).toMatchObject({ outcome: 'failed', message: expect.stringContaining('not valid JSON') });
    h.host.injectFault('simpleconsign-inventory', { kind: 'html', count: 1, retryAfterSeconds: 0, delayMs: 0 });
    await h.run();
    expect(lastRun(h)).toMatchObject({ outcome: 'failed', message: expect.stringContaining('a web page (HTML)') });
    expect(snapshot(h)).toEqual(before);
  });

  /** Runs `fault` once the next full load's worker has emptied the slot it writes into, before any row reaches it. */
  async function loadedWithFault(sim: InventorySimOptions = {}) {
    let fault: ((next: string) => void) | null = null;
    h = await startHarness({ sim, sync: { onSlotReady: (gen) => {
      fault?.(itemsTable(slotOf(gen)));
      fault = null;
    } } });
    await h.run();
    h.clock.t += 5 * MINUTE;
    h.sim.tick(30);
    return { before: snapshot(h), setFault: (f: (next: string) => void) => (fault = f) };
  }

  const failOn = (table: string, sku: unknown) => `CREATE TRIGGER fail_one BEFORE INSERT ON ${table} WHEN new.sku = '${String(sku)}' BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END`;

  it('a write failing halfway through a full reload', async () => {
    const { before, setFault } = await loadedWithFault();
    const victim = h.sim.store.query({ ecommerceOnly: false, includeZero: false, includeInactive: false })[200].sku;
    let written = 0;
    setFault((next) => {
      h.db.exec(failOn(next, victim));
      written = -1;
    });
    await h.run('reload');
    expect(written).toBe(-1);
    expect(lastRun(h)).toMatchObject({ outcome: 'failed', message: expect.stringContaining('disk I/O error') });
    expect(snapshot(h)).toEqual(before);
  });

  it('a write failing while the E-commerce request of a store without the flag is on its way', async () => {
    const { before, setFault } = await loadedWithFault({ sendsEcommerceFlag: false });
    const victim = h.sim.store.query({ ecommerceOnly: false, includeZero: false, includeInactive: false })[120].sku;
    setFault((next) => h.db.exec(failOn(next, victim)));
    await h.run('reload');
    expect(lastRun(h)).toMatchObject({ outcome: 'failed', message: expect.stringContaining('disk I/O error') });
    expect(snapshot(h)).toEqual(before);
  });

  it('the answer breaking off after many rows were written', async () => {
    const before = await loaded();
    const handle = h.sim.handle.bind(h.sim);
    h.sim.handle = (req) => {
      const out = handle(req);
      // The first two thirds of the answer, then bytes that are not JSON.
      const text = typeof out.body === 'string' ? out.body : Buffer.isBuffer(out.body) ? out.body.toString() : JSON.stringify(out.body);
      return { ...out, body: `${text.slice(0, Math.floor((text.length * 2) / 3))}<html>` };
    };
    await h.run('reload');
    expect(lastRun(h)).toMatchObject({ outcome: 'failed', message: expect.stringContaining('not valid JSON') });
    expect(snapshot(h)).toEqual(before);
  });

  it('the index build failing after every row was written', async () => {
    const { before, setFault } = await loadedWithFault();
    // A table holding the name of an index the build creates makes that step fail.
    setFault((next) => h.db.exec(`CREATE TABLE ${next}_name (x)`));
    await h.run('reload');
    expect(lastRun(h)).toMatchObject({ outcome: 'failed', message: expect.stringMatching(/already a table named inventory_items_\d_name/) });
    expect(snapshot(h)).toEqual(before);
  });

  it('a write failing in the middle of an incremental load', async () => {
    const before = await loaded();
    // The third update fails: earlier writes of the same load must be rolled back with it.
    h.db.exec(`
      CREATE TABLE hits (n INTEGER NOT NULL); INSERT INTO hits VALUES (0);
      CREATE TRIGGER fail_late BEFORE UPDATE ON ${currentTable(h.db)} BEGIN
        UPDATE hits SET n = n + 1;
        SELECT RAISE(ABORT, 'constraint failed') WHERE (SELECT n FROM hits) >= 3;
      END`);
    await h.run();
    expect(lastRun(h)).toMatchObject({ outcome: 'failed', mode: 'incremental', message: expect.stringContaining('constraint failed') });
    expect(h.db.prepare('SELECT n FROM hits').pluck().get()).toBe(0);
    expect(snapshot(h)).toEqual(before);
  });

  it('the app stopping mid-load', async () => {
    let stopAt = -1;
    h = await startHarness({ sync: { onProgress: (p) => void (stopAt >= 0 && p.applied >= stopAt && h.sync.stop()) } });
    await h.run();
    await h.run('reload');
    const before = snapshot(h);
    stopAt = 100;
    await h.run('reload');
    expect(lastRun(h)).toMatchObject({ outcome: 'interrupted', message: expect.stringContaining('stopped before it finished') });
    const after = snapshot(h);
    expect({ ...after, otherGenerations: 0 }).toEqual({ ...before, otherGenerations: 0 });
    // The abandoned generation is invisible to searches and cleared by the next load.
    expect((await h.search.search({ query: '', category: null, stock: 'all', ecommerceOnly: false, inStockOnly: false, activeOnly: false, sort: 'sku', offset: 0, limit: 500 })).total).toBe(before.itemCount);
    stopAt = -1;
    await h.run();
    expect(allRows(h)).toBe(h.repo.state().itemCount);
  });

  it('the request cap pauses every load until SimpleConsign allows it, and says when', async () => {
    h = await startHarness({ sim: { requestCap: 1 } });
    await h.run();
    // The simulator counted the request when it answered it.
    const counted = h.clock.t;
    const before = snapshot(h);
    h.clock.t += MINUTE;
    await h.run();
    expect(lastRun(h)).toMatchObject({ outcome: 'failed', message: expect.stringContaining('You have made too many API requests in the last ten minutes') });
    expect(h.repo.state().pausedUntil).toBe(counted + 10 * MINUTE);
    expect(snapshot(h)).toEqual(before);
    expect(() => h.sync.start('manual')).toThrow(AppError);
    expect(() => h.sync.start('manual')).toThrow('The next load can start in 9 minutes.');
    h.clock.t = counted + 10 * MINUTE;
    await h.run();
    expect(lastRun(h).outcome).toBe('ok');
    expect(h.repo.state().pausedUntil).toBeNull();
  });

  it('an invalid key and an unknown category, each in its own words', async () => {
    h = await startHarness({ settings: { category: 'HOVERCRAFT' } });
    await h.run();
    expect(lastRun(h).message).toBe(
      'SimpleConsign does not know the category “HOVERCRAFT”. SimpleConsign said: “Category not found: HOVERCRAFT”. Correct the category in the sync settings or leave it empty. The local copy is unchanged.',
    );
    h.settings.category = '';
    h.conn.secrets.apiKey = 'wrong-key';
    await h.run();
    expect(lastRun(h).message).toBe('SimpleConsign refused the API key. SimpleConsign said: “Invalid API key”. Check the Location API key on the Connections screen. The local copy is unchanged.');
    expect(h.repo.state().watermark).toBeNull();
    expect(h.sync.retryAt).toBeNull();
  });
});

describe('a store that cannot take the load', () => {
  it('shows a failed load with "the disk is full" in its status', async () => {
    h = await startHarness();
    const pages = h.db.pragma('page_count', { simple: true }) as number;
    h.db.pragma(`max_page_count = ${pages}`);
    await h.run();
    const run = h.sync.unrecorded ?? lastRun(h);
    expect(run).toMatchObject({ outcome: 'failed', message: expect.stringMatching(/^The disk is full/) });
    h.db.pragma('max_page_count = 1073741823');
  });
});
