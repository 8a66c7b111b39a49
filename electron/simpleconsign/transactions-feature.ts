import { seededRandom } from '../../shared/seeded-random';
import type { Feature, FeatureFactory, FeatureModule } from '../core/feature';
import type { SimulatorHost } from '../core/simulator';
import type { SimpleConsignCatalog } from './catalog';
import { simpleConsignTester } from './transactions-tester';
import { SimpleConsignTransactionsSim } from './transactions-sim';

/** The inventory simulator, when it is registered and speaks the catalog interface; looked up per request. */
export function simulatorCatalog(simHost: SimulatorHost): SimpleConsignCatalog | null {
  try {
    const sim = simHost.simulator('simpleconsign-inventory') as unknown as Partial<SimpleConsignCatalog>;
    return typeof sim.hasSku === 'function' && typeof sim.adjustQuantity === 'function' ? (sim as SimpleConsignCatalog) : null;
  } catch {
    return null;
  }
}

/** The seed that varies the simulator's wording and statuses: BACKOFFICE_SIM_SEED, else a new one each start. */
export function simulatorSeed(env: Record<string, string | undefined> = process.env): number {
  const n = Number(env.BACKOFFICE_SIM_SEED);
  return Number.isSafeInteger(n) ? n : Math.floor(Math.random() * 2 ** 31);
}

/**
 * SimpleConsign Online Transactions: its training simulator and its "Test connection". The sales
 * outbox builds its destination with `createSimpleConsignDestination(core)`.
 */
export const createSimpleConsignTransactionsFeature: FeatureFactory = (core): Feature => {
  core.connections.registerTester('simpleconsign', simpleConsignTester(core));
  return {
    handlers: {},
    simulators: [
      new SimpleConsignTransactionsSim({
        catalog: () => simulatorCatalog(core.simHost),
        requests: () => simulatorCatalog(core.simHost)?.requests ?? null,
        random: seededRandom(simulatorSeed()),
        now: core.now,
      }),
    ],
  };
};

/** No records of its own in the data store. */
export const simpleConsignTransactionsModule: FeatureModule = { name: 'SimpleConsign online transactions', versions: null, migrations: [], create: createSimpleConsignTransactionsFeature };
