import fs from 'node:fs';
import path from 'node:path';
import { execSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { BenchReport } from './harness';
import { startParty, type Party } from './inventory-roles';
import { typingFigures } from './inventory-typing';

/** When each of a party's requests was sent, its headers came and its body was read (absolute ms), and when its load started. */
interface Timed { startedAt: number; requests: { sent: number; headers: number; read: number }[] }
interface AppLoad extends Timed {
  received: number; items: number; ms: number; doneMs: number; cpuMs: number; requestMs: number | null; indexingAtMs: number | null;
  worstStall: { ms: number; atMs: number; phase: string; runMs: number; waitMs: number; appMs: number; userMs: number; niceMs: number; kernelMs: number }; longestGcMs: number; rssBeforeMb: number; peakRssMb: number;
  firstFilteredMs: number; firstSortedMs: number; quietStallMs: number;
}
interface BareLoad extends Timed { items: number; ms: number; cpuMs: number; applyMs: number; stall: number; peakRssMb: number; firstFilteredMs: number; firstSortedMs: number }
interface Served { at: number; buildMs: number; bytes: number }
interface Searches { queries: { label: string; hits: number; exact?: boolean; corrected?: string | null; median: number }[]; p95: number; prefixP95: number; cpuPerSearchMs?: number }

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const n = (v: number) => v.toLocaleString('en-US');

/** The goals of each store size, as issue 21 sets them, and what each figure was measured against. */
interface Goal { label: string; value: number; baseline: number; unit: string; goal: string; met: boolean }

function printLoad(report: BenchReport, a: AppLoad, b: BareLoad): void {
  report.ratio('full load, request to committed and searchable', a.ms / 1000, b.ms / 1000, 's');
  if (a.requestMs !== null) report.figure('  of which waiting for the answer (the simulator builds it, sends it)', a.requestMs / 1000, 's');
  if (a.requestMs !== null && a.indexingAtMs !== null) {
    report.figure('  rows read and written while the answer arrives, in the worker', (a.indexingAtMs - a.requestMs) / 1000, 's');
    report.figure('  SKU key, name index, full-text index and search facts, in the worker', (a.ms - a.indexingAtMs) / 1000, 's');
  }
  report.ratio('CPU time of the process during the load (all threads)', a.cpuMs / 1000, b.cpuMs / 1000, 's');
  report.ratio('peak RSS of the app process: shell server, every feature (vendor in another)', a.peakRssMb, b.peakRssMb, 'MB');
  report.figure('  RSS before the load', a.rssBeforeMb, 'MB');
  report.ratio('longest event-loop stall, request to searchable', a.worstStall.ms, b.stall, 'ms');
  report.figure(`    it ended ${(a.worstStall.atMs / 1000).toFixed(2)} s into the load, phase "${a.worstStall.phase}"`, a.worstStall.ms, 'ms');
  if (a.worstStall.runMs >= 0) {
    report.figure('      of which the main thread ran (its own work)', a.worstStall.runMs, 'ms');
    report.figure('      of which it waited for a core (the machine\u2019s other threads)', a.worstStall.waitMs, 'ms');
    report.figure('      of which it slept (a lock, the disk)', Math.max(0, a.worstStall.ms - a.worstStall.runMs - a.worstStall.waitMs), 'ms');
    report.figure('      meanwhile, CPU of the app\u2019s process, every thread', a.worstStall.appMs, 'ms');
    report.figure('      meanwhile, CPU of the machine at normal priority (to 10 ms)', a.worstStall.userMs, 'ms');
    report.figure('      meanwhile, CPU of the machine at lowered priority: the simulator, the copy\u2019s worker (to 10 ms)', a.worstStall.niceMs, 'ms');
    report.figure('      meanwhile, CPU of the machine in the kernel (to 10 ms)', a.worstStall.kernelMs, 'ms');
  }
  report.figure('    longest event-loop gap over a second just before it, nothing running (the machine alone)', a.quietStallMs, 'ms');
  report.figure('    longest garbage collection', a.longestGcMs, 'ms');
  report.ratio('first filtered search after the load (baseline: the bare script\u2019s)', a.firstFilteredMs, b.firstFilteredMs, 'ms');
  report.ratio('first sorted search after the load (baseline: the bare script\u2019s)', a.firstSortedMs, b.firstSortedMs, 'ms');
}

/** Each request of a load from its start: sent, the simulator's answer built, headers in, body read. */
function printRequests(report: BenchReport, who: string, t: Timed, served: Served[]): void {
  const s = (v: number) => (v - t.startedAt) / 1000;
  t.requests.forEach((r, i) => {
    const sim = served.find((x) => x.at >= r.sent - 5 && (t.requests[i + 1] === undefined || x.at < t.requests[i + 1].sent));
    const built = sim ? `, answer built in ${(sim.buildMs / 1000).toFixed(2)} s (${(sim.bytes / 1024 / 1024).toFixed(1)} MB)` : '';
    report.figure(`  ${who} request ${i + 1}: sent at ${s(r.sent).toFixed(2)} s${built}; headers at`, s(r.headers), 's');
  });
}

function printSearches(report: BenchReport, a: Searches, b: Searches): void {
  a.queries.forEach((q, i) => {
    const hits = `${n(q.hits)}${q.exact === false ? '+' : ''} hits${q.corrected ? `, as "${q.corrected}"` : ''}`;
    report.ratio(`${q.label} (${hits}), median`, q.median, b.queries[i].median, 'ms');
  });
  report.ratio('all queries, counts included, through the bridge\u2019s dispatch: p95', a.p95, b.p95, 'ms');
  report.ratio('three-letter and longer prefixes: p95', a.prefixP95, b.prefixP95, 'ms');
  if (a.cpuPerSearchMs !== undefined) report.figure('  CPU time per search', a.cpuPerSearchMs, 'ms');
}

function printGoals(report: BenchReport, title: string, goals: Goal[]): void {
  report.section(title);
  for (const g of goals) report.ratio(`${g.met ? 'met    ' : 'NOT MET'} ${g.label} (goal ${g.goal})`, g.value, g.baseline, g.unit);
}

/** An incremental load of 1,000 changes, applied in place, and the first filtered search after it. */
async function printIncremental(report: BenchReport, sim: Party, app: Party, bare: Party): Promise<AppLoad> {
  const since = Date.now() - 10 * 60_000;
  const changed = await sim.ask<number>({ cmd: 'tick', changes: 1000 });
  const ai = await app.ask<AppLoad>({ cmd: 'load', atCommit: true });
  const bi = await bare.ask<{ ms: number; received: number }>({ cmd: 'incremental', since });
  report.section(`Inventory: incremental load of ${n(changed)} changes (${n(ai.received)} received)`);
  report.ratio('incremental load, request to committed', ai.ms, bi.ms, 'ms');
  report.figure('longest event-loop stall', ai.worstStall.ms, 'ms');
  report.figure('first filtered search, made as it commits (the previous facts patched in a worker)', ai.firstFilteredMs, 'ms');
  report.figure('first sorted search after that', ai.firstSortedMs, 'ms');
  return ai;
}

/** The reload of a store without the E-commerce flag (the 100,000-item bench). */
async function printReloadWithoutFlag(report: BenchReport, sim: Party, app: Party, b: BareLoad): Promise<void> {
  await sim.ask({ cmd: 'flags', on: false });
  const af = await app.ask<AppLoad>({ cmd: 'reload' });
  const served = await sim.ask<Served[]>({ cmd: 'served' });
  await sim.ask({ cmd: 'flags', on: true });
  report.section('Inventory: full reload from a store whose items do not carry the E-commerce flag (one more request, for E-commerce items)');
  report.ratio('full reload, request to committed (baseline: the bare first load above)', af.ms / 1000, b.ms / 1000, 's');
  printRequests(report, 'app', af, served);
  report.figure('peak RSS of the app process so far', af.peakRssMb, 'MB');
  report.figure('longest event-loop stall', af.worstStall.ms, 'ms');
}

/**
 * The inventory bench at one store size: the simulator, the app (as the browser shell runs it,
 * every feature loaded, live mode) and a bare better-sqlite3 script each in its own process, every
 * figure beside the bare script's (or the browser's own floor) in the same run; then the goals.
 */
export async function runInventoryBench(report: BenchReport, storeItems: number, opts: { more: boolean; reps: number; storeSendsFlag?: boolean; goals: 'issue21-100k' | 'issue21-1m' }): Promise<void> {
  if (!fs.existsSync(path.join(root, 'dist/renderer/index.html'))) execSync('npm run build:renderer', { cwd: root, stdio: 'inherit' });
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
    const sample = await app.ask<{ sku: string; consignorId: string }>({ cmd: 'sample' });
    const as = await app.ask<Searches>({ cmd: 'search', reps: opts.reps });
    const bs = await bare.ask<Searches>({ cmd: 'search', sample, reps: opts.reps });
    report.section(`Inventory: search over ${n(a.items)} items through the bridge's dispatch (no transport), no answer cached (baseline: bm25 over every match and count(*))`);
    printSearches(report, as, bs);
    const al = await app.ask<{ p95: number; skus: string[] }>({ cmd: 'lookup' });
    const bl = await bare.ask<{ p95: number }>({ cmd: 'lookup', skus: al.skus });
    report.ratio('SKU lookup for the sale screen, any case: p95', al.p95, bl.p95, 'ms');
    const typing = await typingFigures(await app.ask<string>({ cmd: 'url' }));
    report.section(`Inventory: typing in Chromium through the browser shell over ${n(a.items)} items (${typing.keystrokes} keystrokes; baseline: the same keystrokes into a page that only echoes them)`);
    report.figure('keystroke to rows painted: median', typing.median, 'ms');
    report.ratio('keystroke to rows painted: p95', typing.p95, typing.floorP95, 'ms');
    report.figure('keystroke to rows painted: slowest', typing.slowest, 'ms');
    report.figure(`  its first page in the page, over the bridge\u2019s socket (${typing.asked} keystrokes asked): median`, typing.answeredMedian, 'ms');
    report.ratio('  its first page in the page, over the bridge\u2019s socket: p95 (baseline: a call that reads nothing)', typing.answeredP95, typing.bridgeP95, 'ms');
    report.figure('  its rows in the page, before they are painted: p95', typing.shownP95, 'ms');
    const ai = await printIncremental(report, sim, app, bare);
    if (opts.more) await printReloadWithoutFlag(report, sim, app, b);
    const loadGoal = { label: 'full load, request to committed and searchable', value: a.ms / 1000, baseline: b.ms / 1000, unit: 's', goal: '≤ 1.3× bare', met: a.ms <= 1.3 * b.ms };
    const peak = (await app.ask<{ peakRssMb: number }>({ cmd: 'rss' })).peakRssMb;
    const rssLimit = opts.goals === 'issue21-1m' ? 400 : 250;
    const rssGoal = { label: 'peak RSS of the app process (baseline: the bare script)', value: peak, baseline: b.peakRssMb, unit: 'MB', goal: `≤ ${rssLimit} MB`, met: peak <= rssLimit };
    const searchLimit = opts.goals === 'issue21-1m' ? 20 : 3;
    const searchGoal = { label: 'search p95, net of the bridge\u2019s round trip', value: as.p95, baseline: bs.p95, unit: 'ms', goal: `≤ ${searchLimit} ms`, met: as.p95 <= searchLimit };
    const typingGoal = { label: 'keystroke to rows painted, p95 (baseline: echo page)', value: typing.p95, baseline: typing.floorP95, unit: 'ms', goal: '≤ 50 ms', met: typing.p95 <= 50 };
    const goals: Goal[] = [loadGoal, rssGoal, searchGoal];
    if (opts.goals === 'issue21-1m') {
      const first = Math.max(a.firstFilteredMs, a.firstSortedMs);
      const afterChanges = Math.max(ai.firstFilteredMs, ai.firstSortedMs);
      goals.push(
        { label: 'first filtered or sorted search after a load (baseline: bare)', value: first, baseline: Math.max(b.firstFilteredMs, b.firstSortedMs), unit: 'ms', goal: '≤ 50 ms', met: first <= 50 },
        { label: '  the same as an incremental load commits (baseline: after the full load)', value: afterChanges, baseline: first, unit: 'ms', goal: '≤ 50 ms', met: afterChanges <= 50 },
        { label: 'longest stall, request to searchable (baseline: bare)', value: a.worstStall.ms, baseline: b.stall, unit: 'ms', goal: '≤ 50 ms', met: a.worstStall.ms <= 50 },
        { label: 'three-letter and longer prefixes, p95 (baseline: bare)', value: as.prefixP95, baseline: bs.prefixP95, unit: 'ms', goal: '≤ 20 ms', met: as.prefixP95 <= 20 },
      );
    }
    goals.push(typingGoal);
    printGoals(report, `Inventory at ${n(a.items)} items: the goals of issue 21, this run`, goals);
  } finally {
    await Promise.all(parties.map((p) => p.stop()));
  }
}
