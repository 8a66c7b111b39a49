import type { BenchReport } from './harness';
import { startParty, type Party } from './inventory-roles';

interface AppLoad extends Timed {
  mode: string; received: number; items: number; ms: number; requestMs: number; applyMs: number;
  indexingAtMs: number | null; committingAtMs: number | null;
  worstStall: { ms: number; atMs: number; phase: string }; rssByPhase: Record<string, number>; longestGcMs: number; stallApply: number; stallRequest: number; rssBeforeMb: number; peakRssMb: number;
}
interface BareLoad extends Timed { items: number; ms: number; applyMs: number; stall: number; peakRssMb: number }
/** A party's requests (absolute ms) and when its load started. */
interface Timed { startedAt: number; requests: { sent: number; headers: number; read: number }[] }
interface Served { at: number; buildMs: number; bytes: number }
interface Searches { queries: { label: string; hits: number; exact?: boolean; corrected?: string | null; median: number }[]; p95: number; firstFiltered?: number }

const n = (v: number) => v.toLocaleString('en-US');

function printLoad(report: BenchReport, a: AppLoad, b: BareLoad): void {
  report.ratio('full load, request to committed and searchable', a.ms / 1000, b.ms / 1000, 's');
  report.figure('  of which waiting for the answer (the simulator builds it, sends it)', a.requestMs / 1000, 's');
  if (a.indexingAtMs !== null && a.committingAtMs !== null) {
    report.figure('  rows read and written, chunk by chunk', (a.indexingAtMs - a.requestMs) / 1000, 's');
    report.figure('  indexes and full-text index, one pass off the main thread', (a.committingAtMs - a.indexingAtMs) / 1000, 's');
  }
  report.ratio('apply rate: answer received to committed (parse included)', a.received / (a.applyMs / 1000), b.items / (b.applyMs / 1000), 'items/s');
  report.ratio('peak RSS of the app process (vendor in another)', a.peakRssMb, b.peakRssMb, 'MB');
  report.figure('  RSS before the load', a.rssBeforeMb, 'MB');
  report.ratio('longest event-loop stall while applying', a.stallApply, b.stall, 'ms');
  report.figure(`    it ended ${(a.worstStall.atMs / 1000).toFixed(2)} s into the load, phase "${a.worstStall.phase}"`, a.worstStall.ms, 'ms');
  report.figure('    longest garbage collection while applying', a.longestGcMs, 'ms');
  report.figure('longest event-loop stall while the answer was read', a.stallRequest, 'ms');
  for (const [phase, mb] of Object.entries(a.rssByPhase)) report.figure(`  highest RSS seen while "${phase}"`, mb, 'MB');
}

/** Each request of a load from its start: sent, the simulator's answer built, headers in, body read. */
function printRequests(report: BenchReport, who: string, t: Timed, served: Served[]): void {
  const s = (v: number) => (v - t.startedAt) / 1000;
  t.requests.forEach((r, i) => {
    const sim = served.find((x) => x.at >= r.sent - 5 && (t.requests[i + 1] === undefined || x.at < t.requests[i + 1].sent));
    const built = sim ? `, answer built in ${(sim.buildMs / 1000).toFixed(2)} s (${(sim.bytes / 1024 / 1024).toFixed(1)} MB)` : '';
    report.figure(`  ${who} request ${i + 1}: sent at ${s(r.sent).toFixed(2)} s${built}, headers at ${s(r.headers).toFixed(2)} s; body read at`, s(r.read), 's');
  });
}

function printSearches(report: BenchReport, a: Searches, b: Searches): void {
  a.queries.forEach((q, i) => {
    const hits = `${n(q.hits)}${q.exact === false ? '+' : ''} hits${q.corrected ? `, as "${q.corrected}"` : ''}`;
    report.ratio(`${q.label} (${hits}), median`, q.median, b.queries[i].median, 'ms');
  });
  report.ratio('all queries, counts included: p95', a.p95, b.p95, 'ms');
  if (a.firstFiltered !== undefined) report.figure('first filtered search after a load (reads the filter flags of the copy)', a.firstFiltered, 'ms');
}

/**
 * The inventory bench at one store size: the simulator, the app and a bare better-sqlite3 script
 * each in its own process, every figure beside the bare script's in the same run.
 */
export async function runInventoryBench(report: BenchReport, storeItems: number, opts: { incremental: boolean; reps: number; flagless?: boolean; storeSendsFlag?: boolean }): Promise<void> {
  const parties: Party[] = [];
  const start = (...a: Parameters<typeof startParty>) => {
    const p = startParty(...a);
    parties.push(p);
    return p;
  };
  try {
    const sim = start('sim', { items: storeItems, sendsFlag: opts.storeSendsFlag ?? true });
    const url = await sim.ask<string>({ cmd: 'url' });
    const app = start('app', { url });
    const bare = start('bare', { url });
    const a = await app.ask<AppLoad>({ cmd: 'load' });
    const servedApp = await sim.ask<Served[]>({ cmd: 'served' });
    const b = await bare.ask<BareLoad>({ cmd: 'full' });
    const servedBare = await sim.ask<Served[]>({ cmd: 'served' });
    report.section(`Inventory: first load of ${n(a.received)} items from a simulated store of ${n(storeItems)} (baseline: bare better-sqlite3 script, same answer)`);
    printLoad(report, a, b);
    printRequests(report, 'app', a, servedApp);
    printRequests(report, 'bare', b, servedBare);
    if (opts.incremental) {
      const since = Date.now() - 10 * 60_000;
      const changed = await sim.ask<number>({ cmd: 'tick', changes: 1000 });
      const ai = await app.ask<AppLoad>({ cmd: 'load' });
      const bi = await bare.ask<{ ms: number; received: number }>({ cmd: 'incremental', since });
      report.section(`Inventory: incremental load of ${n(changed)} changes (${n(ai.received)} received)`);
      report.ratio('incremental load, request to committed', ai.ms, bi.ms, 'ms');
      report.figure('longest event-loop stall while applying', ai.stallApply, 'ms');
    }
    if (opts.flagless) {
      await sim.ask({ cmd: 'flags', on: false });
      const af = await app.ask<AppLoad>({ cmd: 'reload' });
      const served = await sim.ask<Served[]>({ cmd: 'served' });
      await sim.ask({ cmd: 'flags', on: true });
      report.section(`Inventory: full reload from a store whose items do not carry the E-commerce flag (one more request, for E-commerce items)`);
      // Committed when the replaced copy starts being cleared away.
      report.ratio('full reload, request to committed (baseline: the bare first load above)', (af.committingAtMs ?? af.ms) / 1000, b.ms / 1000, 's');
      printRequests(report, 'app', af, served);
      report.figure('peak RSS of the app process so far', af.peakRssMb, 'MB');
      report.figure('longest event-loop stall while applying', af.stallApply, 'ms');
    }
    const sample = await app.ask<{ sku: string; consignorId: string }>({ cmd: 'sample' });
    const as = await app.ask<Searches>({ cmd: 'search', reps: opts.reps });
    const bs = await bare.ask<Searches>({ cmd: 'search', sample, reps: opts.reps });
    report.section(`Inventory: search over ${n(a.items)} items, the app's one reader kept across calls, no answer cached (baseline: bm25 over every match and count(*))`);
    printSearches(report, as, bs);
    const al = await app.ask<{ p95: number; skus: string[] }>({ cmd: 'lookup' });
    const bl = await bare.ask<{ p95: number }>({ cmd: 'lookup', skus: al.skus });
    report.ratio('SKU lookup for the sale screen, any case: p95', al.p95, bl.p95, 'ms');
  } finally {
    await Promise.all(parties.map((p) => p.stop()));
  }
}
