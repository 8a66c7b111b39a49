import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defaultSyncSettings, type SyncSettings } from '../../shared/inventory/schemas';
import type { ResolvedConnection } from '../connections/connections-service';
import { VendorHttp } from '../core/http/vendor-http';
import { coreMigrations } from '../core/store/core-migrations';
import { openDatabase, type Db } from '../core/store/database';
import { SimpleConsignInventorySimulator, type InventorySimOptions } from '../simpleconsign/inventory-sim';
import { readItem, type InventoryRecord } from '../simpleconsign/inventory-response';
import { SimHost } from '../training/sim-host';
import { ChunkSizer } from './chunk-sizer';
import { InventoryRepo } from './inventory-repo';
import { CopyWorkers } from './copy-load';
import { InventorySearch } from './inventory-search';
import { SearchFactsStore } from './search-facts';
import { InventorySync, type SyncDeps } from './inventory-sync';
import { inventoryMigrations } from './migrations';
import { ftsTable, itemsTable, slotOf, type Slot } from './slot-schema';
import type { ApplyContext } from './sync-apply';

export const TEST_KEY = 'test-inventory-key';

/** The items table searches read now. */
export function currentTable(db: Db): string {
  return itemsTable(slotOf(db.prepare('SELECT gen FROM inventory_state').pluck().get() as number));
}

/**
 * Leaf pages FTS5 has written to a slot's full-text index when it wrote out what it held in memory
 * (merges aside): the write counter of its structure record, whose layout is FTS5's file format
 * (a 4-byte cookie, an optional 4-byte version marker, then levels, segments and this counter as varints).
 */
export function ftsLeavesWritten(db: Db, slot: Slot): number {
  const block = db.prepare(`SELECT block FROM ${ftsTable(slot)}_data WHERE id = 10`).pluck().get() as Buffer;
  let at = block.readUInt32BE(4) === 0xff000000 ? 8 : 4;
  const varint = () => {
    let value = 0;
    for (let k = 0; k < 9; k++) {
      const byte = block[at++];
      if (k === 8) return value * 256 + byte;
      value = value * 128 + (byte & 0x7f);
      if (byte < 0x80) break;
    }
    return value;
  };
  varint();
  varint();
  return varint();
}

/** Fails when a slot's full-text index differs in any way from its rows. */
export function checkFtsIntegrity(db: Db): void {
  for (const slot of [0, 1] as const) db.prepare(`INSERT INTO ${ftsTable(slot)} (${ftsTable(slot)}, rank) VALUES ('integrity-check', 1)`).run();
}

/** Ends a test: the full-text index must match the items exactly, whatever the test did; then closes the harness. */
export async function checkAndClose(h: Harness): Promise<void> {
  try {
    checkFtsIntegrity(h.db);
  } finally {
    await h.close();
  }
}

/** A temporary store with the inventory tables. */
export function tempDb(): { db: Db; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'inventory-'));
  const db = openDatabase(path.join(dir, 'test.db'), [...coreMigrations, ...inventoryMigrations]);
  return {
    db,
    cleanup: () => {
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A temporary store and its repository, with how tests apply items to it: fixed chunks, no waiting between them. */
export function tempRepo(): { db: Db; repo: InventoryRepo; cleanup: () => void; ctx: (over?: Partial<ApplyContext>) => ApplyContext } {
  const { db, cleanup } = tempDb();
  const repo = new InventoryRepo(db);
  const ctx = (over: Partial<ApplyContext> = {}): ApplyContext => ({
    repo, settings: defaultSyncSettings, chunks: new ChunkSizer(3, null), pause: async () => {}, signal: new AbortController().signal, onApplied: () => {},
    vendorFiltered: true, ecommerceSkus: null, previousStart: null, ...over,
  });
  return { db, repo, cleanup, ctx };
}

export interface Harness {
  db: Db;
  repo: InventoryRepo;
  sync: InventorySync;
  search: InventorySearch;
  sim: SimpleConsignInventorySimulator;
  host: SimHost;
  clock: { t: number };
  settings: SyncSettings;
  conn: ResolvedConnection<'simpleconsign'>;
  /** Every request body the simulator received, newest last. */
  bodies: Record<string, unknown>[];
  run: (trigger?: 'manual' | 'scheduled' | 'reload') => Promise<void>;
  skus: () => string[];
  close: () => Promise<void>;
}

/** The sync against a running simulator over real HTTP, with a settable clock. */
export async function startHarness(opts: { sim?: InventorySimOptions; sync?: Partial<SyncDeps>; settings?: Partial<SyncSettings> } = {}): Promise<Harness> {
  const clock = { t: Date.UTC(2026, 2, 2, 9, 0, 0) };
  const now = () => clock.t;
  const { db, cleanup } = tempDb();
  // Stores that leave the E-commerce flag out cost a full load one more request; the tests that need it say so.
  // Change stamps on the Date header's clock unless a test says otherwise (sync-drift.test.ts covers the others).
  const sim = new SimpleConsignInventorySimulator({ items: 300, keys: [TEST_KEY], now, changesPerMinute: 0, sendsEcommerceFlag: true, stampOffsetMs: 0, ...opts.sim });
  const bodies: Record<string, unknown>[] = [];
  const handle = sim.handle.bind(sim);
  sim.handle = (req) => {
    bodies.push(req.json as Record<string, unknown>);
    // Each answer takes two seconds of clock time, so a run's start and end differ.
    clock.t += 2000;
    return handle(req);
  };
  const host = new SimHost([sim]);
  await host.start();
  const settings: SyncSettings = { ...defaultSyncSettings, ...opts.settings };
  const conn: ResolvedConnection<'simpleconsign'> = { id: 'simpleconsign', training: true, enabled: true, settings: { baseUrl: host.url('/simpleconsign') }, secrets: { apiKey: TEST_KEY } };
  const repo = new InventoryRepo(db);
  // One set of workers for the loads and the search's facts, ended when the harness closes.
  const workers = new CopyWorkers(db);
  const sync = new InventorySync({
    workers,
    repo,
    http: new VendorHttp({ now }),
    resolve: async () => conn,
    settings: () => settings,
    now,
    log: () => {},
    chunkSize: 50,
    chunkBudgetMs: null,
    ...opts.sync,
  });
  const search = new InventorySearch(db, () => 'http://images.test', undefined, new SearchFactsStore(db, workers));
  return {
    db, repo, sync, search, sim, host, clock, settings, conn, bodies,
    run: (trigger = 'manual') => sync.start(trigger),
    skus: () => (db.prepare(`SELECT sku FROM ${currentTable(db)} ORDER BY sku`).pluck().all() as string[]),
    close: async () => {
      await sync.stop();
      await workers.close();
      await host.stop();
      cleanup();
    },
  };
}

/** The newest run on record. */
export const lastRun = (h: Harness) => h.repo.recentRuns(1)[0];

/** Rows in both slots: after a successful run the slot searches do not read is empty. */
export const allRows = (h: Harness) => h.db.prepare(`SELECT (SELECT count(*) FROM ${itemsTable(0)}) + (SELECT count(*) FROM ${itemsTable(1)})`).pluck().get();

/** What the copy should hold: the simulator's active items, sold-out ones only when the settings keep them. */
export function expectedSkus(h: Harness): string[] {
  return h.sim.store
    .query({ ecommerceOnly: false, includeZero: h.settings.includeItemsWithQuantityZero, includeInactive: false })
    .map((i) => String(i.sku))
    .sort();
}

/**
 * How the copy differs from the simulated store: items it lacks, items it holds that it should not,
 * and items whose stored values are not what the store sends now.
 */
export function copyDiff(h: Harness): { missing: string[]; extra: string[]; wrong: string[] } {
  const want = new Map<string, InventoryRecord>();
  for (const raw of h.sim.store.query({ ecommerceOnly: false, includeZero: h.settings.includeItemsWithQuantityZero, includeInactive: false })) {
    const read = readItem(raw);
    if (read.ok) want.set(read.record.sku, read.record);
  }
  // A store that leaves the flag out of its items tells it by a request for E-commerce items alone.
  const flagged = new Set(h.sim.store.query({ ecommerceOnly: true, includeZero: true, includeInactive: true }).map((i) => String(i.sku)));
  const ecommerce = (w: InventoryRecord) => (w.ecommerce === null ? Number(flagged.has(w.sku)) : Number(w.ecommerce));
  const rows = h.db.prepare(`SELECT sku, name, quantity, current_price_cents, retail_cents, status, ecommerce, category, last_updated FROM ${currentTable(h.db)}`).all() as Record<string, unknown>[];
  const have = new Map(rows.map((r) => [String(r.sku), r]));
  const same = (r: Record<string, unknown>, w: InventoryRecord) =>
    r.name === w.name && r.quantity === w.quantity && r.current_price_cents === w.currentPriceCents && r.retail_cents === w.retailCents && r.status === w.status &&
    r.ecommerce === ecommerce(w) && r.category === w.category && r.last_updated === w.lastUpdated;
  return {
    missing: [...want.keys()].filter((sku) => !have.has(sku)),
    extra: [...have.keys()].filter((sku) => !want.has(sku)),
    wrong: [...want].filter(([sku, w]) => have.has(sku) && !same(have.get(sku)!, w)).map(([sku]) => sku),
  };
}

