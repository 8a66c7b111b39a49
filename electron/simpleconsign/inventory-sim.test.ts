import { jsonHeaders, simRequest } from '../testing/sim-request';
import { describe, expect, it } from 'vitest';
import { CAP_MESSAGE, SimpleConsignInventorySimulator } from './inventory-sim';
import { stampOffsetFor } from './inventory-sim-store';
import { pngSize } from '../training/png';
import { SimpleConsignImagesSimulator } from './inventory-sim-images';

const KEY = 'sim-key';

const request = (body: unknown, headers: Record<string, string> = jsonHeaders, method = 'POST') => simRequest(body, { headers, method });

function make(opts: { items?: number; cap?: number; clock?: { t: number } } = {}) {
  const clock = opts.clock ?? { t: Date.UTC(2026, 0, 15, 12) };
  const sim = new SimpleConsignInventorySimulator({ items: opts.items ?? 2000, keys: [KEY], requestCap: opts.cap ?? 1000, now: () => clock.t, changesPerMinute: 0, sendsEcommerceFlag: true, stampOffsetMs: 0 });
  const ask = (params: Record<string, unknown> = {}) => sim.handle(request({ key: KEY, ...params }));
  const results = (params: Record<string, unknown> = {}) => {
    const res = ask(params);
    expect(res.status).toBe(200);
    return (res.body as { results: Record<string, unknown>[] }).results;
  };
  return { sim, clock, ask, results };
}

describe('simulated store', () => {
  it('serializes a large answer a slice at a time into the same JSON', () => {
    const { sim } = make({ items: 21_000 });
    const res = sim.handle(request({ key: KEY, includeItemsWithQuantityZero: 'true', includeInactiveItems: 'true' }));
    expect(Buffer.isBuffer(res.body)).toBe(true);
    const parsed = JSON.parse(String(res.body)) as { results: Record<string, unknown>[] };
    expect(parsed.results).toHaveLength(21_000);
    expect(parsed.results[20_000]).toEqual(sim.store.item(String(parsed.results[20_000].sku)));
  });

  it('varies by seed whether items carry the E-commerce flag and whose clock stamps a change', () => {
    const stores = [1, 2, 3, 4, 5, 6, 7, 8].map((seed) => new SimpleConsignInventorySimulator({ seed, items: 10, now: () => 0 }).store);
    expect(new Set(stores.map((s) => s.sendsEcommerceFlag))).toEqual(new Set([true, false]));
    expect(stores.some((s) => s.stampOffsetMs === 0)).toBe(true);
    expect(stores.some((s) => s.stampOffsetMs !== 0 && Math.abs(s.stampOffsetMs) <= 4 * 60_000)).toBe(true);
    const flagless = stores.find((s) => !s.sendsEcommerceFlag)!;
    expect(flagless.query({ ecommerceOnly: false, includeZero: true, includeInactive: true }).some((i) => 'ecommerceItem' in i)).toBe(false);
  });

  it('sends its own clock in the Date header, and stamps changes by the till’s clock when told', () => {
    const clock = { t: Date.UTC(2026, 0, 15, 12) };
    const sim = new SimpleConsignInventorySimulator({ items: 50, keys: [KEY], now: () => clock.t, changesPerMinute: 0, stampOffsetMs: -180_000 });
    expect(sim.handle(request({ key: KEY })).headers).toMatchObject({ Date: 'Thu, 15 Jan 2026 12:00:00 GMT' });
    const changed = sim.tick(1).updated[0] ?? sim.tick(5).updated[0];
    expect(sim.store.item(changed)!.lastUpdated).toBe(clock.t - 180_000);
  });

  it('is the same store for the same seed, with the variety of a real shop', () => {
    const a = make().results({ includeItemsWithQuantityZero: 'true', includeInactiveItems: 'true' });
    const b = make().results({ includeItemsWithQuantityZero: 'true', includeInactiveItems: 'true' });
    expect(a).toEqual(b);
    expect(a).toHaveLength(2000);
    expect(new Set(a.map((i) => i.sku)).size).toBe(2000);
    const share = (pred: (i: Record<string, unknown>) => boolean) => a.filter(pred).length / a.length;
    expect(share((i) => i.consignmentItem === true)).toBeGreaterThan(0.5);
    expect(share((i) => i.consignmentItem === false)).toBeGreaterThan(0.2);
    expect(share((i) => i.state === 'I')).toBeGreaterThan(0.01);
    expect(share((i) => i.quantity === 0)).toBeGreaterThan(0.02);
    expect(share((i) => i.ecommerceItem === true)).toBeGreaterThan(0.1);
    expect(share((i) => 'dicsount' in i)).toBeGreaterThan(0.01);
    expect(share((i) => typeof i.images === 'string' && i.images.includes(','))).toBeGreaterThan(0.05);
    expect(share((i) => Array.isArray(i.images) && i.images.length > 0)).toBeGreaterThan(0.05);
    expect(share((i) => !('brand' in i))).toBeGreaterThan(0.01);
    expect(share((i) => 'weight' in i || 'dimensions' in i)).toBeGreaterThan(0.3);
    const names = a.flatMap((i) => (Array.isArray(i.images) ? i.images : String(i.images ?? '').split(',')).filter(Boolean));
    expect(names.some((n) => /\.jpe?g$/.test(n))).toBe(true);
    expect(names.some((n) => n.endsWith('.png'))).toBe(true);
    expect(new Set(a.map((i) => i.category)).size).toBeGreaterThan(8);
    expect(a.every((i) => Number.isInteger(i.retail) && Number.isInteger(i.currentPrice))).toBe(true);
  });

  it('grows to 200,000 items', () => {
    const { sim } = make({ items: 200_000 });
    expect(sim.store.size).toBe(200_000);
    expect(sim.store.item(sim.store.fixed(199_999).sku)).toMatchObject({ sku: sim.store.fixed(199_999).sku });
  });
});

describe('request options', () => {
  const all = make().results({ includeItemsWithQuantityZero: true, includeInactiveItems: true });

  it('leaves out inactive and quantity-zero items unless asked', () => {
    const plain = make().results();
    expect(plain.every((i) => i.state === 'A' && (i.quantity as number) > 0)).toBe(true);
    expect(plain.length).toBe(all.filter((i) => i.state === 'A' && (i.quantity as number) > 0).length);
    expect(make().results({ includeInactiveItems: 'true' }).some((i) => i.state === 'I')).toBe(true);
    expect(make().results({ includeItemsWithQuantityZero: 'true' }).some((i) => i.quantity === 0)).toBe(true);
  });

  it('filters by category (any case), consignor and the e-commerce flag', () => {
    const games = make().results({ category: 'games' });
    expect(games.length).toBeGreaterThan(0);
    expect(games.every((i) => i.category === 'GAMES')).toBe(true);
    const consignor = all.find((i) => i.consignorId)!.consignorId as string;
    expect(make().results({ consignorId: consignor, includeItemsWithQuantityZero: true, includeInactiveItems: true }).every((i) => i.consignorId === consignor)).toBe(true);
    expect(make().results({ includeOnlyEcommerceItems: 'true' }).every((i) => i.ecommerceItem === true)).toBe(true);
  });

  it('answers an unknown category with the vendor’s error', () => {
    const res = make().ask({ category: 'HOVERCRAFT' });
    expect(res).toMatchObject({ status: 400, body: { success: false, error: 'Category not found: HOVERCRAFT' } });
  });

  it('answers only items modified since the given time, given as a string or a number', () => {
    const t = make();
    const before = t.clock.t;
    t.clock.t += 60_000;
    const changed = t.sim.tick(10);
    const since = t.results({ modifiedSince: String(before + 1), includeInactiveItems: 'true', includeItemsWithQuantityZero: 'true' });
    expect(new Set(since.map((i) => i.sku))).toEqual(new Set([...changed.updated, ...changed.added, ...changed.inactivated]));
    expect(t.results({ modifiedSince: before + 1, includeInactiveItems: true, includeItemsWithQuantityZero: true })).toHaveLength(since.length);
    for (const sku of changed.inactivated) expect(since.find((i) => i.sku === sku)?.state).toBe('I');
    expect(t.ask({ modifiedSince: 'yesterday' })).toMatchObject({ status: 400, body: { success: false } });
  });

  it('refuses a flag that is not true or false', () => {
    expect(make().ask({ includeInactiveItems: 'maybe' })).toMatchObject({ status: 400, body: { error: expect.stringContaining('includeInactiveItems') } });
  });
});

describe('HTTP rules', () => {
  it('refuses a missing or wrong key with "Invalid API key"', () => {
    const { sim } = make();
    expect(sim.handle(request({ key: 'nope' }))).toMatchObject({ status: 401, body: { success: false, error: 'Invalid API key' } });
    expect(sim.handle(request({}))).toMatchObject({ status: 401, body: { error: 'Invalid API key' } });
  });

  it('answers 400 without JSON Accept/Content-Type headers or a JSON body', () => {
    const { sim } = make();
    expect(sim.handle(request({ key: KEY }, { accept: '*/*', 'content-type': 'application/json' })).status).toBe(400);
    expect(sim.handle(request({ key: KEY }, { accept: 'application/json', 'content-type': 'text/plain' })).status).toBe(400);
    expect(sim.handle(request('key=sim-key'))).toMatchObject({ status: 400, body: { success: false } });
    expect(sim.handle(request([KEY]))).toMatchObject({ status: 400 });
    expect(sim.handle(request({ key: KEY }, jsonHeaders, 'GET')).status).toBe(200);
    expect(sim.handle(request({ key: KEY }, jsonHeaders, 'DELETE')).status).toBe(405);
  });

  it('caps requests per key over a sliding ten minutes, saying when to come back', () => {
    const t = make({ cap: 3, items: 50 });
    for (let i = 0; i < 3; i++) {
      expect(t.ask().status).toBe(200);
      t.clock.t += 60_000;
    }
    const refused = t.ask();
    expect(refused).toMatchObject({ status: 429, body: { success: false, error: CAP_MESSAGE } });
    expect(refused.headers?.['Retry-After']).toBe(String(7 * 60));
    t.sim.acceptKey('other-key');
    expect(t.sim.handle(request({ key: 'other-key' })).status).toBe(200);
    t.clock.t += 7 * 60_000 + 1;
    expect(t.ask().status).toBe(200);
    expect(t.ask().status).toBe(429);
  });

  it('can be at capacity (503) for a number of requests', () => {
    const t = make({ items: 10 });
    t.sim.beAtCapacity(2);
    expect(t.ask()).toMatchObject({ status: 503, body: { success: false } });
    expect(t.ask().status).toBe(503);
    expect(t.ask().status).toBe(200);
  });
});

describe('changes over time and the shared catalog', () => {
  it('drifts with the clock so later loads have work, and reset restores the start', () => {
    const clock = { t: Date.UTC(2026, 0, 15, 12) };
    const sim = new SimpleConsignInventorySimulator({ items: 500, keys: [KEY], now: () => clock.t, changesPerMinute: 2 });
    const start = clock.t;
    clock.t += 30 * 60_000;
    const res = sim.handle(request({ key: KEY, modifiedSince: String(start + 1), includeInactiveItems: 'true', includeItemsWithQuantityZero: 'true' }));
    const changed = (res.body as { results: unknown[] }).results;
    expect(changed.length).toBeGreaterThanOrEqual(50);
    expect(changed.length).toBeLessThanOrEqual(60);
    sim.reset();
    const after = sim.handle(request({ key: KEY, modifiedSince: String(start + 1) }));
    expect((after.body as { results: unknown[] }).results).toHaveLength(0);
  });

  it('moves quantities for the transactions simulator and reports which SKUs exist', () => {
    const t = make({ items: 100 });
    const item = t.results()[0];
    const sku = String(item.sku);
    expect(t.sim.hasSku(sku)).toBe(true);
    expect(t.sim.hasSku(sku.toLowerCase())).toBe(true);
    expect(t.sim.hasSku('NOPE99')).toBe(false);
    t.clock.t += 1000;
    t.sim.adjustQuantity(sku, 2);
    expect(t.sim.store.item(sku)).toMatchObject({ quantity: (item.quantity as number) + 2, lastUpdated: t.clock.t });
    t.sim.adjustQuantity('NOPE99', -1);
    t.sim.adjustQuantity(sku, -1000);
    expect(t.sim.store.item(sku)?.quantity).toBe(0);
  });
});

describe('what the document leaves open, picked by the readings seed', () => {
  it('stamps changes on the Date header’s clock, a till’s a few minutes off, or a database server’s beyond the overlap either way', () => {
    const offsets = Array.from({ length: 400 }, (_, seed) => stampOffsetFor(seed));
    const minutes = offsets.map((ms) => ms / 60_000);
    expect(minutes.filter((m) => m === 0).length).toBeGreaterThan(60);
    expect(minutes.filter((m) => m !== 0 && Math.abs(m) <= 4).length).toBeGreaterThan(40);
    expect(minutes.filter((m) => m <= -11 && m >= -20).length).toBeGreaterThan(40);
    expect(minutes.filter((m) => m >= 11 && m <= 20).length).toBeGreaterThan(40);
    expect(minutes.every((m) => Math.abs(m) <= 4 || (Math.abs(m) >= 11 && Math.abs(m) <= 20))).toBe(true);
  });

  it('keeps the items of its own seed whatever the readings seed picks', () => {
    const a = new SimpleConsignInventorySimulator({ items: 50, keys: [KEY], readingsSeed: 1, sendsEcommerceFlag: true });
    const b = new SimpleConsignInventorySimulator({ items: 50, keys: [KEY], readingsSeed: 2, sendsEcommerceFlag: true });
    const skus = (sim: SimpleConsignInventorySimulator) => sim.store.query({ ecommerceOnly: false, includeZero: true, includeInactive: true }).map((i) => i.sku);
    expect(skus(a)).toEqual(skus(b));
  });

  it('stamps a change with its clock, off the Date header by the offset', () => {
    const clock = { t: Date.UTC(2026, 0, 15, 12) };
    const sim = new SimpleConsignInventorySimulator({ items: 20, keys: [KEY], now: () => clock.t, changesPerMinute: 0, stampOffsetMs: -12 * 60_000 });
    const sku = String(sim.store.query({ ecommerceOnly: false, includeZero: true, includeInactive: false })[0].sku);
    sim.adjustQuantity(sku, 1);
    expect(sim.store.item(sku)).toMatchObject({ lastUpdated: clock.t - 12 * 60_000 });
    expect(sim.handle(request({ key: KEY })).headers?.Date).toBe(new Date(clock.t).toUTCString());
  });
});

describe('image store', () => {
  const { sim } = make({ items: 400 });
  const images = new SimpleConsignImagesSimulator(sim.store);
  const get = (path: string) => images.handle({ method: 'GET', path, query: new URLSearchParams(), headers: {}, body: '', json: undefined });
  const all = sim.store.query({ ecommerceOnly: false, includeZero: true, includeInactive: true });
  const names = all.flatMap((i) => (Array.isArray(i.images) ? (i.images as string[]) : String(i.images ?? '').split(',').filter(Boolean)));
  const jpg = names.find((n) => n.endsWith('.jpg'))!;
  const png = names.find((n) => n.endsWith('.png'))!;

  it('serves JPEGs at the four optimized sizes and originals of every type', () => {
    const thumb = get(`/thumbnail/${jpg}`);
    expect(thumb.status).toBe(200);
    expect(thumb.headers?.['Content-Type']).toBe('image/png');
    expect(pngSize(thumb.body as Buffer)).toEqual({ width: 125, height: 94 });
    expect(pngSize(get(`/large/${jpg}`).body as Buffer)?.width).toBe(900);
    expect(get(`/${png}`).status).toBe(200);
  });

  it('has no optimized sizes for other types and nothing for unknown names', () => {
    expect(get(`/thumbnail/${png}`).status).toBe(404);
    expect(get('/thumbnail/zzzzzz-1.jpg').status).toBe(404);
    expect(get(`/huge/${jpg}`).status).toBe(404);
  });
});
