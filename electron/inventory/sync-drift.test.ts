import { afterEach, describe, expect, it } from 'vitest';
import { VendorHttp } from '../core/http/vendor-http';
import { checkAndClose, copyDiff, expectedSkus, lastRun, startHarness, type Harness } from './test-harness';

const MINUTE = 60_000;
let h: Harness;
afterEach(() => checkAndClose(h));

const activeIn = (x: Harness, pred: (i: Record<string, unknown>) => boolean) =>
  x.sim.store.query({ ecommerceOnly: false, includeZero: false, includeInactive: false }).filter(pred).map((i) => String(i.sku)).sort();

describe('filters set in the sync settings do not let the copy drift', () => {
  it('with a category: later loads ask unfiltered, and an item moved out of the category leaves the copy', async () => {
    h = await startHarness({ settings: { category: 'CLOTHING' } });
    await h.run();
    expect(h.bodies[0]).toMatchObject({ category: 'CLOTHING' });
    const clothing = activeIn(h, (i) => i.category === 'CLOTHING');
    expect(h.skus()).toEqual(clothing);
    const [leaving] = clothing;
    const arriving = activeIn(h, (i) => i.category === 'GAMES')[0];
    h.clock.t += 5 * MINUTE;
    h.sim.store.moveToCategory(leaving, 'GAMES');
    h.sim.store.moveToCategory(arriving, 'Clothing');
    await h.run();
    expect(h.bodies[1]).not.toHaveProperty('category');
    expect(lastRun(h)).toMatchObject({ mode: 'incremental', outcome: 'ok' });
    expect(h.skus()).not.toContain(leaving);
    expect(h.skus()).toContain(arriving);
    expect(h.skus()).toEqual(activeIn(h, (i) => String(i.category).toUpperCase() === 'CLOTHING'));
  });

  for (const sendsEcommerceFlag of [true, false]) {
    it(`with "E-commerce only", an item unflagged leaves the copy and one flagged joins it (store ${sendsEcommerceFlag ? 'sends' : 'does not send'} the flag)`, async () => {
      h = await startHarness({ sim: { sendsEcommerceFlag }, settings: { includeOnlyEcommerceItems: true } });
      await h.run();
      const flagged = h.sim.store.query({ ecommerceOnly: true, includeZero: false, includeInactive: false }).map((i) => String(i.sku)).sort();
      expect(h.skus()).toEqual(flagged);
      const unflag = flagged[0];
      const flag = activeIn(h, (i) => !flagged.includes(String(i.sku)))[0];
      h.clock.t += 5 * MINUTE;
      h.sim.store.setEcommerce(unflag, false);
      h.sim.store.setEcommerce(flag, true);
      await h.run();
      // Without the flag in the items, a second request says which changed items are E-commerce items.
      expect(h.bodies.slice(1).map((b) => b.includeOnlyEcommerceItems)).toEqual(sendsEcommerceFlag ? [undefined] : [undefined, 'true']);
      expect(h.skus()).toEqual(h.sim.store.query({ ecommerceOnly: true, includeZero: false, includeInactive: false }).map((i) => String(i.sku)).sort());
      expect(h.skus()).toContain(flag);
      expect(h.skus()).not.toContain(unflag);
    });
  }
});

describe('the E-commerce flag, which the document does not list', () => {
  for (const sendsEcommerceFlag of [true, false]) {
    it(`is known after a full load for the search screen's filter (store ${sendsEcommerceFlag ? 'sends' : 'does not send'} it)`, async () => {
      h = await startHarness({ sim: { sendsEcommerceFlag } });
      await h.run();
      // Without the flag in the items, one more request, for E-commerce items only, tells them apart.
      expect(h.bodies.map((b) => b.includeOnlyEcommerceItems)).toEqual(sendsEcommerceFlag ? [undefined] : [undefined, 'true']);
      const flagged = h.sim.store.query({ ecommerceOnly: true, includeZero: false, includeInactive: false }).map((i) => String(i.sku)).sort();
      const found = (await h.search.search({ query: '', category: null, stock: 'all', ecommerceOnly: true, inStockOnly: false, activeOnly: false, sort: 'sku', offset: 0, limit: 500 }));
      expect(found.items.map((i) => i.sku).sort()).toEqual(flagged);
    });
  }
});

describe('the E-commerce request of a store that does not send the flag', () => {
  it('is sent while the rows are still being written, not after them', async () => {
    // The items' answer arrives in two halves; the second only once the E-commerce request has gone out.
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    let appliedWhenAsked = -1;
    const gated: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      if ((JSON.parse(String(init?.body)) as Record<string, string>).includeOnlyEcommerceItems === 'true') {
        appliedWhenAsked = h.sync.progress()?.applied ?? -1;
        release();
        return res;
      }
      const bytes = new Uint8Array(await res.arrayBuffer());
      const half = Math.floor(bytes.length / 2);
      const body = new ReadableStream<Uint8Array>({
        async start(c) {
          c.enqueue(bytes.slice(0, half));
          await released;
          c.enqueue(bytes.slice(half));
          c.close();
        },
      });
      return new Response(body, { status: res.status, headers: res.headers });
    };
    h = await startHarness({ sim: { sendsEcommerceFlag: false }, sync: { http: new VendorHttp({ fetch: gated }) } });
    await h.run();
    expect(lastRun(h)).toMatchObject({ mode: 'full', outcome: 'ok' });
    expect(h.bodies.map((b) => b.includeOnlyEcommerceItems)).toEqual([undefined, 'true']);
    // It went out as the first items were read, with most rows still to write (half the answer had not even arrived).
    expect(appliedWhenAsked).toBeGreaterThanOrEqual(0);
    expect(appliedWhenAsked).toBeLessThan(lastRun(h).received / 2);
    expect(copyDiff(h)).toEqual({ missing: [], extra: [], wrong: [] });
  });
});

describe('clocks', () => {
  it('with SimpleConsign’s clock 12 minutes behind, a change made just after a load is found by the next one, and the run says why', async () => {
    const clock = { t: Date.UTC(2026, 2, 2, 9, 0, 0) };
    h = await startHarness({ sim: { now: () => clock.t - 12 * MINUTE, stampOffsetMs: 0 } });
    clock.t = h.clock.t;
    const sync = () => {
      clock.t = h.clock.t;
    };
    await h.run();
    sync();
    expect(lastRun(h).warnings.join(' ')).toContain('SimpleConsign’s clock is 12 minutes behind this computer’s');
    h.clock.t += MINUTE;
    sync();
    const changed = h.sim.tick(20);
    h.clock.t += 4 * MINUTE;
    sync();
    await h.run();
    expect(lastRun(h)).toMatchObject({ mode: 'incremental', outcome: 'ok' });
    expect(lastRun(h).received).toBeGreaterThanOrEqual(changed.updated.length + changed.added.length + changed.inactivated.length - 1);
    expect(h.skus()).toEqual(expectedSkus(h));
  });

  for (const minutes of [-12, 12]) {
    it(`with the items’ stamps ${Math.abs(minutes)} minutes ${minutes < 0 ? 'behind' : 'ahead of'} the Date header, 1,000 changes leave nothing missing and nothing wrong, and the runs say so`, async () => {
      h = await startHarness({ sim: { items: 2000, stampOffsetMs: minutes * MINUTE } });
      await h.run();
      let changes = 0;
      while (changes < 1000) {
        // A load every five minutes, the store's staff changing items all the while.
        for (let m = 0; m < 5; m++) {
          h.clock.t += MINUTE;
          const r = h.sim.tick(5);
          changes += r.updated.length + r.added.length + r.inactivated.length;
        }
        await h.run();
        expect(lastRun(h)).toMatchObject({ mode: 'incremental', outcome: 'ok' });
      }
      expect(copyDiff(h)).toEqual({ missing: [], extra: [], wrong: [] });
      const said = h.repo.recentRuns(40).flatMap((r) => r.warnings);
      if (minutes < 0) expect(said.some((w) => /change times at least 1[12] minutes behind its own clock/.test(w))).toBe(true);
      else expect(said.some((w) => /change times up to 1[12] minutes ahead of its own clock/.test(w))).toBe(true);
      // Where the stamps run behind, the next load asks from the newest stamp seen, not from the Date header.
      const state = h.repo.state();
      expect(state.watermark).toBe(Math.min(state.clockStart!, state.newestStamp!) - 10 * MINUTE);
    });
  }

  it('with both clocks in step, no run warns and the watermark follows the Date header', async () => {
    h = await startHarness({ sim: { stampOffsetMs: 0 } });
    await h.run();
    h.clock.t += MINUTE;
    h.sim.tick(30);
    h.clock.t += 4 * MINUTE;
    await h.run();
    expect(h.repo.recentRuns(2).flatMap((r) => r.warnings)).toEqual([]);
    expect(copyDiff(h)).toEqual({ missing: [], extra: [], wrong: [] });
  });

  it('with a till stamping changes a few minutes off the server, the overlap still finds them', async () => {
    h = await startHarness({ sim: { stampOffsetMs: -4 * MINUTE } });
    await h.run();
    h.clock.t += 30_000;
    h.sim.tick(25);
    h.clock.t += 5 * MINUTE;
    await h.run();
    expect(h.skus()).toEqual(expectedSkus(h));
  });
});

describe('what the screen offers and shows', () => {
  it('the first load’s progress says "full" from the moment it starts', async () => {
    h = await startHarness();
    const done = h.sync.start('manual');
    expect(h.sync.progress()).toMatchObject({ mode: 'full', phase: 'requesting' });
    await done;
    h.clock.t += MINUTE;
    const next = h.sync.start('manual');
    expect(h.sync.progress()).toMatchObject({ mode: 'incremental' });
    await next;
  });

  it('"reload changes since" asks from the chosen moment and then moves the watermark on as usual', async () => {
    h = await startHarness();
    await h.run();
    const since = h.clock.t - 3 * 24 * 60 * MINUTE;
    h.clock.t += MINUTE;
    const started = h.clock.t;
    await h.sync.start('manual', { since });
    expect(h.bodies[1]).toMatchObject({ modifiedSince: String(since), includeInactiveItems: 'true' });
    expect(lastRun(h)).toMatchObject({ mode: 'incremental', outcome: 'ok' });
    // The run's start on the Date clock, or the newest change stamp seen when that is older (a quiet store's last change).
    const state = h.repo.state();
    expect(state.clockStart).toBe(started - 1000);
    expect(state.watermark).toBe(Math.min(started - 1000, state.newestStamp!) - 10 * MINUTE);
    expect(state.watermark).toBeGreaterThan(since);
  });
});
