import fs from 'node:fs';
import path from 'node:path';
import type { AppMode } from '../../shared/connections';
import { openDatabase, type Db, type OpenOptions } from '../core/store/database';
import { ownedByDataStore } from '../core/store/migrations';
import { dataStoreMigrations } from './features';
import type { SettingsRepo } from '../core/store/settings-repo';

/** The core store: settings, connections and the mode, shared by both modes. */
export const CORE_STORE_FILE = 'backoffice.db';

/** Each mode keeps its own records (sales, returns, deliveries, the inventory copy) in its own file. */
export function dataStoreFile(dataDir: string, mode: AppMode): string {
  return path.join(dataDir, `${mode}.db`);
}

export function openDataStore(dataDir: string, mode: AppMode, watch: Pick<OpenOptions, 'onDamage' | 'checkAtStartBytes' | 'checks'> = {}): Db {
  return openDatabase(dataStoreFile(dataDir, mode), dataStoreMigrations, { ...watch, owns: ownedByDataStore });
}

const ADOPTED = 'dataStores.legacyAdoptedInto';

/**
 * Earlier versions kept every record in the core store. On the first start with per-mode stores, a
 * copy of that file becomes the data store of the mode the app was in, since that is where its
 * waiting deliveries would have gone next. The core file is left as it was; nothing is deleted.
 */
export function adoptLegacyRecords(core: Db, settings: SettingsRepo, dataDir: string, mode: AppMode): AppMode | null {
  if (settings.get<AppMode | 'none' | null>(ADOPTED, null) !== null) return null;
  const versions = core.prepare('SELECT version FROM schema_migrations').pluck().all() as number[];
  const target = dataStoreFile(dataDir, mode);
  if (!versions.some(ownedByDataStore) || fs.existsSync(target)) {
    settings.set(ADOPTED, 'none');
    return null;
  }
  core.prepare('VACUUM INTO ?').run(target);
  settings.set(ADOPTED, mode);
  return mode;
}
