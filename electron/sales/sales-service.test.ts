import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { checkTransaction } from '../../shared/simpleconsign/transaction-rules';
import { AppError } from '../core/app-error';
import type { Destination } from './destination';
import { FakeDestination, makeSalesHarness, saleInput, type SalesHarness } from './test-support';

let h: SalesHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

function setup(dests: Destination[] = [new FakeDestination('simpleconsign', 'SimpleConsign'), new FakeDestination('ifpos', 'TRAX IFPOS')]) {
  // Not started: these tests look at what is written, not at delivery.
  h = makeSalesHarness(dests, { start: false });
  return { h, service: h.feature.service, db: h.core.db };
}

async function refusal(work: Promise<unknown>): Promise<AppError> {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const count = (db: SalesHarness['core']['db'], table: string) => db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get();

const twoLines = [
  { sku: 'GFFY72', name: 'Jacket', unitPriceCents: 5400, quantity: 1, taxable: true },
  { sku: 'AD4J56', name: 'Scarf', unitPriceCents: 1299, quantity: 3, taxable: false },
];

describe('recording a sale', () => {
  it('writes the sale, its lines and one waiting delivery per enabled vendor, and nudges nobody else', async () => {
    const ifpos = new FakeDestination('ifpos', 'TRAX IFPOS');
    ifpos.enabled = false;
    const { service, db } = setup([new FakeDestination('simpleconsign', 'SimpleConsign'), ifpos]);
    const sale = await service.recordSale(saleInput('A1001', twoLines, 432));
    expect(sale).toMatchObject({ orderNumber: 'A1001', taxableCents: 5400, nonTaxableCents: 3897, taxCents: 432, totalCents: 9729 });
    expect(sale.lines.map((l) => [l.sku, l.returnableQuantity])).toEqual([
      ['GFFY72', 1],
      ['AD4J56', 3],
    ]);
    expect(sale.deliveries.map((d) => [d.destination, d.state, d.attempts])).toEqual([['simpleconsign', 'waiting', 0]]);
    expect(count(db, 'outbox')).toBe(1);
  });

  it('generates a unique alphanumeric order number when none is typed', async () => {
    const { service } = setup();
    const numbers = new Set<string>();
    for (let i = 0; i < 20; i++) numbers.add((await service.recordSale(saleInput())).orderNumber);
    expect(numbers.size).toBe(20);
    for (const n of numbers) expect(n).toMatch(/^S260314[A-Z2-9]{5}$/);
  });

  it('refuses a typed order number already used by a sale, whatever its case, with a clear message', async () => {
    const { service, db } = setup();
    await service.recordSale(saleInput('INV77'));
    const error = await refusal(service.recordSale(saleInput('inv77')));
    expect(error.code).toBe('conflict');
    expect(error.message).toContain('A sale with order number inv77 is already recorded');
    expect(count(db, 'sales')).toBe(1);
  });

  it('refuses bad input with one specific line per problem', async () => {
    const { service } = setup();
    const error = await refusal(
      service.recordSale({ orderNumber: 'has space', lines: [{ sku: '', name: '', unitPriceCents: 1.5, quantity: 0, taxable: true }], taxCents: -1 }),
    );
    expect(error.code).toBe('invalid-input');
    expect(error.details).toEqual(
      expect.arrayContaining([
        'orderNumber: Order numbers use letters and digits only (no spaces or punctuation).',
        'lines.0.sku: Enter the SKU.',
        'lines.0.unitPriceCents: The unit price must be whole cents.',
        'lines.0.quantity: Quantity must be at least 1.',
        'taxCents: The tax cannot be negative.',
      ]),
    );
    const extra = await refusal(service.recordSale({ ...saleInput('B1'), discount: 5 } as never));
    expect(extra.details?.join(' ')).toMatch(/discount/);
  });

  it('surfaces a vendor’s refusal (SimpleConsign cannot consolidate one SKU at two prices) and writes nothing', async () => {
    const sc = new FakeDestination('simpleconsign', 'SimpleConsign');
    sc.problems = (tx) => checkTransaction(tx);
    const { service, db } = setup([sc, new FakeDestination('ifpos', 'TRAX IFPOS')]);
    const lines = [
      { sku: 'ABC', name: 'Lamp', unitPriceCents: 1000, quantity: 1, taxable: false },
      { sku: 'ABC', name: 'Lamp', unitPriceCents: 1200, quantity: 1, taxable: false },
    ];
    const error = await refusal(service.recordSale(saleInput('C1', lines)));
    expect(error.message).toBe('The sale was not recorded: SimpleConsign would refuse it. Correct it and record again.');
    expect(error.details?.[0]).toMatch(/^SimpleConsign: SKU ABC is on several lines at different prices \(\$10\.00 and \$12\.00\)/);
    expect([count(db, 'sales'), count(db, 'sale_lines'), count(db, 'outbox')]).toEqual([0, 0, 0]);
    // The same SKU at one price is consolidated by the destination, so it is accepted.
    await service.recordSale(saleInput('C1', [lines[0], { ...lines[1], unitPriceCents: 1000 }]));
    expect(count(db, 'sales')).toBe(1);
  });

  it('is atomic: when a delivery row cannot be written, the sale is not recorded either', async () => {
    const bogus = new FakeDestination('simpleconsign', 'Bogus');
    (bogus as { id: string }).id = 'nowhere';
    const { service, db } = setup([new FakeDestination('ifpos', 'TRAX IFPOS'), bogus]);
    await expect(service.recordSale(saleInput('D1'))).rejects.toThrow(/CHECK constraint failed/);
    expect([count(db, 'sales'), count(db, 'sale_lines'), count(db, 'outbox')]).toEqual([0, 0, 0]);
  });

  it('is written once another connection (the inventory copy’s worker) lets go of the file, with the app answering meanwhile', async () => {
    const { service, db } = setup();
    const worker = new Database(db.name);
    worker.exec('BEGIN IMMEDIATE');
    let answered = 0;
    const app = setInterval(() => {
      if (++answered === 10) worker.exec('COMMIT');
    }, 5);
    try {
      const sale = await service.recordSale(saleInput('W1'));
      expect(sale.orderNumber).toBe('W1');
      expect(answered).toBeGreaterThanOrEqual(10);
      expect([count(db, 'sales'), count(db, 'outbox')]).toEqual([1, 2]);
      await service.recordReturn({ orderNumber: 'W1', lines: [{ saleLineId: sale.lines[0].saleLineId, quantity: 1 }], taxCents: 0 });
      expect(count(db, 'returns')).toBe(1);
    } finally {
      clearInterval(app);
      worker.close();
    }
  });
});

describe('recording a return', () => {
  async function soldSale(service: SalesHarness['feature']['service']) {
    return service.recordSale(saleInput('R100', twoLines, 432));
  }

  it('links the return to its sale, reduces the returnable quantities and queues it for each vendor', async () => {
    const { service } = setup();
    const sale = await soldSale(service);
    const after = await service.recordReturn({ orderNumber: 'r100', lines: [{ saleLineId: sale.lines[1].saleLineId, quantity: 2 }], taxCents: 0 });
    expect(after.lines.map((l) => [l.returnedQuantity, l.returnableQuantity])).toEqual([
      [0, 1],
      [2, 1],
    ]);
    expect(after.returns).toHaveLength(1);
    expect(after.returns[0]).toMatchObject({ nonTaxableCents: 2598, taxableCents: 0, taxCents: 0, totalCents: 2598 });
    expect(after.returns[0].deliveries.map((d) => [d.destination, d.state])).toEqual([
      ['simpleconsign', 'waiting'],
      ['ifpos', 'waiting'],
    ]);
  });

  it('refuses more than sold minus already returned, in the service, line by line', async () => {
    const { service, db } = setup();
    const sale = await soldSale(service);
    const scarf = sale.lines[1].saleLineId;
    await service.recordReturn({ orderNumber: 'R100', lines: [{ saleLineId: scarf, quantity: 2 }], taxCents: 0 });
    const error = await refusal(service.recordReturn({ orderNumber: 'R100', lines: [{ saleLineId: scarf, quantity: 2 }], taxCents: 0 }));
    expect(error.code).toBe('conflict');
    expect(error.details).toEqual(['AD4J56 (line 2): 3 sold, 2 already returned, so at most 1 can be returned, not 2.']);
    const foreign = await refusal(service.recordReturn({ orderNumber: 'R100', lines: [{ saleLineId: 9999, quantity: 1 }], taxCents: 0 }));
    expect(foreign.details).toEqual(['Line 9999 is not part of this sale.']);
    expect(count(db, 'returns')).toBe(1);
  });

  it('refuses refunding more tax than is left, and a sale that does not exist', async () => {
    const { service } = setup();
    const sale = await soldSale(service);
    const tax = await refusal(service.recordReturn({ orderNumber: 'R100', lines: [{ saleLineId: sale.lines[0].saleLineId, quantity: 1 }], taxCents: 433 }));
    expect(tax.details).toEqual(['The tax refunded ($4.33) is more than the tax left to refund on this sale ($4.32).']);
    const missing = await refusal(service.recordReturn({ orderNumber: 'NOPE1', lines: [{ saleLineId: 1, quantity: 1 }], taxCents: 0 }));
    expect(missing.code).toBe('not-found');
  });

  it('goes only to vendors that have the sale, and shows them the sale with every return so far', async () => {
    const sc = new FakeDestination('simpleconsign', 'SimpleConsign');
    const ifpos = new FakeDestination('ifpos', 'TRAX IFPOS');
    const seen: string[] = [];
    ifpos.problems = (tx) => (seen.push(`${tx.kind}:${tx.sale.returns.map((r) => r.lines.map((l) => l.quantity).join('+')).join(',')}`), []);
    const { service, h } = setup([sc, ifpos]);
    const sale = await soldSale(service);
    const [ifposDelivery] = sale.deliveries.filter((d) => d.destination === 'ifpos');
    service.cancel(ifposDelivery.id);
    await service.recordReturn({ orderNumber: 'R100', lines: [{ saleLineId: sale.lines[1].saleLineId, quantity: 1 }], taxCents: 0 });
    expect(seen).toEqual(['SALE:']);
    h.core.db.prepare(`UPDATE outbox SET state = 'failed' WHERE id = ?`).run(ifposDelivery.id);
    const after = await service.recordReturn({ orderNumber: 'R100', lines: [{ saleLineId: sale.lines[1].saleLineId, quantity: 1 }], taxCents: 0 });
    expect(seen).toEqual(['SALE:', 'RETURN:1']);
    expect(after.returns.map((r) => r.deliveries.map((d) => d.destination))).toEqual([['simpleconsign'], ['simpleconsign', 'ifpos']]);
  });
});

describe('delivery actions', () => {
  it('allow only the changes that make sense for each state', async () => {
    const { service } = setup([new FakeDestination('simpleconsign', 'SimpleConsign')]);
    const sale = await service.recordSale(saleInput('E1'));
    const id = sale.deliveries[0].id;
    expect(() => service.markDelivered(id, 'Ann')).toThrow(/This delivery is waiting, so it cannot be marked as delivered\. Only uncertain or failed deliveries can\./);
    expect(service.cancel(id).state).toBe('cancelled');
    expect(() => service.cancel(id)).toThrow(/is cancelled, so it cannot be cancelled/);
    expect(service.resend(id)).toMatchObject({ state: 'waiting', action: null });
    expect(() => service.resend(424242)).toThrow(/There is no delivery 424242/);
  });
});
