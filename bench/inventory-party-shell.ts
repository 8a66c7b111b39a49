import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { performance, PerformanceObserver } from 'node:perf_hooks';
import type { SyncStatus } from '../shared/inventory/schemas';
import { createAppServices } from '../electron/app/app-services';
import { MemorySecretStore } from '../electron/core/secrets/memory-secret-store';
import { itemsTable, slotOf } from '../electron/inventory/slot-schema';
import { startWebShell } from '../electron/web-shell/server';
import { percentile } from './harness';
import { BENCH_KEY } from './inventory-party-sim';
import { baseFilters, benchQueries, prefixQueries } from './inventory-queries';
import { repoRoot, tempDir } from './bench-paths';

const MB = 1024 * 1024;
const root = repoRoot();
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** Every request the app makes, in absolute ms (to line up with the simulator's): sent, headers in. */
const requests: { sent: number; headers: number; read: number }[] = [];
const abs = () => performance.timeOrigin + performance.now();
const timedFetch: typeof fetch = async (input, init) => {
  const r = { sent: abs(), headers: 0, read: 0 };
  requests.push(r);
  const res = await fetch(input, init);
  r.headers = r.read = abs();
  return res;
};

/**
 * The main thread's time on a core and time waiting for one, in ms, as Linux counts them
 * (`/proc/<pid>/task/<pid>/schedstat`): a gap between ticks is the thread's own work, or the
 * machine's other threads holding both cores. Elsewhere both read -1.
 */
function threadClock(): () => Clock {
  const file = `/proc/${process.pid}/task/${process.pid}/schedstat`;
  const machine = machineClock();
  if (!fs.existsSync(file)) return () => ({ runMs: -1, waitMs: -1, appMs: cpuMs(), ...machine() });
  const fd = fs.openSync(file, 'r');
  const buf = Buffer.alloc(96);
  return () => {
    const [run, wait] = buf.toString('latin1', 0, fs.readSync(fd, buf, 0, buf.length, 0)).split(' ');
    return { runMs: Number(run) / 1e6, waitMs: Number(wait) / 1e6, appMs: cpuMs(), ...machine() };
  };
}

/** Every thread of the app's process; the machine's cores, busy at normal priority, at a lowered one, in the kernel (ms, to 10 ms). */
interface Clock { runMs: number; waitMs: number; appMs: number; userMs: number; niceMs: number; kernelMs: number }

/** The machine's CPU time by kind, from Linux's `/proc/stat` (its ticks are hundredths of a second); elsewhere -1. */
function machineClock(): () => Pick<Clock, 'userMs' | 'niceMs' | 'kernelMs'> {
  if (!fs.existsSync('/proc/stat')) return () => ({ userMs: -1, niceMs: -1, kernelMs: -1 });
  const fd = fs.openSync('/proc/stat', 'r');
  const buf = Buffer.alloc(256);
  return () => {
    const [user, nice, system, , , irq, softirq] = buf.toString('latin1', 0, fs.readSync(fd, buf, 0, buf.length, 0)).split('\n')[0].split(/\s+/).slice(1).map(Number);
    return { userMs: user * 10, niceMs: nice * 10, kernelMs: (system + irq + softirq) * 10 };
  };
}

/**
 * Watches the event loop while a load runs: the longest gap between 2 ms ticks (and where it
 * ended), the highest RSS seen, the longest garbage collection.
 */
function watchLoop(phase: () => string) {
  const worst = { ms: 0, atMs: 0, phase: '', runMs: -1, waitMs: -1, appMs: -1, userMs: -1, niceMs: -1, kernelMs: -1 };
  const started = performance.now();
  let last = started;
  let rss = 0;
  let ticks = 0;
  const clock = threadClock();
  let was = clock();
  const timer = setInterval(() => {
    const t = performance.now();
    const now = clock();
    if (t - last > worst.ms) {
      const spent = Object.fromEntries(Object.entries(now).map(([k, v]) => [k, v - was[k as keyof Clock]]));
      Object.assign(worst, { ms: t - last, atMs: t - started, phase: phase(), ...spent });
    }
    last = t;
    was = now;
    // Reading the RSS is a system call: every 50 ms is often enough.
    if (ticks++ % 25 === 0) rss = Math.max(rss, process.memoryUsage.rss() / MB);
  }, 2);
  const gc = { longest: 0 };
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) gc.longest = Math.max(gc.longest, e.duration);
  });
  observer.observe({ entryTypes: ['gc'] });
  return { worst, gc, rss: () => rss, stop: () => (clearInterval(timer), observer.disconnect()) };
}

/**
 * The app as the browser shell runs it, every feature loaded, in this process: its services and
 * the shell's server, switched to live mode with SimpleConsign at the simulator's address in
 * another process. Loads and searches go through the same bridge dispatch the screen's calls reach.
 */
export async function shellParty(args: Record<string, unknown>) {
  const dir = tempDir('shell');
  const services = await createAppServices({ dataDir: dir, secrets: new MemorySecretStore(), version: 'bench', fetch: timedFetch });
  const shell = await startWebShell({ dispatch: services.dispatch, staticDir: path.join(root, 'dist/renderer'), port: 0 });
  const call = async <T>(channel: string, input: unknown = {}): Promise<T> => {
    const r = await services.dispatch(channel, input);
    if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
    return r.value as T;
  };
  await call('connections:update', { id: 'simpleconsign', enabled: true, settings: { baseUrl: String(args.url) } });
  await call('connections:set-secret', { id: 'simpleconsign', field: 'apiKey', value: BENCH_KEY });
  await call('connections:set-mode', { mode: 'live' });
  // Past the first start's questions, as a store in use is.
  await call('app:update-store-profile', { name: 'Bench Store', address: '1 High Street', phone: '555-0100', returnPolicy: '', receiptFooter: '', currency: 'USD', locale: '', receiptAfterSale: 'none' });
  // Loads happen when the bench says, not on the five-minute timer.
  const settings = (await call<SyncStatus>('inventory:get-status')).settings;
  await call('inventory:update-settings', { ...settings, autoSync: false });
  // A reader of its own on the live store: when a load commits (the data version moves) is seen without asking the app.
  const store = new Database(path.join(dir, 'live.db'), { readonly: true });
  const version = store.prepare('SELECT data_version FROM inventory_state');

  // The first filtered and the first sorted search after a load, as a person would make them.
  const firstSearches = async () => ({
    filtered: await timed(() => call('inventory:search', { ...baseFilters, inStockOnly: true, category: 'CLOTHING' })),
    sorted: await timed(() => call('inventory:search', { ...baseFilters, query: 'black', sort: 'price-desc' })),
  });
  /** `atCommit`: the first searches are made as soon as the commit shows, while the load may still be finishing. */
  const load = async (channel: 'inventory:sync-now' | 'inventory:full-reload', atCommit = false) => {
    // The machine alone, just before the load: the app idle, the simulator done warming up.
    const quiet = await noise();
    requests.length = 0;
    const before = version.pluck().get() as number;
    const phases: Record<string, number> = {};
    let phase = 'requesting';
    const w = watchLoop(() => phase);
    const cpu = cpuMs();
    const rssBefore = process.memoryUsage().rss / MB;
    const started = performance.now();
    await call(channel);
    let committedAt = 0;
    let status: SyncStatus;
    let first: Awaited<ReturnType<typeof firstSearches>> | null = null;
    // The data version (read from a connection of the bench's own) shows the commit to the millisecond;
    // the status, as the screen asks for it (every 400 ms there), every 50 ms here for the phases.
    for (let polls = 0; ; polls++) {
      await new Promise((r) => setTimeout(r, 2));
      if (!committedAt && (version.pluck().get() as number) !== before) {
        committedAt = performance.now() - started;
        if (atCommit) first = await firstSearches();
      }
      if (committedAt || polls % 25 === 0) {
        status = await call<SyncStatus>('inventory:get-status');
        const now = status.running?.phase ?? 'done';
        if (now !== phase) phases[(phase = now)] = performance.now() - started;
        if (!status.running) break;
      }
    }
    const done = performance.now() - started;
    first ??= await firstSearches();
    w.stop();
    const run = status!.lastRun!;
    if (run.outcome !== 'ok') throw new Error(`load failed: ${run.message}`);
    return {
      received: run.received, items: status!.itemCount, ms: committedAt || done, doneMs: done, cpuMs: cpuMs() - cpu, phases,
      requestMs: phases.applying ?? null, indexingAtMs: phases.indexing ?? null,
      worstStall: w.worst, longestGcMs: w.gc.longest, rssBeforeMb: rssBefore, peakRssMb: process.resourceUsage().maxRSS / 1024, highestRssMb: w.rss(),
      firstFilteredMs: first.filtered.ms, firstSortedMs: first.sorted.ms, startedAt: performance.timeOrigin + started, requests: [...requests], quietStallMs: quiet,
    };
  };
  const sample = () => {
    const t = itemsTable(slotOf(store.prepare('SELECT gen FROM inventory_state').pluck().get() as number));
    return store.prepare(`SELECT sku, consignor_id AS consignorId FROM ${t} WHERE consignor_id IS NOT NULL LIMIT 1`).get() as { sku: string; consignorId: string };
  };
  const searches = async (reps: number) => {
    const out: { label: string; hits: number; exact: boolean; corrected: string | null; median: number }[] = [];
    const all: number[] = [];
    const prefixes: number[] = [];
    const cpu = cpuMs();
    const queries = [...benchQueries(sample()), ...prefixQueries()];
    for (const q of queries) {
      const times: number[] = [];
      let r: { total: number; totalExact: boolean; correctedQuery: string | null } | null = null;
      for (let i = 0; i < reps; i++) {
        const t = await timed(() => call<{ total: number; totalExact: boolean; correctedQuery: string | null }>('inventory:search', { ...baseFilters, ...q.f }));
        times.push(t.ms);
        r = t.value;
      }
      all.push(...times);
      if (q.prefix) prefixes.push(...times);
      out.push({ label: q.label, hits: r!.total, exact: r!.totalExact, corrected: r!.correctedQuery, median: percentile([...times].sort((a, b) => a - b), 50) });
    }
    const sorted = (v: number[]) => [...v].sort((a, b) => a - b);
    return { queries: out, p95: percentile(sorted(all), 95), prefixP95: percentile(sorted(prefixes), 95), cpuPerSearchMs: (cpuMs() - cpu) / all.length };
  };
  const lookups = async () => {
    const t = itemsTable(slotOf(store.prepare('SELECT gen FROM inventory_state').pluck().get() as number));
    const skus = store.prepare(`SELECT sku FROM ${t} WHERE id % 97 = 0 LIMIT 500`).pluck().all() as string[];
    const times: number[] = [];
    for (const sku of skus) times.push((await timed(() => call('inventory:lookup-sku', { sku: sku.toLowerCase() }))).ms);
    return { p95: percentile(times.sort((a, b) => a - b), 95), skus };
  };
  return async (c: Record<string, unknown>) => {
    if (c.cmd === 'url') return shell.url;
    if (c.cmd === 'load') return load('inventory:sync-now', c.atCommit === true);
    if (c.cmd === 'reload') return load('inventory:full-reload');
    if (c.cmd === 'search') return searches(Number(c.reps ?? 25));
    if (c.cmd === 'lookup') return lookups();
    if (c.cmd === 'sample') return sample();
    if (c.cmd === 'rss') return { peakRssMb: process.resourceUsage().maxRSS / 1024, rssMb: process.memoryUsage().rss / MB };
    throw new Error(`unknown command ${String(c.cmd)}`);
  };
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t = performance.now();
  const value = await work();
  return { ms: performance.now() - t, value };
}

/** The longest gap between 2 ms ticks over a second with nothing running: what this machine's load alone costs. */
function noise(): Promise<number> {
  return new Promise((resolve) => {
    let last = performance.now();
    let worst = 0;
    const timer = setInterval(() => {
      const t = performance.now();
      worst = Math.max(worst, t - last);
      last = t;
    }, 2);
    setTimeout(() => (clearInterval(timer), resolve(worst)), 1000);
  });
}
