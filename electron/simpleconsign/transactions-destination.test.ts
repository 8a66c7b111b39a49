import { closedPort } from '../testing/closed-port';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { scMessages } from '../../shared/simpleconsign/vendor-messages';
import { VendorError } from '../core/http/vendor-error';
import type { DeliveryLine, TransactionToDeliver } from '../sales/destination';
import { seededRandom } from '../../shared/seeded-random';
import { SimpleConsignInventorySimulator } from './inventory-sim';
import { allowanceFor, RATE_CAP_PAUSE_MS } from './rate-allowance';
import { createSimpleConsignDestination, outcomeOfError } from './transactions-destination';
import { NO_API_PLAN_KEY, SimpleConsignTransactionsSim } from './transactions-sim';
import { simpleConsignTester } from './transactions-tester';
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
let inventory: SimpleConsignInventorySimulator;

beforeEach(async () => {
  inventory = new SimpleConsignInventorySimulator({ items: 10, keys: ['training-simpleconsign-key', 'live-key-0001'], requestCap: 5 });
  // One key, one allowance: the transactions simulator counts against the inventory simulator's window.
  sim = new SimpleConsignTransactionsSim({ catalog: () => catalog, requests: () => inventory.requests });
  sim.acceptKey('live-key-0001');
  core = await makeTestCore([sim, inventory]);
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
    expect(second).toMatchObject({ kind: 'delivered', summary: 'Already recorded by an earlier attempt whose answer was lost: SimpleConsign has online sale 1234.' });
    expect(sim.transactions()).toHaveLength(1);
  });

  it('refuses a first attempt whose order number is already taken, saying what to do', async () => {
    const dest = createSimpleConsignDestination(core);
    await dest.deliver(tx());
    const outcome = await dest.deliver(tx({ transactionId: 9 }));
    expect(outcome).toMatchObject({ kind: 'rejected', reason: expect.stringContaining(scMessages.saleExists), action: expect.stringContaining('Order number 1234 is taken in SimpleConsign') });
  });

  it('fails a later attempt that meets the order number when no earlier attempt can have arrived, naming the clash', async () => {
    const dest = createSimpleConsignDestination(core);
    // Another channel recorded order 1234 in SimpleConsign; our first attempt met an outage (503: not applied).
    await dest.deliver(tx({ transactionId: 99 }));
    const outcome = await dest.deliver(tx({ attempt: 2, previousAttemptUncertain: false }));
    expect(outcome).toMatchObject({
      kind: 'rejected',
      reason: expect.stringContaining('None of the earlier attempts reached SimpleConsign'),
      action: expect.stringContaining('if it is a different sale, record this one again under a new order number'),
    });
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

  it('retries a refusal that was certainly not applied, honouring Retry-After; a 429 holds the whole allowance', async () => {
    const dest = createSimpleConsignDestination(core);
    core.simHost.injectFault(SIM, { kind: 'rate-limit', count: 1, retryAfterSeconds: 7, delayMs: 0 });
    core.simHost.injectFault(SIM, { kind: 'unavailable', count: 1, retryAfterSeconds: 12, delayMs: 0 });
    expect(await dest.deliver(returnTx())).toMatchObject({ kind: 'retry', retryAfterMs: RATE_CAP_PAUSE_MS });
    const outcome = await dest.deliver(returnTx());
    expect(outcome).toMatchObject({ kind: 'retry', retryAfterMs: 12000 });
    expect(outcome).not.toHaveProperty('mayHaveApplied', true);
  });

  it('pauses transactions and inventory together for ten minutes when the shared allowance runs out', async () => {
    const dest = createSimpleConsignDestination(core);
    // Inventory requests and transactions spend the same key's allowance (5 here).
    core.connections.registerTester('simpleconsign', simpleConsignTester(core));
    for (let i = 0; i < 3; i++) expect((await core.connections.test('simpleconsign')).state).toBe('ok');
    for (let i = 0; i < 2; i++) await dest.deliver(tx({ orderNumber: `R${i}` }));
    const outcome = await dest.deliver(tx({ orderNumber: 'R9' }));
    expect(outcome).toEqual({ kind: 'retry', reason: expect.stringContaining(scMessages.tooMany), retryAfterMs: RATE_CAP_PAUSE_MS });
    const pause = allowanceFor(core).pausedAt(core.now());
    expect(pause?.until).toBeGreaterThanOrEqual(core.now() + RATE_CAP_PAUSE_MS - 1000);
    expect(dest.pausedUntil?.()).toEqual(pause);
    const inventoryCalls = () => core.simHost.status().simulators.find((s) => s.id === 'simpleconsign-inventory')!.requestCount;
    const before = inventoryCalls();
    expect(await core.connections.test('simpleconsign')).toMatchObject({ state: 'failing', message: expect.stringContaining('asked the app to hold off') });
    expect(inventoryCalls()).toBe(before);
  });

  it.each([1, 2, 3, 4, 5, 6, 7, 8])('reads documented refusals however worded and whatever status carries them (seed %i)', async (seed) => {
    const varied = new SimpleConsignTransactionsSim({ catalog: () => catalog, random: seededRandom(seed) });
    varied.acceptKey('live-key-0001');
    const vcore = await makeTestCore([varied]);
    try {
      const dest = createSimpleConsignDestination(vcore);
      expect(await dest.deliver(tx({ lines: [line('NOPE1', 500)] }))).toMatchObject({ kind: 'rejected', action: expect.stringContaining('sent: NOPE1') });
      expect(await dest.deliver(returnTx({ orderNumber: '777' }))).toMatchObject({ kind: 'rejected', action: expect.stringContaining('deliver it first') });
      expect(await dest.deliver(tx())).toMatchObject({ kind: 'delivered' });
      expect(await dest.deliver(tx({ transactionId: 5 }))).toMatchObject({ kind: 'rejected', action: expect.stringContaining('Order number 1234 is taken') });
      vcore.simHost.injectFault(SIM, { kind: 'rate-cap', count: 1, retryAfterSeconds: 30, delayMs: 0 });
      expect(await dest.deliver(tx({ orderNumber: 'C1' }))).toMatchObject({ kind: 'retry', retryAfterMs: RATE_CAP_PAUSE_MS });
      await vcore.connections.update('simpleconsign', true, { baseUrl: vcore.simHost.url('/simpleconsign') });
      await vcore.connections.setSecret('simpleconsign', 'apiKey', 'wrong-key-1234');
      await vcore.connections.setMode('live');
      expect(await dest.deliver(tx({ orderNumber: 'K1' }))).toMatchObject({ kind: 'rejected', action: expect.stringContaining('Check the Location API key') });
    } finally {
      await vcore.close();
    }
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

  it('retries when the address refuses connections, naming the address to check', async () => {
    const port = await closedPort();
    await goLive('live-key-0001', `http://127.0.0.1:${port}`);
    const outcome = await createSimpleConsignDestination(core).deliver(returnTx());
    expect(outcome).toMatchObject({ kind: 'retry', reason: expect.stringContaining(`Check the address 127.0.0.1:${port}`) });
    expect(outcome).toMatchObject({ reason: expect.not.stringContaining('internet') });
  });

  it('names a refused redirect as a redirect, and never as a sale or return SimpleConsign may have recorded', async () => {
    core.simHost.register({ id: 'moved', name: 'Moved', prefix: '/moved', reset() {}, handle: () => ({ status: 301, headers: { Location: 'https://new.example.com/api/transaction?x=1' } }) });
    await goLive('live-key-0001', core.simHost.url('/moved'));
    const dest = createSimpleConsignDestination(core);
    for (const t of [tx(), returnTx()]) {
      const outcome = await dest.deliver(t);
      expect(outcome).toMatchObject({ kind: 'rejected', reason: expect.stringContaining('answered with a redirect (HTTP 301) to https://new.example.com/api/transaction, which the app does not follow') });
      expect(JSON.stringify(outcome)).not.toMatch(/may have recorded|dropped the connection/);
    }
  });

  it('maps a time-out after sending like any answer that may have been applied', () => {
    const timeout = new VendorError('SimpleConsign', 'timeout', 'SimpleConsign did not answer within 30 seconds.', { mayHaveApplied: true });
    expect(outcomeOfError(tx(), timeout)).toMatchObject({ kind: 'retry', mayHaveApplied: true });
    expect(outcomeOfError(returnTx(), timeout)).toMatchObject({ kind: 'uncertain' });
  });
});

describe('SimpleConsign test connection', () => {
  it('proves the key with a read-only inventory request, and in training says the real key is missing', async () => {
    const health = await core.connections.test('simpleconsign');
    expect(health).toMatchObject({ state: 'failing', message: expect.stringContaining('no stand-in') });
    core.connections.registerTester('simpleconsign', simpleConsignTester(core));
    const trained = await core.connections.test('simpleconsign');
    expect(trained).toMatchObject({ state: 'ok', message: expect.stringContaining('read-only inventory request') });
    expect(trained.message).toMatch(/The Location API key is missing/);
    expect(sim.transactions()).toEqual([]);
    expect(core.simHost.status().simulators.find((s) => s.id === SIM)!.requestCount).toBe(0);
  });

  it('fails with the vendor text for a bad key and with the transport message for an outage', async () => {
    core.connections.registerTester('simpleconsign', simpleConsignTester(core));
    core.simHost.injectFault('simpleconsign-inventory', { kind: 'unavailable', count: 1, retryAfterSeconds: 30, delayMs: 0 });
    expect(await core.connections.test('simpleconsign')).toMatchObject({ state: 'failing', message: expect.stringContaining('HTTP 503') });
    await goLive('wrong-key-1234');
    expect(await core.connections.test('simpleconsign')).toMatchObject({ state: 'failing', message: expect.stringContaining('“Invalid API key”') });
  });
});
