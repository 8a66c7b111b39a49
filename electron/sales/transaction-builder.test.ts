import { afterEach, describe, expect, it } from 'vitest';
import { SalesRepo } from './sales-repo';
import { buildTransaction } from './transaction-builder';
import { FakeDestination, makeSalesHarness, type SalesHarness } from './test-support';

let h: SalesHarness;
afterEach(() => h.close());

async function saleWithTwoReturns() {
  h = makeSalesHarness([new FakeDestination('ifpos', 'TRAX IFPOS')], { start: false });
  const { service } = h.feature;
  const lines = [
    { sku: 'A', name: 'Alpha', unitPriceCents: 1000, quantity: 3, taxable: true },
    { sku: 'B', name: 'Beta', unitPriceCents: 250, quantity: 2, taxable: false },
  ];
  const sale = await service.recordSale({ orderNumber: 'T1', lines, taxCents: 240 });
  const [a, b] = sale.lines.map((l) => l.saleLineId);
  h.clock.now += 1000;
  await service.recordReturn({ orderNumber: 'T1', lines: [{ saleLineId: a, quantity: 1 }], taxCents: 80 });
  h.clock.now += 1000;
  const after = await service.recordReturn({ orderNumber: 'T1', lines: [{ saleLineId: b, quantity: 2 }, { saleLineId: a, quantity: 1 }], taxCents: 80 });
  return { saleId: after.id, returns: after.returns.map((r) => r.id) };
}

describe('buildTransaction', () => {
  it('gives a sale its lines and tax, with no returns', async () => {
    const { saleId } = await saleWithTwoReturns();
    const tx = buildTransaction(new SalesRepo(h.core.db), { kind: 'SALE', saleId, returnId: null, attempts: 1, mayHaveApplied: false });
    expect(tx).toMatchObject({ kind: 'SALE', transactionId: saleId, orderNumber: 'T1', taxCents: 240, attempt: 1, previousAttemptUncertain: false });
    expect(tx.lines).toEqual([
      { sku: 'A', name: 'Alpha', unitPriceCents: 1000, quantity: 3, taxable: true },
      { sku: 'B', name: 'Beta', unitPriceCents: 250, quantity: 2, taxable: false },
    ]);
    expect(tx.sale.returns).toEqual([]);
  });

  it('gives a return its own lines and the sale with the returns up to and including it, oldest first', async () => {
    const { saleId, returns } = await saleWithTwoReturns();
    const sales = new SalesRepo(h.core.db);
    const first = buildTransaction(sales, { kind: 'RETURN', saleId, returnId: returns[0], attempts: 2, mayHaveApplied: true });
    expect(first).toMatchObject({ kind: 'RETURN', transactionId: returns[0], orderNumber: 'T1', taxCents: 80, attempt: 2, previousAttemptUncertain: true });
    expect(first.lines).toEqual([{ sku: 'A', name: 'Alpha', unitPriceCents: 1000, quantity: 1, taxable: true }]);
    expect(first.sale.returns.map((r) => r.transactionId)).toEqual([returns[0]]);
    const second = buildTransaction(sales, { kind: 'RETURN', saleId, returnId: returns[1], attempts: 1, mayHaveApplied: false });
    expect(second.lines.map((l) => [l.sku, l.quantity])).toEqual([
      ['B', 2],
      ['A', 1],
    ]);
    expect(second.sale.returns.map((r) => [r.transactionId, r.recordedAt - second.sale.recordedAt])).toEqual([
      [returns[0], 1000],
      [returns[1], 2000],
    ]);
  });
});

describe('the history view', () => {
  it('lists each sale and return with its own deliveries and says whether anything is still moving', async () => {
    await saleWithTwoReturns();
    const page = h.feature.views.history({});
    expect(page.rows.map((r) => [r.kind, r.itemCount, r.totalCents])).toEqual([
      ['RETURN', 3, 1580],
      ['RETURN', 1, 1080],
      ['SALE', 5, 3740],
    ]);
    expect(page.rows.map((r) => r.deliveries.map((d) => `${d.destination}:${d.state}`))).toEqual([['ifpos:waiting'], ['ifpos:waiting'], ['ifpos:waiting']]);
    expect(page.rows[0].deliveries[0].id).not.toBe(page.rows[1].deliveries[0].id);
    expect(page.pending).toBe(true);
    const sale = h.feature.views.sale({ orderNumber: 't1' });
    expect(sale.taxRefundableCents).toBe(80);
    expect(sale.lines.map((l) => l.returnableQuantity)).toEqual([1, 0]);
  });
});
