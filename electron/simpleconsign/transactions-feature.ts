import type { Feature, FeatureFactory } from '../app/feature';
import type { SimHost } from '../training/sim-host';
import type { SimpleConsignCatalog } from './catalog';
import { simpleConsignTester } from './transactions-client';
import { SimpleConsignTransactionsSim } from './transactions-sim';

/** The inventory simulator, when it is registered and speaks the catalog interface; looked up per request. */
export function simulatorCatalog(simHost: SimHost): SimpleConsignCatalog | null {
  try {
    const sim = simHost.simulator('simpleconsign-inventory') as unknown as Partial<SimpleConsignCatalog>;
    return typeof sim.hasSku === 'function' && typeof sim.adjustQuantity === 'function' ? (sim as SimpleConsignCatalog) : null;
  } catch {
    return null;
  }
}

/**
 * SimpleConsign Online Transactions: its training simulator and its "Test connection". The sales
 * outbox builds its destination with `createSimpleConsignDestination(core)`.
 */
export const createSimpleConsignTransactionsFeature: FeatureFactory = (core): Feature => {
  core.connections.registerTester('simpleconsign', simpleConsignTester(core.http));
  return {
    handlers: {},
    simulators: [new SimpleConsignTransactionsSim({ catalog: () => simulatorCatalog(core.simHost), now: core.now })],
  };
};
