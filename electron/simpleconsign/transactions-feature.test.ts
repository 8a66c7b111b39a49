import { afterEach, describe, expect, it } from 'vitest';
import type { DeliveryLine, TransactionToDeliver } from '../sales/destination';
import type { Simulator } from '../training/simulator';
import { trainingCredentials } from '../training/credentials';
import type { SimpleConsignCatalog } from './catalog';
import { SimpleConsignInventorySimulator } from './inventory-sim';
import { createSimpleConsignDestination } from './transactions-destination';
import { createSimpleConsignTransactionsFeature, simulatorCatalog } from './transactions-feature';
import type { SimpleConsignTransactionsSim } from './transactions-sim';
import { makeTestCore, type TestCore } from './transactions-test-core';

/** Stands in for the inventory simulator: the catalog interface under its simulator id. */
class FakeInventory implements Simulator, SimpleConsignCatalog {
  readonly id = 'simpleconsign-inventory';
  readonly name = 'inventory';
  readonly prefix = '/simpleconsign/inventory';
  readonly quantities = new Map([['VASE-1', 4]]);
  handle() {
    return { status: 404 };
  }
  reset() {}
  hasSku(sku: string) {
    return this.quantities.has(sku);
  }
  adjustQuantity(sku: string, delta: number) {
    if (this.quantities.has(sku)) this.quantities.set(sku, this.quantities.get(sku)! + delta);
  }
}

const line = (sku: string): DeliveryLine => ({ sku, name: sku, unitPriceCents: 2500, quantity: 1, taxable: false });
const tx = (kind: 'SALE' | 'RETURN', sku: string, orderNumber = 'W-1'): TransactionToDeliver => ({
  transactionId: 1,
  kind,
  orderNumber,
  recordedAt: 0,
  lines: [line(sku)],
  taxCents: 0,
  sale: { orderNumber, recordedAt: 0, lines: [line(sku)], taxCents: 0, returns: [] },
  attempt: 1,
  previousAttemptUncertain: false,
});

let core: TestCore;
afterEach(() => core.close());

async function withFeature(simulators: Simulator[]) {
  core = await makeTestCore(simulators);
  const feature = createSimpleConsignTransactionsFeature(core);
  for (const sim of feature.simulators ?? []) core.simHost.register(sim);
  return core.simHost.simulator<SimpleConsignTransactionsSim>('simpleconsign-transactions');
}

describe('SimpleConsign transactions feature', () => {
  it('checks SKUs against the inventory simulator and moves its quantities', async () => {
    const inventory = new FakeInventory();
    await withFeature([inventory]);
    const dest = createSimpleConsignDestination(core);
    expect(await dest.deliver(tx('SALE', 'VASE-1'))).toMatchObject({ kind: 'delivered' });
    expect(inventory.quantities.get('VASE-1')).toBe(3);
    expect(await dest.deliver(tx('RETURN', 'VASE-1'))).toMatchObject({ kind: 'delivered' });
    expect(inventory.quantities.get('VASE-1')).toBe(4);
    // The training simulator words its refusals in more than one way; the outcome is the same.
    expect(await dest.deliver(tx('SALE', 'LAMP-2', 'W-2'))).toMatchObject({ kind: 'rejected', action: expect.stringContaining('(sent: LAMP-2)') });
  });

  it('accepts any sane SKU when no inventory simulator is registered', async () => {
    const sim = await withFeature([]);
    expect(simulatorCatalog(core.simHost)).toBeNull();
    expect(await createSimpleConsignDestination(core).deliver(tx('SALE', 'LAMP-2'))).toMatchObject({ kind: 'delivered' });
    expect(sim.transactions()).toHaveLength(1);
  });

  it('registers the connection test, a read-only inventory request', async () => {
    await withFeature([new SimpleConsignInventorySimulator({ items: 5, keys: [trainingCredentials.simpleconsign.apiKey] })]);
    expect(await core.connections.test('simpleconsign')).toMatchObject({ state: 'ok', message: expect.stringContaining('read-only inventory request') });
    expect(core.simHost.status().simulators.find((s) => s.id === 'simpleconsign-transactions')!.requestCount).toBe(0);
  });
});
