import fs from 'node:fs';
import path from 'node:path';
import { coreStoreMigrations, storeMigrations } from './features';
import { MemorySecretStore } from '../core/secrets/memory-secret-store';
import { openDatabase } from '../core/store/database';
import { SettingsRepo } from '../core/store/settings-repo';
import { ADMIN_ACCOUNT } from '../store-server/link-config';
import { connectClient } from '../store-server/server-connection';
import { StoreServerService } from '../store-server/store-server-service';
import { testFolder } from '../store-server/testing/test-server';

/** One computer of a store in a test: its core store, keychain and store server service, in a folder of its own. */
export function storeComputer(name: string, heartbeatMs: number) {
  const dir = testFolder(`store-${name}-`);
  const db = openDatabase(path.join(dir, 'backoffice.db'), coreStoreMigrations);
  const secrets = new MemorySecretStore();
  const service = new StoreServerService({ settings: new SettingsRepo(db), secrets, dataDir: dir, version: 'test', features: storeMigrations, now: Date.now, log: () => {}, heartbeatMs });
  return {
    dir,
    service,
    secrets,
    async close() {
      await service.stop();
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
export type StoreComputer = ReturnType<typeof storeComputer>;

/** One statement as the store's administrator, whose password is in the server computer's keychain, where the app keeps it. */
export async function adminSql<R>(server: StoreComputer, port: number, text: string, params: unknown[] = []): Promise<R[]> {
  const admin = { user: 'backoffice_admin', password: server.secrets.values.get(ADMIN_ACCOUNT)! };
  const c = await connectClient({ host: '127.0.0.1', port, database: 'backoffice', tls: 'off' }, admin);
  try {
    return (await c.query(text, params)).rows as R[];
  } finally {
    await c.end();
  }
}
