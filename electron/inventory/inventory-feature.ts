import type { Feature, FeatureFactory, FeatureModule } from '../core/feature';
import { inventoryMigrations } from './migrations';
import { trainingCredentials } from '../training/credentials';
import { SimpleConsignInventorySimulator } from '../simpleconsign/inventory-sim';
import { SimpleConsignImagesSimulator } from '../simpleconsign/inventory-sim-images';
import { InventoryService } from './inventory-service';

/** Items in the training store unless BACKOFFICE_SC_SIM_ITEMS says otherwise. */
export function trainingStoreSize(env: Record<string, string | undefined> = process.env): number {
  const n = Number(env.BACKOFFICE_SC_SIM_ITEMS);
  return Number.isInteger(n) && n >= 0 && n <= 500_000 ? n : 3000;
}

/**
 * The local copy of the SimpleConsign inventory: its bridge handlers, its training simulators
 * (the store's inventory API and its image store) and the scheduled "modified since" loads.
 */
export const createInventoryFeature: FeatureFactory = (core): Feature => {
  const service = new InventoryService(core);
  const simulator = new SimpleConsignInventorySimulator({ items: trainingStoreSize(), keys: [trainingCredentials.simpleconsign.apiKey], now: core.now });
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
        listCategories: () => ({ categories: service.search.categories() }),
      },
    },
    start: () => service.start(),
    stop: () => service.stop(),
  };
};

export const inventoryModule: FeatureModule = { name: 'Inventory copy', versions: [20, 29], migrations: inventoryMigrations, create: createInventoryFeature };
