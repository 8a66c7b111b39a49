import { afterEach, describe, expect, it } from 'vitest';
import type { DraftBody } from '../../shared/sales/counter';
import { AppError } from '../core/app-error';
import { FakeDestination, makeSalesHarness, saleInput, type SalesHarness } from './test-support';

let h: SalesHarness;
afterEach(() => h.close());

function setup(start = false) {
  const sc = new FakeDestination('simpleconsign', 'SimpleConsign');
  const ifpos = new FakeDestination('ifpos', 'TRAX IFPOS');
  h = makeSalesHarness([sc, ifpos], { start });
  return { sc, counter: h.feature.counter };
}

const body = (skus: string[]): DraftBody => ({
  lines: skus.map((sku, i) => ({ key: i + 1, sku, name: sku, quantity: 1, unitPriceCents: 1000, taxable: true, stock: null })),
  orderNumber: '',
  taxRate: '8.25',
  paymentMethod: 'cash',
  tendered: '',
});

async function refusal(work: Promise<unknown> | (() => unknown)): Promise<AppError> {
  const error = await Promise.resolve()
    .then(() => (typeof work === 'function' ? work() : work))
    .then(
      () => undefined,
      (e: unknown) => e,
    );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('the counter', () => {
  it('keeps how a sale was paid, its change and tax rate, and clears the draft it came from', async () => {
    const { counter } = setup();
    counter.saveDraft(body(['GFFY72']));
    const sale = await counter.recordSale({ ...saleInput('A1', [{ sku: 'GFFY72', name: 'Jacket', unitPriceCents: 1000, quantity: 1, taxable: true }], 83), taxRateMilli: 8250, paymentMethod: 'cash', tenderedCents: 2000 });
    expect(sale.payment).toEqual({ method: 'cash', tenderedCents: 2000, changeCents: 917 });
    expect(sale.taxRateMilli).toBe(8250);
    expect(counter.drafts().current).toBeNull();
    expect(counter.sale({ orderNumber: 'A1' }).payment?.method).toBe('cash');
  });

  it('keeps the sale in progress across a restart, parks it, resumes it and voids it', async () => {
    setup();
    h.feature.counter.saveDraft(body(['A', 'B']));
    const counter = h.restart().counter;
    expect(counter.drafts().current?.lines.map((l) => l.sku)).toEqual(['A', 'B']);
    const parked = counter.park(body(['A', 'B']));
    expect(parked.current).toBeNull();
    expect(parked.parked).toMatchObject([{ itemCount: 2, totalCents: 2000 }]);
    counter.saveDraft(body(['C']));
    const resumed = counter.resume(parked.parked[0].id, body(['C']));
    expect(resumed.current?.lines.map((l) => l.sku)).toEqual(['A', 'B']);
    expect(resumed.parked.map((p) => p.body.lines[0].sku)).toEqual(['C']);
    expect(counter.voidDraft().current).toBeNull();
    expect((await refusal(() => counter.park(body([])))).message).toMatch(/nothing to park/);
  });

  it('finds sales by part of the order number, by a SKU sold, and by day', async () => {
    const { counter } = setup();
    await counter.recordSale(saleInput('S260314ABCDE'));
    await counter.recordSale(saleInput('S260314XYZ12', [{ sku: 'BLZ-100', name: 'Blazer', unitPriceCents: 5000, quantity: 2, taxable: false }]));
    expect(counter.findSales({ text: 'abcd' }).sales.map((s) => s.orderNumber)).toEqual(['S260314ABCDE']);
    expect(counter.findSales({ text: 'blz' }).sales).toMatchObject([{ orderNumber: 'S260314XYZ12', itemCount: 2, totalCents: 10000, skus: ['BLZ-100'] }]);
    const now = h.clock.now;
    expect(counter.findSales({ text: '', from: now - 1000, to: now + 1000 }).sales).toHaveLength(2);
    expect(counter.findSales({ text: '', from: now + 1000 }).sales).toHaveLength(0);
    expect(counter.findSales({ text: '100%' }).sales).toHaveLength(0);
  });

  it('finds the one sale whose whole order number was scanned from a receipt, whatever the numbering', async () => {
    const { counter } = setup();
    for (const n of ['S03000123', 'S030001234', 'WEB20417']) await counter.recordSale(saleInput(n));
    expect(counter.findSales({ text: 'S03000123' }).sales.map((s) => s.orderNumber)).toEqual(['S03000123']);
    expect(counter.findSales({ text: 'web20417' }).sales.map((s) => s.orderNumber)).toEqual(['WEB20417']);
    expect(counter.findSales({ text: 'S0300' }).sales).toHaveLength(2);
  });

  it('keeps a return’s reason and refund method', async () => {
    const { counter } = setup();
    const sale = await counter.recordSale(saleInput('A1'));
    const after = await counter.recordReturn({ orderNumber: 'A1', lines: [{ saleLineId: sale.lines[0].saleLineId, quantity: 1 }], taxCents: 0, reason: 'damaged', refundMethod: 'store-credit' });
    expect(after.returns).toMatchObject([{ reason: 'damaged', refundMethod: 'store-credit' }]);
  });

  it('sends a delivery waiting for its backoff at once, but keeps a vendor’s own "wait until"', async () => {
    const { sc, counter } = setup(true);
    sc.answer({ kind: 'retry', reason: 'SimpleConsign answered HTTP 500.' });
    await counter.recordSale(saleInput('A1'));
    await h.feature.worker.idle();
    const waiting = h.feature.views.sale({ orderNumber: 'A1' }).deliveries.find((d) => d.destination === 'simpleconsign')!;
    expect(waiting.state).toBe('retrying');
    counter.retryNow(waiting.id);
    await h.feature.worker.idle();
    expect(sc.sent()).toEqual(['SALE A1', 'SALE A1']);
    expect(h.feature.views.sale({ orderNumber: 'A1' }).deliveries.find((d) => d.destination === 'simpleconsign')!.state).toBe('sent');
    expect((await refusal(() => counter.retryNow(waiting.id))).message).toMatch(/only a delivery waiting to retry/);

    sc.answer({ kind: 'retry', reason: 'too many API requests in the last ten minutes', retryAfterMs: 300_000 });
    await counter.recordSale(saleInput('B1'));
    await h.feature.worker.idle();
    const paused = h.feature.views.sale({ orderNumber: 'B1' }).deliveries.find((d) => d.destination === 'simpleconsign')!;
    expect((await refusal(() => counter.retryNow(paused.id))).message).toMatch(/asked the app to wait until/);
  });

  it('keeps the counter settings', () => {
    const { counter } = setup();
    expect(counter.settings()).toEqual({ taxRate: '0', taxableByDefault: true });
    counter.updateSettings({ taxRate: '8.25', taxableByDefault: false });
    expect(h.restart().counter.settings()).toEqual({ taxRate: '8.25', taxableByDefault: false });
  });
});
