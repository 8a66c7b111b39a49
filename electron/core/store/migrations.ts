import type { Migration } from './database';
import { coreMigrations } from './core-migrations';
import { salesMigrations } from '../../sales/migrations';
import { counterMigrations } from '../../sales/counter-migrations';
import { inventoryMigrations } from '../../inventory/migrations';
import { traxRetailMigrations } from '../../trax-retail/migrations';
import { heavyTruckPartsMigrations } from '../../heavytruckparts/migrations';

/** Version ranges: core 1–9, sales 10–19, inventory 20–29, trax-retail 30–39, heavytruckparts 40–49; each vendor feature owns its range. */
export const allMigrations: Migration[] = [...coreMigrations, ...salesMigrations, ...counterMigrations, ...inventoryMigrations, ...traxRetailMigrations, ...heavyTruckPartsMigrations];

/**
 * The core store holds what both modes share (settings, connections): versions 1–9. Each mode's data
 * store holds the features' records (sales, deliveries, the inventory copy, imports, parts caches): versions 10 and up.
 */
export const ownedByCoreStore = (version: number) => version < 10;
export const ownedByDataStore = (version: number) => version >= 10;
export const coreStoreMigrations: Migration[] = allMigrations.filter((m) => ownedByCoreStore(m.version));
export const dataStoreMigrations: Migration[] = allMigrations.filter((m) => ownedByDataStore(m.version));
