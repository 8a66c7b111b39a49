import { describe, expect, it } from 'vitest';
import { buildTransactionRequest, checkTransaction, consolidateItems, requestProblems, type TransactionInput, type TransactionRequestBody } from './transaction-rules';

const line = (sku: string, unitPriceCents: number, quantity = 1, taxable = false, name = `Item ${sku}`) => ({ sku, name, unitPriceCents, quantity, taxable });

const sale = (over: Partial<TransactionInput> = {}): TransactionInput => ({
  kind: 'SALE',
  orderNumber: '1234',
  lines: [line('GFFY72', 5400), line('AD4J56', 1299, 2)],
  taxCents: 0,
  ...over,
});

const body = (over: Partial<TransactionRequestBody> = {}): TransactionRequestBody => ({
  orderNumber: '1234',
  type: 'SALE',
  nonTaxableSaleTotal: 7998,
  taxableSaleTotal: 0,
  tax: 0,
  items: [
    { sku: 'GFFY72', price: 5400, quantity: 1 },
    { sku: 'AD4J56', price: 1299, quantity: 2 },
  ],
  ...over,
});

describe('SimpleConsign transaction body', () => {
  it('builds the documented sale example exactly', () => {
    expect(buildTransactionRequest(sale())).toEqual({ ok: true, body: body() });
  });

  it('builds a return with the original order number and positive totals', () => {
    const built = buildTransactionRequest(sale({ kind: 'RETURN', lines: [line('AD4J56', 1299, 2)] }));
    expect(built).toEqual({ ok: true, body: body({ type: 'RETURN', nonTaxableSaleTotal: 2598, items: [{ sku: 'AD4J56', price: 1299, quantity: 2 }] }) });
  });

  it('splits taxable and non-taxable totals and carries the tax', () => {
    const built = buildTransactionRequest(sale({ lines: [line('A1', 1000, 2, true), line('B2', 250, 1, false)], taxCents: 165 }));
    expect(built.ok && built.body).toMatchObject({ taxableSaleTotal: 2000, nonTaxableSaleTotal: 250, tax: 165 });
  });

  it('consolidates lines of one SKU into one line with the summed quantity', () => {
    const built = buildTransactionRequest(sale({ lines: [line('ABC', 500), line('XYZ', 100), line('ABC', 500, 3)] }));
    expect(built.ok && built.body.items).toEqual([
      { sku: 'ABC', price: 500, quantity: 4 },
      { sku: 'XYZ', price: 100, quantity: 1 },
    ]);
  });

  it('refuses one SKU at two prices, naming the SKU and both prices in dollars', () => {
    const { problems } = consolidateItems([line('ABC', 1200), line('ABC', 1000)]);
    expect(problems).toEqual([expect.stringContaining('SKU ABC is on several lines at different prices ($12.00 and $10.00)')]);
    expect(checkTransaction(sale({ lines: [line('ABC', 1200), line('ABC', 1000)] }))[0]).toContain('$12.00 and $10.00');
  });

  it('trims the order number and SKUs it sends', () => {
    const built = buildTransactionRequest(sale({ orderNumber: ' 77 ', lines: [line(' A1 ', 100), line('A1', 100)] }));
    expect(built.ok && built.body).toMatchObject({ orderNumber: '77', items: [{ sku: 'A1', price: 100, quantity: 2 }] });
  });
});

describe('SimpleConsign local refusals', () => {
  it('a missing order number', () => {
    expect(checkTransaction(sale({ orderNumber: '  ' }))).toEqual([expect.stringMatching(/^The order number is missing\./)]);
  });

  it('a type other than SALE or RETURN', () => {
    expect(checkTransaction(sale({ kind: 'REFUND' }))).toEqual(['The transaction type is "REFUND"; SimpleConsign records only a SALE or a RETURN.']);
  });

  it('a line without a SKU, named by its position and name', () => {
    expect(checkTransaction(sale({ lines: [line('A1', 100), line(' ', 200, 1, false, 'Blue vase')] }))).toEqual([
      'Line 2 (Blue vase) has no SKU: SimpleConsign records every item by its SKU.',
    ]);
  });

  it('a quantity or price that is not whole', () => {
    const problems = checkTransaction(sale({ lines: [line('A1', 100, 0), line('B2', 10.5)], taxCents: -1 }));
    expect(problems).toEqual([
      expect.stringContaining('Line 1 (Item A1) has quantity 0'),
      expect.stringContaining('Line 2 (Item B2) has a price that is not a whole number of cents'),
      'The tax is not a whole number of cents, zero or more.',
    ]);
  });

  it('both totals zero', () => {
    expect(checkTransaction(sale({ lines: [line('FREE1', 0)] }))).toEqual([expect.stringContaining('both $0.00')]);
    expect(checkTransaction(sale({ lines: [] }))).toEqual([expect.stringContaining('both $0.00')]);
  });

  it('taxable items without tax', () => {
    expect(checkTransaction(sale({ lines: [line('A1', 1999, 1, true)], taxCents: 0 }))).toEqual([
      'The taxable items total $19.99 but no tax was recorded: SimpleConsign refuses that. Record the tax, or mark the items as not taxable.',
    ]);
  });

  it('tax without taxable items', () => {
    expect(checkTransaction(sale({ taxCents: 150 }))).toEqual([
      'Tax of $1.50 was recorded but no item is taxable: SimpleConsign refuses that. Mark the taxed items as taxable, or remove the tax.',
    ]);
  });

  it('items that do not add up to the totals', () => {
    expect(requestProblems(body({ nonTaxableSaleTotal: 7000 }))).toEqual([
      'The items add up to $79.98 but the totals say $70.00 (taxable $0.00 + non-taxable $70.00): SimpleConsign refuses a transaction whose items do not match its totals.',
    ]);
  });

  it('an item without a SKU and a bad type in a body', () => {
    const problems = requestProblems(body({ type: 'VOID' as never, items: [{ sku: '', price: 7998, quantity: 1 }] }));
    expect(problems).toEqual([expect.stringContaining('"VOID"'), 'An item has no SKU: SimpleConsign records every item by its SKU.']);
  });

  it('accepts a body with no problem', () => {
    expect(requestProblems(body())).toEqual([]);
    expect(checkTransaction(sale())).toEqual([]);
  });
});
