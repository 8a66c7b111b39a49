import { median, type BenchReport } from './harness';
import { copyBench } from './store-copy-bench';
import { startStore } from './store-fleet';
import { appVisible, atRate, BarePg, growth, p95 } from './store-sales-bench';

/**
 * The store server (`npm run bench store`). STORE_BENCH_SCALE (default 1) scales every count and duration
 * down for a quick look: 0.05 runs in about a minute.
 */
const scale = Number(process.env.STORE_BENCH_SCALE ?? '1');
const SALES = Math.max(20, Math.round(300 * scale));
const ITEMS = Math.max(1_000, Math.round(100_000 * scale));
const RATE = 100;
const SECONDS = Math.max(5, Math.round(60 * scale));

/** Where the run is, on stderr, as each part takes minutes on a busy machine. */
const progress = (what: string) => process.stderr.write(`store bench: ${what} (${new Date().toISOString().slice(11, 19)})\n`);

async function salesBenches(report: BenchReport): Promise<void> {
  progress('starting four workstations and the bundled server');
  const store = await startStore(4);
  try {
    const [a, b] = store.stations;
    const admin = await a.admin();
    const bare = await BarePg.open({ host: '127.0.0.1', port: store.port, database: 'backoffice', ...admin });

    report.section(`Store: sale recorded on one workstation → in another's History (${SALES} sales, one at a time)`);
    progress('sale → another History');
    const floor = await bare.notifyRoundTrips(SALES);
    const bareVisible = await bare.visible(SALES);
    // A few first, apart, so neither side is timed while its connections are still being made.
    await appVisible(a, b, 5, 1_000_000);
    const app = await appVisible(a, b, SALES);
    report.ratio('record → in the other History (p95)', p95(app), p95(bareVisible), 'ms');
    report.ratio('record → in the other History (median)', median(app), median(bareVisible), 'ms');
    report.figure('  bare INSERT + NOTIFY → read by another connection (p95)', p95(bareVisible), 'ms');
    report.figure('  floor: bare NOTIFY round trip (p95)', p95(floor), 'ms');
    report.figure('  floor: bare NOTIFY round trip (median)', median(floor), 'ms');
    report.ratio('record → in the other History (p95), against the floor', p95(app), p95(floor), 'ms');

    const total = RATE * SECONDS;
    report.section(`Store: ${RATE} sales/s across four workstations for ${SECONDS} s (${total} sales), each timed to the next one's History`);
    const s = store.stations;
    progress(`${RATE} sales/s, the app`);
    // A sale the next workstation's History has not shown within the watch's limit is counted, not timed.
    const appRun = await atRate(total, RATE, async (i) => {
      const sale = await s[i % 4].record(i);
      return s[(i + 1) % 4].seen(sale.orderNumber).then((at) => at - sale.at, () => Number.NaN);
    });
    // Where the time goes: from the recorder's clock to the server's commit of the forwarded sale (one computer, one clock).
    const forwarded = (await bare.forwardDelays(appRun.first)).map((r) => r.ms);
    const missing = appRun.times.filter((t) => Number.isNaN(t)).length;
    appRun.times = appRun.times.filter((t) => !Number.isNaN(t));
    // Four workstations' connections, each sending one sale at a time as a workstation's forwarder does.
    const senders = await Promise.all([0, 1, 2, 3].map(() => bare.client()));
    const queues = senders.map(() => Promise.resolve() as Promise<unknown>);
    const watcher = await bare.watcher();
    progress(`${RATE} sales/s, bare`);
    const bareRun = await atRate(total, RATE, async (i) => {
      const turn = queues[i % 4].then(() => bare.send(senders[i % 4], i));
      queues[i % 4] = turn;
      const sent = await turn;
      return (await watcher.expect(sent.uid)) - sent.at;
    });
    await watcher.stop();
    await Promise.all(senders.map((c) => c.end()));
    const g = growth(appRun.times);
    const bg = growth(bareRun.times);
    report.ratio('p95, last tenth against first tenth', g.last / g.first, bg.last / bg.first, '×');
    report.figure('  p95 of the first tenth', g.first, 'ms');
    report.figure('  p95 of the last tenth', g.last, 'ms');
    report.ratio('p95, whole run', p95(appRun.times), p95(bareRun.times), 'ms');
    report.figure('  bare: p95 of the first tenth', bg.first, 'ms');
    report.figure('  bare: p95 of the last tenth', bg.last, 'ms');
    report.figure('  of which: recorded → on the server (p95)', p95(forwarded), 'ms');
    report.figure('  of which: recorded → on the server (median)', median(forwarded), 'ms');
    report.figure('rate achieved', appRun.achieved, 'sales/s');
    report.figure('sales not in the next History within 120 s', missing, 'sales');
    report.figure('  bare: rate achieved', bareRun.achieved, 'sales/s');
  } finally {
    await store.stop();
  }
}

export default async function storeBench(report: BenchReport): Promise<void> {
  await salesBenches(report);
  progress('the inventory copy');
  await copyBench(report, ITEMS);
}
