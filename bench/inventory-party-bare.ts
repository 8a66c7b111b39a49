import Database from 'better-sqlite3';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { ftsQuery } from '../electron/inventory/search-query';
import type { SearchFilters } from '../shared/inventory/schemas';
import { percentile } from './harness';
import { BENCH_KEY } from './inventory-party-sim';
import { baseFilters, benchQueries, prefixQueries } from './inventory-queries';
import { tempDir } from './bench-paths';

const MB = 1024 * 1024;
const FTS = ['sku', 'name', 'description', 'brand', 'category', 'color', 'size', 'consignor_id'];
const COLS = [...FTS, 'family_group', 'consignment', 'start_date', 'expire_date', 'status', 'state', 'ecommerce', 'quantity', 'cost_cents', 'retail_cents', 'buyers_fee_cents', 'current_price_cents', 'discount', 'do_not_discount', 'images', 'date_created', 'last_updated'];
const FIELDS = ['sku', 'name', 'description', 'brand', 'category', 'color', 'size', 'consignorId', 'familyGroup', 'consignmentItem', 'startDate', 'expireDate', 'status', 'state', 'ecommerceItem', 'quantity', 'cost', 'retail', 'buyersFee', 'currentPrice', 'discount', 'doNotDiscount', 'images', 'dateCreated', 'lastUpdated'];

const value = (v: unknown) => (typeof v === 'boolean' ? (v ? 1 : 0) : Array.isArray(v) ? v.join(',') : (v ?? null));
const row = (item: Record<string, unknown>) => FIELDS.map((f) => value(item[f]));

/** The answer's text, as received; parsing it is part of applying it, as in the app. */
async function ask(url: string, extra: Record<string, string>): Promise<string> {
  const r = { sent: abs(), headers: 0, read: 0 };
  requests.push(r);
  const res = await fetch(`${url}/inventory`, {
    method: 'POST',
    headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
    body: JSON.stringify({ key: BENCH_KEY, ...extra }),
  });
  r.headers = abs();
  const text = await res.text();
  r.read = abs();
  return text;
}

/** Every request, in absolute ms (to line up with the simulator's): sent, headers in, body read. */
const requests: { sent: number; headers: number; read: number }[] = [];
const abs = () => performance.timeOrigin + performance.now();

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

const resultsOf = (text: string) => (JSON.parse(text) as { results: Record<string, unknown>[] }).results;

/** The same work as the app, the plainest way better-sqlite3 allows: one transaction, no yields, no checks. */
export async function bareParty(args: Record<string, unknown>) {
  const url = String(args.url);
  const db = new Database(path.join(tempDir('bare'), 'bare.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  const full = async () => {
    requests.length = 0;
    const cpu = cpuMs();
    const started = performance.now();
    const filters = { includeItemsWithQuantityZero: 'false', includeInactiveItems: 'false' };
    const text = await ask(url, filters);
    const answered = performance.now();
    const items = resultsOf(text);
    // Its longest synchronous stretch: the whole apply, or the parse and the apply after the second answer.
    let stall = 0;
    let applying = answered;
    // Items that do not say whether they are E-commerce items: asked once more, for those only, as the app does,
    // so that both copies hold the same flags.
    if (items.length && items[0].ecommerceItem === undefined) {
      stall = performance.now() - answered;
      const flaggedText = await ask(url, { ...filters, includeOnlyEcommerceItems: 'true' });
      applying = performance.now();
      const flagged = new Set(resultsOf(flaggedText).map((i) => i.sku));
      for (const item of items) item.ecommerceItem = flagged.has(item.sku);
    }
    db.exec(`CREATE TABLE items (id INTEGER PRIMARY KEY, ${COLS.join(', ')})`);
    const insert = db.prepare(`INSERT INTO items (${COLS.join(', ')}) VALUES (${COLS.map(() => '?').join(', ')})`);
    db.transaction(() => {
      for (const item of items) insert.run(...row(item));
      db.exec(`
        CREATE UNIQUE INDEX items_sku ON items (sku); CREATE INDEX items_name ON items (name); CREATE INDEX items_price ON items (current_price_cents);
        CREATE VIRTUAL TABLE fts USING fts5(${FTS.join(', ')}, content='items', content_rowid='id');
        INSERT INTO fts (fts) VALUES ('rebuild');`);
    })();
    const done = performance.now();
    const cpuDone = cpuMs() - cpu;
    // The same first searches the app is timed on, right after the load.
    const t1 = performance.now();
    plainQuery(db, { ...baseFilters, inStockOnly: true, category: 'CLOTHING' });
    const firstFilteredMs = performance.now() - t1;
    const t2 = performance.now();
    plainQuery(db, { ...baseFilters, query: 'black', sort: 'price-desc' });
    const firstSortedMs = performance.now() - t2;
    db.exec(`
      CREATE TRIGGER items_ai AFTER INSERT ON items BEGIN INSERT INTO fts (rowid, ${FTS.join(', ')}) VALUES (new.id, ${FTS.map((c) => `new.${c}`).join(', ')}); END;
      CREATE TRIGGER items_ad AFTER DELETE ON items BEGIN INSERT INTO fts (fts, rowid, ${FTS.join(', ')}) VALUES ('delete', old.id, ${FTS.map((c) => `old.${c}`).join(', ')}); END;
      CREATE TRIGGER items_au AFTER UPDATE ON items BEGIN
        INSERT INTO fts (fts, rowid, ${FTS.join(', ')}) VALUES ('delete', old.id, ${FTS.map((c) => `old.${c}`).join(', ')});
        INSERT INTO fts (rowid, ${FTS.join(', ')}) VALUES (new.id, ${FTS.map((c) => `new.${c}`).join(', ')});
      END;`);
    return { items: items.length, ms: done - started, cpuMs: cpuDone, firstFilteredMs, firstSortedMs, applyMs: done - answered, stall: Math.max(stall, done - applying), peakRssMb: process.resourceUsage().maxRSS / 1024, rssMb: process.memoryUsage().rss / MB, startedAt: performance.timeOrigin + started, requests: [...requests] };
  };
  const incremental = async (since: number) => {
    const started = performance.now();
    const items = resultsOf(await ask(url, { includeItemsWithQuantityZero: 'true', includeInactiveItems: 'true', modifiedSince: String(since) }));
    const upsert = db.prepare(`INSERT INTO items (${COLS.join(', ')}) VALUES (${COLS.map(() => '?').join(', ')}) ON CONFLICT (sku) DO UPDATE SET ${COLS.map((c) => `${c} = excluded.${c}`).join(', ')}`);
    const remove = db.prepare('DELETE FROM items WHERE sku = ?');
    db.transaction(() => {
      for (const item of items) {
        if (item.state === 'I' || item.quantity === 0) remove.run(item.sku);
        else upsert.run(...row(item));
      }
    })();
    return { received: items.length, ms: performance.now() - started };
  };
  return async (c: Record<string, unknown>) => {
    if (c.cmd === 'full') return full();
    if (c.cmd === 'incremental') return incremental(Number(c.since));
    if (c.cmd === 'search') return searches(db, c.sample as { sku: string; consignorId: string }, Number(c.reps ?? 25));
    if (c.cmd === 'lookup') return lookups(db, c.skus as string[]);
    throw new Error(`unknown command ${String(c.cmd)}`);
  };
}

/** The plain way: rank every match with bm25, count every match, sort what the filters leave. */
function plainQuery(db: Database.Database, f: SearchFilters & { offset: number; limit: number }): number {
  const conds: string[] = [];
  const params: unknown[] = [];
  const match = ftsQuery(f.query);
  if (match) {
    conds.push('fts MATCH ?');
    params.push(match);
  }
  if (f.category) {
    conds.push('i.category = ?');
    params.push(f.category);
  }
  if (f.stock === 'consignment') conds.push('i.consignment = 1');
  if (f.ecommerceOnly) conds.push('i.ecommerce = 1');
  if (f.inStockOnly) conds.push('i.quantity > 0');
  if (f.activeOnly) conds.push("upper(i.status) = 'ACTIVE'");
  const from = match ? 'fts JOIN items i ON i.id = fts.rowid' : 'items i';
  const where = conds.length ? `WHERE ${conds.join(' AND ')}` : '';
  const column: Record<string, string> = { name: 'i.name', 'price-asc': 'i.current_price_cents', 'price-desc': 'i.current_price_cents DESC', updated: 'i.last_updated DESC', relevance: match ? 'rank' : 'i.name' };
  db.prepare(`SELECT i.* FROM ${from} ${where} ORDER BY ${column[f.sort] ?? 'i.name'} LIMIT ? OFFSET ?`).all(...params, f.limit, f.offset);
  return db.prepare(`SELECT count(*) FROM ${from} ${where}`).pluck().get(...params) as number;
}

function searches(db: Database.Database, sample: { sku: string; consignorId: string }, reps: number) {
  const all: number[] = [];
  const prefixes: number[] = [];
  const queries = [...benchQueries(sample), ...prefixQueries()].map((q) => {
    const times: number[] = [];
    let hits = 0;
    for (let i = 0; i < reps; i++) {
      const t = performance.now();
      hits = plainQuery(db, { ...baseFilters, ...q.f });
      times.push(performance.now() - t);
    }
    all.push(...times);
    if (q.prefix) prefixes.push(...times);
    return { label: q.label, hits, median: percentile([...times].sort((a, b) => a - b), 50) };
  });
  return { queries, p95: percentile(all.sort((a, b) => a - b), 95), prefixP95: percentile(prefixes.sort((a, b) => a - b), 95) };
}

function lookups(db: Database.Database, skus: string[]) {
  const find = db.prepare('SELECT * FROM items WHERE sku = ?');
  const times = skus.map((sku) => {
    const t = performance.now();
    find.get(sku);
    return performance.now() - t;
  });
  return { p95: percentile(times.sort((a, b) => a - b), 95) };
}
