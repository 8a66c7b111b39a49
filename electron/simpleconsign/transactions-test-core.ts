import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CoreDeps } from '../core/feature';
import { aloneLink } from '../core/store-link';
import { ConnectionsRepo } from '../connections/connections-repo';
import { ConnectionsService } from '../connections/connections-service';
import { VendorHttp } from '../core/http/vendor-http';
import { MemorySecretStore } from '../core/secrets/memory-secret-store';
import { openDatabase } from '../core/store/database';
import { allMigrations } from '../app/features';
import { SettingsRepo } from '../core/store/settings-repo';
import type { Simulator } from '../training/simulator';
import { SimHost } from '../training/sim-host';

export interface TestCore extends CoreDeps {
  /** The real services, so tests can change settings and inject faults as a person or the app would. */
  connections: ConnectionsService;
  simHost: SimHost;
  secrets: MemorySecretStore;
  close(): Promise<void>;
}

/**
 * Real core services for tests of vendor clients: a temporary store, an in-memory keychain, a
 * running simulator host with the given simulators, and training mode.
 */
export async function makeTestCore(simulators: Simulator[], opts: { fetch?: typeof fetch; now?: () => number } = {}): Promise<TestCore> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'backoffice-vendor-test-'));
  const db = openDatabase(path.join(dir, 'test.db'), allMigrations);
  const settings = new SettingsRepo(db);
  const secrets = new MemorySecretStore();
  const simHost = new SimHost(simulators);
  await simHost.start();
  const now = opts.now ?? Date.now;
  const connections = new ConnectionsService({ repo: new ConnectionsRepo(db), settings, secrets, simHost, now });
  // Backoff waits are skipped: these tests are about outcomes, not timing.
  const http = new VendorHttp({ fetch: opts.fetch, now, sleep: async () => {} });
  return {
    db,
    settings,
    http,
    connections,
    simHost,
    store: aloneLink,
    now,
    log: () => {},
    secrets,
    async close() {
      await simHost.stop();
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
