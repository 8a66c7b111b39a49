import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defaultSyncSettings } from '../../../shared/inventory/schemas';
import type { ResolvedConnection } from '../../connections/connections-service';
import { VendorHttp } from '../../core/http/vendor-http';
import { coreMigrations } from '../../core/store/core-migrations';
import { openDatabase, type Db } from '../../core/store/database';
import { ModeLink } from '../mode-link';
import { ServerLink } from '../server-link';
import type { ServerEndpoint } from '../server-connection';
import type { Membership } from '../store-setup';
import { CopyWorkers } from '../../inventory/copy-load';
import { InventoryRepo } from '../../inventory/inventory-repo';
import { InventorySync } from '../../inventory/inventory-sync';
import { inventoryMigrations } from '../../inventory/migrations';
import { currentRows, rowToItem } from '../../inventory/store-copy-items';
import { StoreCopy } from '../../inventory/store-copy';
import type { KnownCopy } from '../../inventory/store-copy-server';
import { inventoryStoreMigrations } from '../../inventory/store-copy-schema';
import { allowanceStoreMigrations } from '../../simpleconsign/store-allowance';

export interface WorkstationSpec {
  endpoint: ServerEndpoint;
  membership: Membership;
  /** The SimpleConsign simulator's address and the key it accepts. */
  simUrl: string;
  key: string;
  /** How often the lock is tried (short in tests). */
  checkMs?: number;
}

/**
 * One workstation's inventory side, as the app builds it, over its own data folder: the local copy,
 * its loads from SimpleConsign (every request counted) and the store copy over a real server link.
 */
export class TestWorkstation {
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'store-ws-'));
  readonly db: Db;
  readonly repo: InventoryRepo;
  /** The copy's workers, ended once the sync has stopped. */
  private readonly workers: CopyWorkers;
  readonly sync: InventorySync;
  readonly copy: StoreCopy;
  readonly server: ServerLink;
  readonly link: ModeLink;
  /** SimpleConsign requests this workstation made. */
  requests: Record<string, unknown>[] = [];
  private known: KnownCopy | null = null;

  constructor(readonly spec: WorkstationSpec, readonly logs: string[] = []) {
    const log = (m: string) => void logs.push(m);
    this.db = openDatabase(path.join(this.dir, 'data.db'), [...coreMigrations, ...inventoryMigrations]);
    this.repo = new InventoryRepo(this.db);
    this.workers = new CopyWorkers(this.db);
    const fetchCounted: typeof fetch = async (url, init) => {
      this.requests.push(JSON.parse(String(init?.body ?? '{}')) as Record<string, unknown>);
      return fetch(url, init);
    };
    const conn: ResolvedConnection<'simpleconsign'> = { id: 'simpleconsign', training: true, enabled: true, settings: { baseUrl: spec.simUrl }, secrets: { apiKey: spec.key } };
    this.sync = new InventorySync({
      repo: this.repo, workers: this.workers, http: new VendorHttp({ fetch: fetchCounted }), resolve: async () => conn, settings: () => defaultSyncSettings, now: Date.now, log,
      loaded: (change) => void this.copy.published(change),
    });
    const m = spec.membership;
    this.server = new ServerLink({
      config: { role: 'workstation', kind: 'existing', endpoint: spec.endpoint, listen: [], othersTls: false, storeId: m.storeId, storeName: m.storeName, workstation: m.workstation, adminUser: null },
      password: async () => m.password, version: 'test', features: [...inventoryStoreMigrations, ...allowanceStoreMigrations], now: Date.now, log, heartbeatMs: 500,
    });
    this.link = new ModeLink('training', () => this.server, log);
    this.copy = new StoreCopy({
      store: this.link, db: this.db, repo: this.repo, sync: this.sync, log, checkMs: spec.checkMs ?? 500,
      known: { get: () => this.known, set: (k) => void (this.known = k) },
    });
  }

  /** Joins the store: the server link and the store copy start. */
  join(): void {
    this.server.start();
    this.copy.start();
  }

  /** A load from SimpleConsign, as the scheduler starts it (only when this workstation may load). */
  async load(): Promise<boolean> {
    if (!this.copy.mayLoad()) return false;
    await this.sync.start('manual');
    return true;
  }

  /** The copy searches read, as SimpleConsign items by SKU (lower case). */
  items(): Map<string, string> {
    const out = new Map<string, string>();
    for (const rows of currentRows(this.db)) for (const r of rows) out.set(String(r.sku).toLowerCase(), JSON.stringify(rowToItem(r)));
    return out;
  }

  async close(): Promise<void> {
    await this.copy.stop();
    await this.sync.stop();
    await this.workers.close();
    await this.link.close();
    await this.server.stop();
    this.db.close();
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
