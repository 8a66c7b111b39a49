import { afterEach, describe, expect, it } from 'vitest';
import { totalsOf } from '../../shared/sales/totals';
import { OutboxRepo } from './outbox-repo';
import { SalesRepo } from './sales-repo';
import { makeSalesHarness, type SalesHarness } from './test-support';

let h: SalesHarness;
afterEach(() => h.close());

function setup() {
  h = makeSalesHarness([], { start: false });
  return { sales: new SalesRepo(h.core.db), outbox: new OutboxRepo(h.core.db), db: h.core.db };
}

const line = (sku: string, quantity = 1, unitPriceCents = 1000) => ({ sku, name: sku, unitPriceCents, quantity, taxable: false });

function addSale(sales: SalesRepo, orderNumber: string, recordedAt: number, lines = [line('A', 2)]) {
  return sales.insertSale({ orderNumber, recordedAt, lines, totals: totalsOf(lines, 0) });
}

describe('SalesRepo', () => {
  it('keeps lines in order with taxable as a boolean and finds sales by order number without regard to case', () => {
    const { sales } = setup();
    const id = sales.insertSale({ orderNumber: 'Ab12', recordedAt: 5, lines: [line('X'), { ...line('Y'), taxable: true }], totals: totalsOf([line('X')], 0) });
    expect(sales.saleByOrderNumber('AB12')?.id).toBe(id);
    expect(sales.linesOf(id).map((l) => [l.position, l.sku, l.taxable])).toEqual([
      [1, 'X', false],
      [2, 'Y', true],
    ]);
    expect(() => addSale(sales, 'aB12', 6)).toThrow(/UNIQUE/);
  });

  it('sums returned quantities per line across returns', () => {
    const { sales } = setup();
    const id = addSale(sales, 'R1', 1, [line('A', 3), line('B', 2)]);
    const [a, b] = sales.linesOf(id);
    const totals = totalsOf([], 0);
    sales.insertReturn({ saleId: id, recordedAt: 2, totals, lines: [{ saleLineId: a.id, quantity: 1 }] });
    sales.insertReturn({ saleId: id, recordedAt: 3, totals, lines: [{ saleLineId: a.id, quantity: 1 }, { saleLineId: b.id, quantity: 2 }] });
    expect([...sales.returnedQuantities(id)]).toEqual([
      [a.id, 2],
      [b.id, 2],
    ]);
    expect(sales.returnsOf(id).map((r) => r.recordedAt)).toEqual([2, 3]);
  });

  it('lists sales and returns newest first, filtered by date, kind, order number prefix and delivery state, paged', () => {
    const { sales, outbox } = setup();
    const s1 = addSale(sales, 'X100', 1000);
    const s2 = addSale(sales, 'X200', 2000);
    addSale(sales, 'Y100', 3000);
    const r1 = sales.insertReturn({ saleId: s1, recordedAt: 4000, totals: totalsOf([], 0), lines: [{ saleLineId: sales.linesOf(s1)[0].id, quantity: 1 }] });
    outbox.enqueue([{ kind: 'SALE', saleId: s2, returnId: null, destination: 'ifpos' }, { kind: 'RETURN', saleId: s1, returnId: r1, destination: 'ifpos' }], 0);
    const page = (input: Parameters<SalesRepo['history']>[0]) => sales.history(input).rows.map((r) => `${r.kind} ${r.orderNumber}`);
    expect(page({ page: 1, pageSize: 10 })).toEqual(['RETURN X100', 'SALE Y100', 'SALE X200', 'SALE X100']);
    expect(sales.history({ page: 1, pageSize: 10 }).rows[0].itemCount).toBe(1);
    expect(page({ page: 2, pageSize: 3 })).toEqual(['SALE X100']);
    expect(sales.history({ page: 2, pageSize: 3 }).total).toBe(4);
    expect(page({ page: 1, pageSize: 10, from: 2000, to: 4000 })).toEqual(['SALE Y100', 'SALE X200']);
    expect(page({ page: 1, pageSize: 10, orderNumber: 'x' })).toEqual(['RETURN X100', 'SALE X200', 'SALE X100']);
    expect(page({ page: 1, pageSize: 10, kind: 'SALE', state: 'waiting' })).toEqual(['SALE X200']);
    expect(page({ page: 1, pageSize: 10, state: 'pending' })).toEqual(['RETURN X100', 'SALE X200']);
    expect(page({ page: 1, pageSize: 10, state: 'failed' })).toEqual([]);
    expect(page({ page: 1, pageSize: 10, orderNumber: '%' })).toEqual([]);
  });
});

describe('OutboxRepo', () => {
  function queue() {
    const { sales, outbox, db } = setup();
    const a = addSale(sales, 'A1', 1);
    const b = addSale(sales, 'B1', 2);
    const ret = sales.insertReturn({ saleId: a, recordedAt: 3, totals: totalsOf([], 0), lines: [{ saleLineId: sales.linesOf(a)[0].id, quantity: 1 }] });
    outbox.enqueue(
      [
        { kind: 'SALE', saleId: a, returnId: null, destination: 'simpleconsign' },
        { kind: 'SALE', saleId: b, returnId: null, destination: 'simpleconsign' },
        { kind: 'RETURN', saleId: a, returnId: ret, destination: 'simpleconsign' },
      ],
      10,
    );
    return { outbox, db };
  }

  it('answers the oldest moving entry as head, holding later entries of a sale whose earlier delivery failed', () => {
    const { outbox } = queue();
    expect(outbox.head('simpleconsign')?.id).toBe(1);
    expect(outbox.head('ifpos')).toBeUndefined();
    outbox.claim(1, 11);
    outbox.recordStopped(1, 12, 'failed', 'refused', 'fix it');
    expect(outbox.head('simpleconsign')?.id).toBe(2);
    outbox.claim(2, 13);
    outbox.recordDelivered(2, 14, 'ok', { a: 1 });
    expect(outbox.head('simpleconsign')).toBeUndefined();
    expect(outbox.get(3)?.held).toBe(true);
    outbox.cancel(1, 15);
    expect(outbox.head('simpleconsign')?.id).toBe(3);
    expect(outbox.get(3)?.held).toBe(false);
  });

  it('lets the others go past an entry the store server set aside, never a later entry of its sale, until its wait ends', () => {
    const { outbox } = queue();
    outbox.setAside(1, 100, 'waits for another workstation');
    expect(outbox.get(1)?.lastReason).toBe('waits for another workstation');
    expect(outbox.head('simpleconsign', 50)?.id).toBe(2);
    outbox.claim(2, 51);
    outbox.recordDelivered(2, 52, 'ok', { a: 1 });
    // The return of the set-aside sale stays behind it.
    expect(outbox.head('simpleconsign', 60)).toBeUndefined();
    expect(outbox.asideUntil('simpleconsign')).toBe(100);
    expect(outbox.head('simpleconsign', 100)?.id).toBe(1);
    // Claimed, it is no longer set aside.
    outbox.claim(1, 101);
    expect(outbox.asideUntil('simpleconsign')).toBeNull();
  });

  it('claims only a waiting or retrying entry, counting the attempt', () => {
    const { outbox } = queue();
    expect(outbox.claim(1, 11)).toMatchObject({ state: 'sending', attempts: 1, updatedAt: 11 });
    expect(outbox.claim(1, 12)).toBeUndefined();
    outbox.recordRetry(1, 13, 500, 'busy', false);
    expect(outbox.claim(1, 14)).toMatchObject({ state: 'sending', attempts: 2 });
  });

  it('records outcomes only for an entry being sent', () => {
    const { outbox } = queue();
    outbox.cancel(1, 11);
    outbox.recordDelivered(1, 12, 'late answer', {});
    expect(outbox.get(1)).toMatchObject({ state: 'cancelled', summary: null });
  });

  it('turns an interrupted send into a retry that remembers it may have applied, and keeps that until resent by a person', () => {
    const { outbox } = queue();
    outbox.claim(1, 11);
    expect(outbox.recoverInterrupted(20)).toBe(1);
    expect(outbox.get(1)).toMatchObject({ state: 'retrying', mayHaveApplied: true, nextAttemptAt: 20 });
    outbox.claim(1, 21);
    outbox.recordRetry(1, 22, 30, 'busy', false);
    expect(outbox.get(1)?.mayHaveApplied).toBe(true);
    outbox.claim(1, 31);
    outbox.recordStopped(1, 32, 'uncertain', 'lost answer', 'check');
    expect(outbox.resend(1, 33)).toMatchObject({ state: 'waiting', mayHaveApplied: false, action: null, nextAttemptAt: 33 });
  });

  it('keeps the later of two pauses', () => {
    const { outbox } = queue();
    outbox.pause('ifpos', 500, 'first');
    outbox.pause('ifpos', 300, 'second');
    expect(outbox.pauseOf('ifpos')).toEqual({ until: 500, reason: 'first' });
    outbox.clearPause('ifpos');
    expect(outbox.pauseOf('ifpos')).toBeUndefined();
  });
});
