import type { Migration } from './database';

/**
 * The core store holds what both modes share (settings, connections): versions 1–9. Each mode's data
 * store holds the features' records (sales, deliveries, the inventory copy, imports, parts caches): versions 10 and up.
 */
export const ownedByCoreStore = (version: number) => version < 10;
export const ownedByDataStore = (version: number) => version >= 10;

/** A feature's store versions as it declares them: the range it owns and its migrations. */
export interface OwnedMigrations {
  name: string;
  versions: [number, number] | null;
  migrations: Migration[];
}

/**
 * Every store version in one ascending list: the core's, then each feature's. A feature's
 * migration outside the range it owns, or two features claiming the same versions, stop the app
 * at start rather than let one feature's records overwrite another's.
 */
export function assembleMigrations(core: Migration[], features: OwnedMigrations[]): Migration[] {
  const claimed = features.filter((f) => f.versions !== null);
  for (const f of features) {
    const stray = f.migrations.find((m) => f.versions === null || m.version < f.versions[0] || m.version > f.versions[1]);
    if (stray) throw new Error(`${f.name}: store version ${stray.version} is outside the versions it owns`);
    const [low, high] = f.versions ?? [0, -1];
    if (f.versions && !ownedByDataStore(low)) throw new Error(`${f.name}: versions below 10 belong to the core store`);
    const clash = claimed.find((o) => o !== f && o.versions![0] <= high && low <= o.versions![1]);
    if (clash) throw new Error(`${f.name} and ${clash.name} claim the same store versions`);
  }
  return [...core, ...features.flatMap((f) => f.migrations)].sort((a, b) => a.version - b.version);
}
