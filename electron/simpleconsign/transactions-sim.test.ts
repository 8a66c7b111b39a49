import { jsonHeaders, simRequest } from '../testing/sim-request';
import { describe, expect, it } from 'vitest';
import type { SimRequest } from '../training/simulator';
import type { SimpleConsignCatalog } from './catalog';
import { scMessages } from '../../shared/simpleconsign/vendor-messages';
import { NO_API_PLAN_KEY, SimpleConsignTransactionsSim } from './transactions-sim';

const KEY = 'training-simpleconsign-key';
const JSON_HEADERS = jsonHeaders;

const request = (body: unknown, over: Partial<SimRequest> = {}) => simRequest(body, { headers: JSON_HEADERS, ...over });

const sale = (over: Record<string, unknown> = {}) => ({
  key: KEY,
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
const ret = (over: Record<string, unknown> = {}) =>
  sale({ type: 'RETURN', nonTaxableSaleTotal: 2598, items: [{ sku: 'AD4J56', price: 1299, quantity: 2 }], ...over });

class FakeCatalog implements SimpleConsignCatalog {
  quantities = new Map<string, number>([
    ['GFFY72', 3],
    ['AD4J56', 5],
  ]);
  hasSku(sku: string) {
    return this.quantities.has(sku);
  }
  adjustQuantity(sku: string, delta: number) {
    if (this.quantities.has(sku)) this.quantities.set(sku, this.quantities.get(sku)! + delta);
  }
}

function make(opts: { rateLimit?: number } = {}) {
  let now = 1_000_000;
  const catalog = new FakeCatalog();
  const sim = new SimpleConsignTransactionsSim({ catalog: () => catalog, now: () => now, ...opts });
  const send = async (body: unknown, over: Partial<SimRequest> = {}) => sim.handle(request(body, over));
  const error = async (body: unknown) => {
    const res = await send(body);
    expect(res.status).toBe(200);
    return (res.body as { success: boolean; error?: string }).error;
  };
  return { sim, catalog, send, error, advance: (ms: number) => (now += ms) };
}

describe('SimpleConsign transactions simulator', () => {
  it('records the documented sale and return and moves catalog quantities', async () => {
    const { sim, catalog, send } = make();
    expect((await send(sale())).body).toEqual({ success: true });
    expect(catalog.quantities.get('AD4J56')).toBe(3);
    expect((await send(ret())).body).toEqual({ success: true });
    expect(catalog.quantities.get('AD4J56')).toBe(5);
    expect(sim.transactions().map((t) => [t.type, t.orderNumber])).toEqual([
      ['SALE', '1234'],
      ['RETURN', '1234'],
    ]);
    sim.reset();
    expect(sim.transactions()).toEqual([]);
  });

  it('records a v1 call (no type, no order number) as a sale without order number', async () => {
    const { sim, send } = make();
    const { type: _t, orderNumber: _o, ...v1 } = sale();
    expect((await send(v1)).body).toEqual({ success: true });
    expect(sim.transactions()[0]).toMatchObject({ type: 'SALE', orderNumber: null });
  });

  it('answers every documented error with its exact text', async () => {
    const { error } = make();
    expect(await error(sale({ key: 'nope' }))).toBe(scMessages.invalidKey);
    expect(await error(sale({ key: NO_API_PLAN_KEY }))).toBe(scMessages.pricePlan);
    expect(await error(sale({ items: [{ sku: 'NOSUCH', price: 7998, quantity: 1 }] }))).toBe(scMessages.unknownSku);
    expect(await error(sale({ nonTaxableSaleTotal: 0, items: [] }))).toBe(scMessages.zeroTotals);
    expect(await error(sale({ items: [{ price: 7998, quantity: 1 }] }))).toBe(scMessages.missingSku);
    expect(await error(sale({ nonTaxableSaleTotal: 7000 }))).toBe(scMessages.totalsMismatch);
    expect(await error(sale({ nonTaxableSaleTotal: 0, taxableSaleTotal: 7998 }))).toBe(scMessages.taxableNoTax);
    expect(await error(sale({ tax: 100 }))).toBe(scMessages.taxNoTaxable);
    expect(await error(sale({ type: 'REFUND' }))).toBe(scMessages.badType);
    expect(await error(sale({ orderNumber: undefined }))).toBe(scMessages.missingOrderNumber);
    expect(await error(sale({ orderNumber: 1234 }))).toBe(scMessages.missingOrderNumber);
    expect(await error(sale({ type: undefined }))).toBe(scMessages.missingType);
    expect(await error(ret({ orderNumber: '999' }))).toBe(scMessages.noOriginalSale);
    expect(await error(sale({ orderNumber: 'A-1' }))).toBeUndefined();
    expect(await error(sale({ orderNumber: 'A-1' }))).toBe(scMessages.saleExists);
  });

  it('allows several returns for one order number and does not compare them with what was sold', async () => {
    const { sim, error } = make();
    expect(await error(sale())).toBeUndefined();
    expect(await error(ret())).toBeUndefined();
    expect(await error(ret())).toBeUndefined();
    expect(await error(ret())).toBeUndefined();
    expect(sim.transactions().filter((t) => t.type === 'RETURN')).toHaveLength(3);
  });

  it('keeps order numbers per location (key)', async () => {
    const { sim, error } = make();
    sim.acceptKey('other-location');
    expect(await error(sale())).toBeUndefined();
    expect(await error(sale({ key: 'other-location' }))).toBeUndefined();
    expect(await error(ret({ key: 'other-location', orderNumber: 'X' }))).toBe(scMessages.noOriginalSale);
  });

  it('limits each key to its allowance in a sliding ten-minute window', async () => {
    const { sim, error, advance } = make({ rateLimit: 3 });
    sim.acceptKey('k2');
    const zero = { key: KEY, nonTaxableSaleTotal: 0, taxableSaleTotal: 0, tax: 0 };
    expect(await error(zero)).toBe(scMessages.zeroTotals);
    advance(4 * 60_000);
    expect(await error(zero)).toBe(scMessages.zeroTotals);
    expect(await error(zero)).toBe(scMessages.zeroTotals);
    expect(await error(zero)).toBe(scMessages.tooMany);
    expect(await error({ ...zero, key: 'k2' })).toBe(scMessages.zeroTotals);
    advance(6 * 60_000 - 1);
    expect(await error(zero)).toBe(scMessages.tooMany);
    advance(1);
    // The first call has left the window; refused calls never counted.
    expect(await error(zero)).toBe(scMessages.zeroTotals);
    expect(await error(zero)).toBe(scMessages.tooMany);
  });

  it('defaults to 100 requests per ten minutes', async () => {
    const { error } = make();
    const zero = { key: KEY, nonTaxableSaleTotal: 0, taxableSaleTotal: 0, tax: 0 };
    for (let i = 0; i < 100; i++) expect(await error(zero)).toBe(scMessages.zeroTotals);
    expect(await error(zero)).toBe(scMessages.tooMany);
  });

  it('answers HTTP 400 without JSON headers or a JSON body, 405 for other methods', async () => {
    const { send } = make();
    expect((await send(sale(), { headers: { 'content-type': 'application/json' } })).status).toBe(400);
    expect((await send(sale(), { headers: { accept: 'application/json', 'content-type': 'text/plain' } })).status).toBe(400);
    expect((await send('{"key": tru')).status).toBe(400);
    expect((await send(sale({ tax: '0' }))).status).toBe(400);
    expect((await send(sale(), { method: 'GET' })).status).toBe(405);
  });

  it('accepts any sane SKU when the inventory simulator is not running', async () => {
    const sim = new SimpleConsignTransactionsSim({ catalog: () => null });
    const ok = await sim.handle(request(sale({ items: [{ sku: 'ANY-SKU.1', price: 7998, quantity: 1 }] })));
    expect(ok.body).toEqual({ success: true });
    const bad = await sim.handle(request(sale({ orderNumber: '2', items: [{ sku: '<script>', price: 7998, quantity: 1 }] })));
    expect(bad.body).toEqual({ success: false, error: scMessages.unknownSku });
  });
});
