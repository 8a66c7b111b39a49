import path from 'node:path';
import { performance, PerformanceObserver } from 'node:perf_hooks';
import { defaultSyncSettings } from '../shared/inventory/schemas';
import { VendorHttp } from '../electron/core/http/vendor-http';
import { coreMigrations } from '../electron/core/store/core-migrations';
import { openDatabase } from '../electron/core/store/database';
import { InventoryRepo } from '../electron/inventory/inventory-repo';
import { InventorySearch } from '../electron/inventory/inventory-search';
import { InventorySync } from '../electron/inventory/inventory-sync';
import { inventoryMigrations } from '../electron/inventory/migrations';
import { itemsTable, slotOf } from '../electron/inventory/slot-schema';
import { percentile } from './harness';
import { BENCH_KEY } from './inventory-party-sim';
import { baseFilters, benchQueries } from './inventory-queries';
import { tempDir } from './inventory-roles';

const MB = 1024 * 1024;

/**
 * Watches the event loop (longest gap between 2 ms ticks, and during which phase it ended), notes
 * when each phase of the run began and the highest RSS seen in each phase.
 */
function watch(sync: InventorySync, answered: { at: number }) {
  const stall = { request: 0, apply: 0 };
  const worst = { ms: 0, at: 0, phase: '' };
  const phases: Record<string, number> = {};
  const rss: Record<string, number> = {};
  let last = performance.now();
  const timer = setInterval(() => {
    const t = performance.now();
    const which = answered.at > 0 ? 'apply' : 'request';
    const phase = sync.progress()?.phase ?? 'done';
    stall[which] = Math.max(stall[which], t - last);
    if (which === 'apply' && t - last > worst.ms) Object.assign(worst, { ms: t - last, at: t, phase });
    last = t;
    if (phases[phase] === undefined) phases[phase] = t;
    rss[phase] = Math.max(rss[phase] ?? 0, process.memoryUsage.rss() / MB);
  }, 2);
  // Garbage collections while applying: one that outlasts a chunk's budget is a stall of its own.
  const gc = { longest: 0 };
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (answered.at > 0 && e.startTime >= answered.at) gc.longest = Math.max(gc.longest, e.duration);
  });
  observer.observe({ entryTypes: ['gc'] });
  return { stall, worst, phases, rss, gc, stop: () => (clearInterval(timer), observer.disconnect()) };
}

/** The app's own sync and search over its own store, in this process. */
export async function appParty(args: Record<string, unknown>) {
  const dir = tempDir('app');
  const db = openDatabase(path.join(dir, 'app.db'), [...coreMigrations, ...inventoryMigrations]);
  const repo = new InventoryRepo(db);
  const answered = { at: 0 };
  // Every request the load makes, in absolute ms (to line up with the simulator's): sent, headers in, body read.
  const requests: { sent: number; headers: number; read: number }[] = [];
  const abs = () => performance.timeOrigin + performance.now();
  const timedFetch: typeof fetch = async (input, init) => {
    const r = { sent: abs(), headers: 0, read: 0 };
    requests.push(r);
    const res = await fetch(input, init);
    r.headers = abs();
    return res;
  };
  const http = new VendorHttp({ fetch: timedFetch });
  const request = http.request.bind(http);
  http.request = (async (req: Parameters<VendorHttp['request']>[0]) => {
    const res = await request(req);
    requests[requests.length - 1].read = abs();
    // The first answer ends the wait; a later request (the E-commerce flags) is part of applying.
    if (answered.at === 0) answered.at = performance.now();
    return res;
  }) as VendorHttp['request'];
  const url = String(args.url);
  const sync = new InventorySync({
    repo, http, now: Date.now, log: (m) => console.error(m), settings: () => defaultSyncSettings,
    resolve: async () => ({ id: 'simpleconsign', training: true, enabled: true, settings: { baseUrl: url }, secrets: { apiKey: BENCH_KEY } }),
  });
  const load = async (trigger: 'manual' | 'reload' = 'manual') => {
    answered.at = 0;
    requests.length = 0;
    const w = watch(sync, answered);
    const rssBefore = process.memoryUsage().rss;
    const started = performance.now();
    await sync.start(trigger);
    const done = performance.now();
    w.stop();
    const run = repo.recentRuns(1)[0];
    if (run.outcome !== 'ok') throw new Error(`load failed: ${run.message}`);
    const since = (p: string) => (w.phases[p] === undefined ? null : w.phases[p] - started);
    return {
      mode: run.mode, received: run.received, items: repo.state().itemCount, ms: done - started, requestMs: answered.at - started, applyMs: done - answered.at,
      indexingAtMs: since('indexing'), committingAtMs: since('cleaning') ?? done - started,
      stallApply: w.stall.apply, stallRequest: w.stall.request, rssBeforeMb: rssBefore / MB, peakRssMb: process.resourceUsage().maxRSS / 1024,
      startedAt: performance.timeOrigin + started, requests: [...requests],
      worstStall: { ms: w.worst.ms, atMs: w.worst.at - started, phase: w.worst.phase }, rssByPhase: w.rss, longestGcMs: w.gc.longest,
    };
  };
  const sample = () => {
    const t = itemsTable(slotOf(repo.state().gen));
    return db.prepare(`SELECT sku, consignor_id AS consignorId FROM ${t} WHERE consignor_id IS NOT NULL LIMIT 1`).get() as { sku: string; consignorId: string };
  };
  /**
   * The app keeps one reader for its lifetime (InventoryService): prepared statements and the filter
   * flags of the current copy version are kept across calls, no answer is. The first filtered
   * search after a load reads the flags; it is timed apart, on a reader of its own.
   */
  const searches = async (reps: number) => {
    const t0 = performance.now();
    await new InventorySearch(db, () => 'http://img').search({ ...baseFilters, inStockOnly: true, sort: 'price-asc' });
    const firstFiltered = performance.now() - t0;
    const search = new InventorySearch(db, () => 'http://img');
    const out: { label: string; hits: number; exact: boolean; corrected: string | null; median: number }[] = [];
    const all: number[] = [];
    for (const q of benchQueries(sample())) {
      const times: number[] = [];
      let r = null;
      for (let i = 0; i < reps; i++) {
        const t = performance.now();
        r = await search.search({ ...baseFilters, ...q.f });
        times.push(performance.now() - t);
      }
      all.push(...times);
      out.push({ label: q.label, hits: r!.total, exact: r!.totalExact, corrected: r!.correctedQuery, median: percentile([...times].sort((a, b) => a - b), 50) });
    }
    return { queries: out, p95: percentile(all.sort((a, b) => a - b), 95), median: percentile(all, 50), firstFiltered };
  };
  const lookups = () => {
    const t = itemsTable(slotOf(repo.state().gen));
    const skus = db.prepare(`SELECT sku FROM ${t} WHERE id % 97 = 0 LIMIT 500`).pluck().all() as string[];
    const search = new InventorySearch(db, () => 'http://img');
    const times = skus.map((sku) => {
      const t0 = performance.now();
      search.lookupSku(sku.toLowerCase());
      return performance.now() - t0;
    });
    return { p95: percentile(times.sort((a, b) => a - b), 95), skus };
  };
  return async (c: Record<string, unknown>) => {
    if (c.cmd === 'load') return load();
    if (c.cmd === 'reload') return load('reload');
    if (c.cmd === 'search') return searches(Number(c.reps ?? 25));
    if (c.cmd === 'lookup') return lookups();
    if (c.cmd === 'sample') return sample();
    throw new Error(`unknown command ${String(c.cmd)}`);
  };
}
