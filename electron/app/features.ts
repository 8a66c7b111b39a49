import type { CoreDeps, FeatureFactory, FeatureModule } from '../core/feature';
import { coreMigrations } from '../core/store/core-migrations';
import { assembleMigrations, ownedByCoreStore, ownedByDataStore } from '../core/store/migrations';
import { heavyTruckPartsModule } from '../heavytruckparts/feature';
import { createIfposDestination } from '../ifpos/ifpos-destination';
import { ifposModule } from '../ifpos/ifpos-feature';
import { inventoryModule } from '../inventory/inventory-feature';
import { salesModule } from '../sales/sales-feature';
import type { Destination } from '../sales/destination';
import { createSimpleConsignDestination } from '../simpleconsign/transactions-destination';
import { simpleConsignTransactionsModule } from '../simpleconsign/transactions-feature';
import { traxRetailModule } from '../trax-retail/trax-retail-feature';

/** The vendors every recorded sale and return goes to, when the store has them enabled. */
export function salesDestinations(core: CoreDeps): Destination[] {
  return [createSimpleConsignDestination(core), createIfposDestination(core)];
}

/** Each vendor feature adds itself here, once: its store versions and its factory come with it. */
export const featureModules: FeatureModule[] = [
  simpleConsignTransactionsModule,
  ifposModule,
  salesModule(salesDestinations),
  inventoryModule,
  traxRetailModule,
  heavyTruckPartsModule,
];

export const features: FeatureFactory[] = featureModules.map((m) => m.create);

/** Version ranges: core 1–9, sales 10–19, inventory 20–29, trax-retail 30–39, heavytruckparts 40–49. */
export const allMigrations = assembleMigrations(coreMigrations, featureModules);
export const coreStoreMigrations = allMigrations.filter((m) => ownedByCoreStore(m.version));
export const dataStoreMigrations = allMigrations.filter((m) => ownedByDataStore(m.version));

/** Every feature's tables on the store server (each in its own version range, as in the data store). */
export const storeMigrations = featureModules.flatMap((m) => m.storeMigrations ?? []);
