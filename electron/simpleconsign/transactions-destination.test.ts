import { closedPort } from '../testing/closed-port';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { scMessages } from '../../shared/simpleconsign/vendor-messages';
import { VendorError } from '../core/http/vendor-error';
import type { DeliveryLine, TransactionToDeliver } from '../sales/destination';
import { simpleConsignTester } from './transactions-client';
import { createSimpleConsignDestination, outcomeOfError, RATE_LIMIT_PAUSE_MS } from './transactions-destination';
import { NO_API_PLAN_KEY, SimpleConsignTransactionsSim } from './transactions-sim';
import { makeTestCore, type TestCore } from './transactions-test-core';

const SIM = 'simpleconsign-transactions';
const known = new Set(['GFFY72', 'AD4J56']);
const catalog = { hasSku: (sku: string) => known.has(sku), adjustQuantity: () => {} };

const line = (sku: string, unitPriceCents: number, quantity = 1): DeliveryLine => ({ sku, name: sku, unitPriceCents, quantity, taxable: false });

function tx(over: Partial<TransactionToDeliver> = {}): TransactionToDeliver {
  const lines = over.lines ?? [line('GFFY72', 5400), line('AD4J56', 1299, 2)];
  return {
    transactionId: 1,
    kind: 'SALE',
    orderNumber: '1234',
    recordedAt: Date.UTC(2026, 4, 1, 15),
    lines,
    taxCents: 0,
    sale: { orderNumber: '1234', recordedAt: Date.UTC(2026, 4, 1, 15), lines, taxCents: 0, returns: [] },
    attempt: 1,
    previousAttemptUncertain: false,
    ...over,
  };
}
const returnTx = (over: Partial<TransactionToDeliver> = {}) => tx({ transactionId: 2, kind: 'RETURN', lines: [line('AD4J56', 1299, 1)], ...over });

let core: TestCore;
let sim: SimpleConsignTransactionsSim;

beforeEach(async () => {
  sim = new SimpleConsignTransactionsSim({ catalog: () => catalog, rateLimit: 5 });
  sim.acceptKey('live-key-0001');
  core = await makeTestCore([sim]);
});
afterEach(() => core.close());


async function goLive(key: string, baseUrl = core.simHost.url('/simpleconsign')) {
  await core.connections.update('simpleconsign', true, { baseUrl });
  await core.connections.setSecret('simpleconsign', 'apiKey', key);
  await core.connections.setMode('live');
}

describe('SimpleConsign destination', () => {
  it('delivers a sale and a return to the simulator in training mode', async () => {
    const dest = createSimpleConsignDestination(core);
    expect(await dest.isEnabled()).toBe(true);
    expect(await dest.deliver(tx())).toMatchObject({ kind: 'delivered', summary: 'Recorded in SimpleConsign as online sale 1234.' });
    expect(await dest.deliver(returnTx())).toMatchObject({ kind: 'delivered', summary: 'Recorded in SimpleConsign as a return against order 1234.' });
    expect(sim.transactions().map((t) => [t.type, t.orderNumber, t.nonTaxableSaleTotal])).toEqual([
      ['SALE', '1234', 7998],
      ['RETURN', '1234', 1299],
    ]);
  });

  it('checks the local rules', () => {
    const dest = createSimpleConsignDestination(core);
    expect(dest.check(tx({ lines: [line('A', 100), line('A', 200)] }))).toEqual([expect.stringContaining('($1.00 and $2.00)')]);
    expect(dest.check(tx())).toEqual([]);
  });

  it('counts a SALE retried after its answer was lost as delivered, recorded once', async () => {
    const dest = createSimpleConsignDestination(core);
    core.simHost.injectFault(SIM, { kind: 'drop-after-apply', count: 1, retryAfterSeconds: 30, delayMs: 0 });
    const first = await dest.deliver(tx());
    expect(first).toMatchObject({ kind: 'retry', mayHaveApplied: true });
    const second = await dest.deliver(tx({ attempt: 2, previousAttemptUncertain: true }));
    expect(second).toMatchObject({ kind: 'delivered', summary: 'Already recorded by an earlier attempt: SimpleConsign has online sale 1234.' });
    expect(sim.transactions()).toHaveLength(1);
  });

  it('refuses a first attempt whose order number is already taken, saying what to do', async () => {
    const dest = createSimpleConsignDestination(core);
    await dest.deliver(tx());
    const outcome = await dest.deliver(tx({ transactionId: 9 }));
    expect(outcome).toMatchObject({ kind: 'rejected', reason: expect.stringContaining(scMessages.saleExists), action: expect.stringContaining('Order number 1234 is taken in SimpleConsign') });
  });

  it('makes a RETURN whose answer was lost uncertain, since sending again could record it twice', async () => {
    const dest = createSimpleConsignDestination(core);
    await dest.deliver(tx());
    core.simHost.injectFault(SIM, { kind: 'drop-after-apply', count: 1, retryAfterSeconds: 30, delayMs: 0 });
    const outcome = await dest.deliver(returnTx());
    expect(outcome).toMatchObject({ kind: 'uncertain', reason: expect.stringContaining('Check the returns for order 1234 in SimpleConsign') });
    expect(sim.transactions().filter((t) => t.type === 'RETURN')).toHaveLength(1);
  });

  it('never re-sends a RETURN an interrupted earlier attempt may have recorded', async () => {
    const dest = createSimpleConsignDestination(core);
    await dest.deliver(tx());
    await dest.deliver(returnTx());
    const requests = core.simHost.status().simulators.find((s) => s.id === SIM)!.requestCount;
    const outcome = await dest.deliver(returnTx({ attempt: 2, previousAttemptUncertain: true }));
    expect(outcome).toMatchObject({ kind: 'uncertain', reason: expect.stringContaining('may have been recorded') });
    expect(core.simHost.status().simulators.find((s) => s.id === SIM)!.requestCount).toBe(requests);
    expect(sim.transactions().filter((t) => t.type === 'RETURN')).toHaveLength(1);
  });

  it.each(['server-error', 'malformed', 'html'] as const)('after a %s answer: a SALE is retried, a RETURN is uncertain', async (kind) => {
    const dest = createSimpleConsignDestination(core);
    core.simHost.injectFault(SIM, { kind, count: 2, retryAfterSeconds: 30, delayMs: 0 });
    expect(await dest.deliver(tx())).toMatchObject({ kind: 'retry', mayHaveApplied: true });
    expect(await dest.deliver(returnTx())).toMatchObject({ kind: 'uncertain' });
  });

  it('retries a refusal that was certainly not applied, honouring Retry-After', async () => {
    const dest = createSimpleConsignDestination(core);
    core.simHost.injectFault(SIM, { kind: 'rate-limit', count: 1, retryAfterSeconds: 7, delayMs: 0 });
    core.simHost.injectFault(SIM, { kind: 'unavailable', count: 1, retryAfterSeconds: 12, delayMs: 0 });
    expect(await dest.deliver(returnTx())).toMatchObject({ kind: 'retry', retryAfterMs: 7000 });
    const outcome = await dest.deliver(returnTx());
    expect(outcome).toMatchObject({ kind: 'retry', retryAfterMs: 12000 });
    expect(outcome).not.toHaveProperty('mayHaveApplied', true);
  });

  it('pauses for a few minutes when SimpleConsign says too many requests', async () => {
    const dest = createSimpleConsignDestination(core);
    for (let i = 0; i < 5; i++) await dest.deliver(tx({ orderNumber: `R${i}` }));
    const outcome = await dest.deliver(tx({ orderNumber: 'R9' }));
    expect(outcome).toEqual({ kind: 'retry', reason: expect.stringContaining(scMessages.tooMany), retryAfterMs: RATE_LIMIT_PAUSE_MS });
  });

  it('rejects with the vendor text for a return without its sale and for an unknown SKU', async () => {
    const dest = createSimpleConsignDestination(core);
    expect(await dest.deliver(returnTx({ orderNumber: '777' }))).toMatchObject({ kind: 'rejected', reason: expect.stringContaining(scMessages.noOriginalSale), action: expect.stringContaining('deliver it first') });
    expect(await dest.deliver(tx({ lines: [line('NOPE1', 500)] }))).toMatchObject({ kind: 'rejected', reason: expect.stringContaining(scMessages.unknownSku), action: expect.stringContaining('sent: NOPE1') });
  });

  it('in live mode: follows the enabled flag and points key and plan refusals at Connections', async () => {
    const dest = createSimpleConsignDestination(core);
    await goLive('wrong-key-1234');
    expect(await dest.isEnabled()).toBe(true);
    expect(await dest.deliver(tx())).toMatchObject({ kind: 'rejected', reason: expect.stringContaining(scMessages.invalidKey), action: expect.stringContaining('Connections → SimpleConsign') });
    await core.connections.setSecret('simpleconsign', 'apiKey', NO_API_PLAN_KEY);
    expect(await dest.deliver(tx())).toMatchObject({ kind: 'rejected', reason: expect.stringContaining(scMessages.pricePlan), action: expect.stringContaining('Connections → SimpleConsign') });
    await core.connections.setSecret('simpleconsign', 'apiKey', 'live-key-0001');
    expect(await dest.deliver(tx())).toMatchObject({ kind: 'delivered' });
    await core.connections.update('simpleconsign', false, { baseUrl: core.simHost.url('/simpleconsign') });
    expect(await dest.isEnabled()).toBe(false);
  });

  it('retries when the address refuses connections', async () => {
    await goLive('live-key-0001', `http://127.0.0.1:${await closedPort()}`);
    expect(await createSimpleConsignDestination(core).deliver(returnTx())).toMatchObject({ kind: 'retry', reason: expect.stringContaining('could not be reached') });
  });

  it('maps a time-out after sending like any answer that may have been applied', () => {
    const timeout = new VendorError('SimpleConsign', 'timeout', 'SimpleConsign did not answer within 30 seconds.', { mayHaveApplied: true });
    expect(outcomeOfError(tx(), timeout)).toMatchObject({ kind: 'retry', mayHaveApplied: true });
    expect(outcomeOfError(returnTx(), timeout)).toMatchObject({ kind: 'uncertain' });
  });
});

describe('SimpleConsign test connection', () => {
  it('proves the key without recording anything', async () => {
    const health = await core.connections.test('simpleconsign');
    expect(health).toMatchObject({ state: 'failing', message: expect.stringContaining('no stand-in') });
    core.connections.registerTester('simpleconsign', simpleConsignTester(core.http));
    expect(await core.connections.test('simpleconsign')).toMatchObject({ state: 'ok', message: expect.stringContaining('nothing was recorded') });
    expect(sim.transactions()).toEqual([]);
  });

  it('fails with the vendor text for a bad key and with the transport message for an outage', async () => {
    core.connections.registerTester('simpleconsign', simpleConsignTester(core.http));
    core.simHost.injectFault(SIM, { kind: 'unavailable', count: 1, retryAfterSeconds: 30, delayMs: 0 });
    expect(await core.connections.test('simpleconsign')).toMatchObject({ state: 'failing', message: expect.stringContaining('HTTP 503') });
    await goLive('wrong-key-1234');
    expect(await core.connections.test('simpleconsign')).toMatchObject({ state: 'failing', message: expect.stringContaining('“invalid API key”') });
  });
});
