import type { Feature, FeatureFactory, FeatureModule } from '../core/feature';
import { inventoryMigrations } from './migrations';
import { trainingCredentials } from '../training/credentials';
import { SimpleConsignInventorySimulator, type InventorySimOptions } from '../simpleconsign/inventory-sim';
import { simulatorSeed } from '../simpleconsign/transactions-feature';
import { SimpleConsignImagesSimulator } from '../simpleconsign/inventory-sim-images';
import { InventoryService } from './inventory-service';
import { inventoryStoreMigrations } from './store-copy-schema';
import { allowanceStoreMigrations } from '../simpleconsign/store-allowance';
import { inventoryPictures } from './inventory-pictures';

/** Items in the training store unless BACKOFFICE_SC_SIM_ITEMS says otherwise. */
export function trainingStoreSize(env: Record<string, string | undefined> = process.env): number {
  const n = Number(env.BACKOFFICE_SC_SIM_ITEMS);
  return Number.isInteger(n) && n >= 0 && n <= 500_000 ? n : 3000;
}

const wholeNumber = (text: string | undefined, min: number, max: number): number | undefined => {
  const n = text === undefined || text.trim() === '' ? NaN : Number(text);
  return Number.isInteger(n) && n >= min && n <= max ? n : undefined;
};

/**
 * The training store: its size, and for tests, how often its staff change items
 * (BACKOFFICE_SC_SIM_CHANGES_PER_MINUTE) and how far its change stamps run from its Date header
 * (BACKOFFICE_SC_SIM_STAMP_OFFSET_MINUTES); otherwise BACKOFFICE_SIM_SEED (or a new seed each start) picks the clock.
 */
export function trainingStoreOptions(env: Record<string, string | undefined> = process.env): InventorySimOptions {
  const offset = wholeNumber(env.BACKOFFICE_SC_SIM_STAMP_OFFSET_MINUTES, -60, 60);
  return {
    items: trainingStoreSize(env),
    changesPerMinute: wholeNumber(env.BACKOFFICE_SC_SIM_CHANGES_PER_MINUTE, 0, 100_000),
    stampOffsetMs: offset === undefined ? undefined : offset * 60_000,
    readingsSeed: simulatorSeed(env),
  };
}

/**
 * The local copy of the SimpleConsign inventory: its bridge handlers, its training simulators
 * (the store's inventory API and its image store) and the scheduled "modified since" loads.
 */
export const createInventoryFeature: FeatureFactory = (core): Feature => {
  const service = new InventoryService(core);
  const simulator = new SimpleConsignInventorySimulator({ ...trainingStoreOptions(), keys: [trainingCredentials.simpleconsign.apiKey], now: core.now });
  return {
    simulators: [simulator, new SimpleConsignImagesSimulator(simulator.store)],
    handlers: {
      inventory: {
        lookupSku: ({ sku }) => ({ item: service.search.lookupSku(sku) }),
        getStatus: () => service.status(),
        syncNow: () => service.begin('manual'),
        fullReload: () => service.begin('reload'),
        reloadSince: ({ since }) => service.begin('manual', since),
        updateSettings: (input) => service.saveSettings(input),
        search: (input) => service.search.search(input),
        getItem: ({ sku }) => ({ item: service.search.getItem(sku) }),
        listCategories: async () => ({ categories: await service.search.categories() }),
      },
    },
    pictures: inventoryPictures(() => service.imageBase()),
    start: () => service.start(),
    stop: () => service.stop(),
  };
};

export const inventoryModule: FeatureModule = { name: 'Inventory copy', versions: [20, 29], migrations: inventoryMigrations, storeMigrations: [...inventoryStoreMigrations, ...allowanceStoreMigrations], create: createInventoryFeature };
