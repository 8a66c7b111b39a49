import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { defaultSyncSettings, type SearchFilters } from '../shared/inventory/schemas';
import { VendorHttp } from '../electron/core/http/vendor-http';
import { coreMigrations } from '../electron/core/store/core-migrations';
import { openDatabase, type Db } from '../electron/core/store/database';
import { InventoryRepo } from '../electron/inventory/inventory-repo';
import { InventorySearch } from '../electron/inventory/inventory-search';
import { InventorySync } from '../electron/inventory/inventory-sync';
import { inventoryMigrations } from '../electron/inventory/migrations';
import { readItem, type InventoryRecord } from '../electron/simpleconsign/inventory-response';
import { SimpleConsignInventorySimulator } from '../electron/simpleconsign/inventory-sim';
import { SimHost } from '../electron/training/sim-host';
import { median, percentile, type BenchReport } from './harness';

/** Store size whose first load (active items with stock) is a little over 100,000 items. */
const STORE_ITEMS = 112_000;
const KEY = 'bench-key';
const MB = 1024 * 1024;

/** Peak memory and the longest gap between timer ticks (how long the event loop was held), per phase. */
function watch() {
  const peak = { rss: 0, heap: 0 };
  const stall = { request: 0, apply: 0 };
  let phase: keyof typeof stall = 'request';
  let last = performance.now();
  const sample = () => {
    const m = process.memoryUsage();
    peak.rss = Math.max(peak.rss, m.rss);
    peak.heap = Math.max(peak.heap, m.heapUsed);
    const t = performance.now();
    stall[phase] = Math.max(stall[phase], t - last);
    last = t;
  };
  const timer = setInterval(sample, 2);
  return {
    peak,
    stall,
    sample,
    setPhase: (p: keyof typeof stall) => {
      sample();
      phase = p;
    },
    stop: () => clearInterval(timer),
  };
}

function tempDb(name: string): { db: Db; dir: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `inventory-bench-${name}-`));
  return { db: openDatabase(path.join(dir, 'bench.db'), [...coreMigrations, ...inventoryMigrations]), dir };
}

/** The same rows into a plain table: no indexes, no full-text index, one transaction. */
function bareInsert(records: InventoryRecord[]): number {
  const { db, dir } = tempDb('bare');
  const cols = ['sku', 'name', 'description', 'category', 'brand', 'size', 'color', 'family_group', 'consignment', 'consignor_id', 'start_date', 'expire_date', 'status', 'state', 'ecommerce', 'quantity', 'cost_cents', 'retail_cents', 'buyers_fee_cents', 'current_price_cents', 'discount', 'do_not_discount', 'images', 'date_created', 'last_updated', 'extra', 'unreadable'];
  db.exec(`CREATE TABLE bare (${cols.join(', ')})`);
  const insert = db.prepare(`INSERT INTO bare VALUES (${cols.map(() => '?').join(', ')})`);
  const b = (v: boolean | null) => (v === null ? null : v ? 1 : 0);
  const started = performance.now();
  db.transaction(() => {
    for (const r of records) {
      insert.run(r.sku, r.name, r.description, r.category, r.brand, r.size, r.color, r.familyGroup, b(r.consignment), r.consignorId, r.startDate, r.expireDate, r.status, r.state, b(r.ecommerce), r.quantity, r.costCents, r.retailCents, r.buyersFeeCents, r.currentPriceCents, r.discount, b(r.doNotDiscount), JSON.stringify(r.images), r.dateCreated, r.lastUpdated, JSON.stringify(r.extra), JSON.stringify(r.unreadable));
    }
  })();
  const seconds = (performance.now() - started) / 1000;
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return records.length / seconds;
}

/** The same rows through the copy's own schema (indexes, full-text triggers) in one transaction, without chunks. */
function schemaInsertOnce(records: InventoryRecord[]): number {
  const { db, dir } = tempDb('schema');
  const repo = new InventoryRepo(db);
  const started = performance.now();
  db.transaction(() => {
    for (const r of records) repo.upsert(1, r);
  })();
  const seconds = (performance.now() - started) / 1000;
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return records.length / seconds;
}

const queries: { label: string; f: Partial<SearchFilters> & { offset?: number } }[] = [
  { label: 'browse by name, first page', f: { sort: 'name' } },
  { label: 'browse by price, page at row 50,000', f: { sort: 'price-desc', offset: 50_000 } },
  { label: '"black"', f: { query: 'black' } },
  { label: '"vintage cardigan"', f: { query: 'vintage cardigan' } },
  { label: '"nike" in stock, by price', f: { query: 'nike', inStockOnly: true, sort: 'price-asc' } },
  { label: 'SKU prefix', f: { query: '' } },
  { label: 'consignor id', f: { query: '' } },
  { label: '"leather" in CLOTHING, consignment', f: { query: 'leather', category: 'CLOTHING', stock: 'consignment' } },
  { label: '"s" (matches most items)', f: { query: 's' } },
  { label: 'e-commerce, status active, recently changed', f: { ecommerceOnly: true, activeOnly: true, sort: 'updated' } },
];

type Watch = ReturnType<typeof watch>;

/** The sync against the simulator over loopback HTTP, with a settable clock and a mark when the answer arrives. */
async function setup() {
  const clock = { t: Date.UTC(2026, 5, 1, 8) };
  const now = () => clock.t;
  const sim = new SimpleConsignInventorySimulator({ items: STORE_ITEMS, keys: [KEY], now, changesPerMinute: 0, requestCap: 1000 });
  const host = new SimHost([sim]);
  await host.start();
  const { db, dir } = tempDb('copy');
  const repo = new InventoryRepo(db);
  const marks = { answeredAt: 0, watch: undefined as Watch | undefined };
  const http = new VendorHttp({ now });
  const request = http.request.bind(http);
  http.request = (async (req: Parameters<VendorHttp['request']>[0]) => {
    const res = await request(req);
    marks.answeredAt = performance.now();
    marks.watch?.setPhase('apply');
    return res;
  }) as VendorHttp['request'];
  const sync = new InventorySync({
    repo,
    http,
    resolve: async () => ({ id: 'simpleconsign', training: true, enabled: true, settings: { baseUrl: host.url('/simpleconsign') }, secrets: { apiKey: KEY } }),
    settings: () => defaultSyncSettings,
    now,
    log: (m) => console.error(m),
    pause: () => new Promise((r) => setImmediate(() => (marks.watch?.sample(), r()))),
  });
  /** One load, watched; answers its run record and how long it took. */
  const load = async () => {
    const w = (marks.watch = watch());
    const started = performance.now();
    await sync.start('manual');
    const done = performance.now();
    w.stop();
    marks.watch = undefined;
    return { run: repo.recentRuns(1)[0], started, done, w };
  };
  const close = async () => {
    await sync.stop();
    await host.stop();
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  return { clock, sim, db, repo, marks, load, close };
}
type Setup = Awaited<ReturnType<typeof setup>>;

async function fullLoad(report: BenchReport, s: Setup): Promise<InventoryRecord[]> {
  report.section(`Inventory: first load from a simulated store of ${STORE_ITEMS.toLocaleString('en-US')} items`);
  const before = process.memoryUsage();
  const { run, started, done, w } = await s.load();
  if (run.outcome !== 'ok') throw new Error(`full load failed: ${run.message}`);
  const answer = s.sim.store.query({ ecommerceOnly: false, includeZero: false, includeInactive: false });
  const text = JSON.stringify({ results: answer });
  const parseStarted = performance.now();
  JSON.parse(text);
  const parseMs = performance.now() - parseStarted;
  const records = answer.map((raw) => readItem(raw)).flatMap((r) => (r.ok ? [r.record] : []));
  const bare = bareInsert(records);
  const once = schemaInsertOnce(records);
  const answeredAt = s.marks.answeredAt;
  report.figure('items in the first load', run.received, 'items');
  report.figure('full load, request to commit (simulator in-process)', (done - started) / 1000, 's');
  report.figure('  of which waiting for the answer (build, JSON, parse)', (answeredAt - started) / 1000, 's');
  report.ratio('apply rate: read, chunked write, commit, clean-up', run.received / ((done - answeredAt) / 1000), bare, 'items/s');
  report.ratio('same rows, copy schema, one transaction, no yields', once, bare, 'items/s');
  report.figure('bare SQLite bulk insert, same rows (baseline)', bare, 'items/s');
  report.figure('peak RSS during the load', w.peak.rss / MB, 'MB');
  report.figure('  RSS before the load', before.rss / MB, 'MB');
  report.figure('peak JS heap used during the load', w.peak.heap / MB, 'MB');
  report.figure('longest event-loop stall while applying', w.stall.apply, 'ms');
  report.figure('longest stall while the answer was built (in-process simulator) and read', w.stall.request, 'ms');
  report.figure(`  JSON.parse of the ${(text.length / MB).toFixed(0)} MB answer in one piece (the client reads it in a worker: see the http bench)`, parseMs, 'ms');
  return records;
}

async function incrementalLoad(report: BenchReport, s: Setup): Promise<void> {
  report.section('Inventory: incremental load of 1,000 changes');
  s.clock.t += 5 * 60_000;
  const changed = s.sim.tick(1000);
  s.clock.t += 1000;
  const { run, started, done, w } = await s.load();
  if (run.outcome !== 'ok' || run.mode !== 'incremental') throw new Error(`incremental load failed: ${run.message}`);
  report.figure('changes made in the store (updated, new, deleted)', changed.updated.length + changed.added.length + changed.inactivated.length, 'items');
  report.figure('items received (changes plus the overlap)', run.received, 'items');
  report.figure('incremental load, request to commit', done - started, 'ms');
  report.figure('  of which reading and applying (one transaction)', done - s.marks.answeredAt, 'ms');
  report.figure('longest event-loop stall while applying', w.stall.apply, 'ms');
}

function searches(report: BenchReport, s: Setup, records: InventoryRecord[]): void {
  report.section(`Inventory: search over ${s.repo.state().itemCount.toLocaleString('en-US')} items (each call counts its total afresh)`);
  const sample = s.db.prepare('SELECT sku, consignor_id FROM inventory_items WHERE consignor_id IS NOT NULL LIMIT 1').get() as { sku: string; consignor_id: string };
  queries[5].f.query = sample.sku.slice(0, 4);
  queries[6].f.query = sample.consignor_id;
  const base: SearchFilters & { offset: number; limit: number } = { query: '', category: null, stock: 'all', ecommerceOnly: false, inStockOnly: false, activeOnly: false, sort: 'relevance', offset: 0, limit: 100 };
  const all: number[] = [];
  for (const q of queries) {
    const times: number[] = [];
    let total = 0;
    for (let i = 0; i < 25; i++) {
      const search = new InventorySearch(s.db, () => 'http://img');
      const t = performance.now();
      total = search.search({ ...base, ...q.f }).total;
      times.push(performance.now() - t);
    }
    all.push(...times);
    report.figure(`${q.label} (${total.toLocaleString('en-US')} hits), median`, median(times), 'ms');
  }
  report.figure('all queries: median', median(all), 'ms');
  report.figure('all queries: p95', percentile([...all].sort((a, b) => a - b), 95), 'ms');
  const lookups: number[] = [];
  const lookup = new InventorySearch(s.db, () => 'http://img');
  for (const r of records.slice(0, 500)) {
    const t = performance.now();
    lookup.lookupSku(r.sku.toLowerCase());
    lookups.push(performance.now() - t);
  }
  report.figure('SKU lookup for the sale screen: median', median(lookups), 'ms');
  report.figure('SKU lookup: p95', percentile([...lookups].sort((a, b) => a - b), 95), 'ms');
}

export default async function inventoryBench(report: BenchReport): Promise<void> {
  const s = await setup();
  try {
    const records = await fullLoad(report, s);
    await incrementalLoad(report, s);
    searches(report, s, records);
  } finally {
    await s.close();
  }
}
