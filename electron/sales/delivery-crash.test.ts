import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import type { HistoryPage, SaleDetail, SalesSummary } from '../../shared/sales/schemas';
import { IfposSim } from '../ifpos/ifpos-sim';
import { SimpleConsignTransactionsSim } from '../simpleconsign/transactions-sim';
import { SimHost } from '../training/sim-host';
import { seededRandom } from '../../shared/seeded-random';
import { ChildApp, ChildGone, Tripwire } from './fixtures/crash-harness';

/**
 * The app records sales and returns in a child process that is killed with SIGKILL at random points while it
 * delivers them (before a vendor acts on a request, after it has but before the answer arrives, at random
 * times, with lost answers injected too), then started again. In the end each vendor must hold each sale and
 * return exactly once, and nothing the app confirmed may be missing.
 */
const RUNS = Number(process.env.CRASH_RUNS ?? 16);
const SEED = Number(process.env.CRASH_SEED ?? Date.now() % 1_000_000);
const KEYS = { sc: 'crash-sc-key', ifpos: 'crash-ifpos-key' };
const RUN_WAIT_MS = 20_000;
/** Longer than the longest backoff (5 minutes), so the final check waits out any retry still pending. */
const FINAL_WAIT_MS = 330_000;

const scSim = new SimpleConsignTransactionsSim({ rateLimit: 1_000_000 });
const ifposSim = new IfposSim({ firstCallDelayMs: 0, rate: { limit: 1_000_000, windowMs: 60_000 } });
const sc = new Tripwire(scSim);
const ifpos = new Tripwire(ifposSim);
const host = new SimHost([sc, ifpos]);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sales-crash-'));
let env: Record<string, string>;

beforeAll(async () => {
  scSim.acceptKey(KEYS.sc);
  ifposSim.acceptKey(KEYS.ifpos);
  env = { CRASH_DATA_DIR: dataDir, CRASH_SIM_URL: await host.start(), CRASH_SC_KEY: KEYS.sc, CRASH_IFPOS_KEY: KEYS.ifpos };
});
afterAll(async () => {
  await host.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

interface KnownSale {
  orderNumber: string;
  lines: { saleLineId: number; sku: string; quantity: number }[];
  /** Lines already chosen for a return (confirmed or in doubt): each line is returned at most once. */
  used: Set<number>;
}

const rand = seededRandom(SEED);
const pick = <T>(list: T[]) => list[Math.floor(rand() * list.length)];
const confirmed = { sales: new Map<string, KnownSale>(), returns: [] as string[] };
const inDoubt = { sales: [] as string[], returns: [] as string[] };
const stats = { kills: 0, trippedBeforeApply: 0, trippedAfterApply: 0, timerKills: 0, lostAnswers: 0, uncertainResolved: 0 };

async function recordSale(app: ChildApp, orderNumber: string): Promise<void> {
  const skus = [...new Set(Array.from({ length: 1 + Math.floor(rand() * 3) }, () => `P${100 + Math.floor(rand() * 40)}`))];
  const lines = skus.map((sku) => ({ sku, name: `Part ${sku}`, unitPriceCents: 100 + Math.floor(rand() * 9900), quantity: 1 + Math.floor(rand() * 3), taxable: false }));
  try {
    const sale = await app.value<SaleDetail>('sales:record-sale', { orderNumber, lines, taxCents: 0 });
    confirmed.sales.set(orderNumber, { orderNumber, lines: sale.lines.map((l) => ({ saleLineId: l.saleLineId, sku: l.sku, quantity: l.quantity })), used: new Set() });
  } catch (error) {
    if (!(error instanceof ChildGone)) throw error;
    inDoubt.sales.push(orderNumber);
  }
}

async function recordReturn(app: ChildApp): Promise<void> {
  const candidates = [...confirmed.sales.values()].filter((s) => s.lines.some((l) => !s.used.has(l.saleLineId)));
  if (candidates.length === 0) return;
  const sale = pick(candidates);
  const line = pick(sale.lines.filter((l) => !sale.used.has(l.saleLineId)));
  sale.used.add(line.saleLineId);
  const quantity = 1 + Math.floor(rand() * line.quantity);
  const key = `${sale.orderNumber} ${line.sku} ${quantity}`;
  try {
    await app.value('sales:record-return', { orderNumber: sale.orderNumber, lines: [{ saleLineId: line.saleLineId, quantity }], taxCents: 0 });
    confirmed.returns.push(key);
  } catch (error) {
    if (!(error instanceof ChildGone)) throw error;
    inDoubt.returns.push(key);
  }
}

/** Arms one way to die for this run, and sometimes lost answers on top. */
function armKill(app: ChildApp): () => void {
  const kill = () => {
    stats.kills += app.alive ? 1 : 0;
    app.kill();
  };
  const roll = rand();
  let timer: NodeJS.Timeout | undefined;
  if (roll < 0.7) {
    const trip = { atRequest: 1 + Math.floor(rand() * 6), afterApply: rand() < 0.7 };
    (rand() < 0.5 ? sc : ifpos).arm(trip, kill);
  } else {
    timer = setTimeout(() => ((stats.timerKills += app.alive ? 1 : 0), kill()), Math.floor(rand() * 500));
  }
  if (rand() < 0.4) {
    const lost = 1 + Math.floor(rand() * 2);
    stats.lostAnswers += lost;
    host.injectFault(rand() < 0.6 ? sc.id : ifpos.id, { kind: 'drop-after-apply', count: lost, retryAfterSeconds: 0, delayMs: 0 });
  }
  return () => {
    clearTimeout(timer);
    for (const t of [sc, ifpos]) {
      if (t.tripped) stats[t.armed?.afterApply ? 'trippedAfterApply' : 'trippedBeforeApply'] += 1;
      t.arm(null, () => {});
    }
    host.clearFaults();
  };
}

async function untilIdleOrDead(app: ChildApp, timeout: number): Promise<void> {
  await vi.waitFor(
    async () => {
      if (!app.alive) return;
      const summary = await app.value<SalesSummary>('sales:get-summary').catch(() => null);
      // Deliveries held behind one that needs a person do not move on their own.
      if (summary && summary.waiting > summary.held) throw new Error(`${summary.waiting - summary.held} still on their way`);
    },
    { timeout, interval: 50 },
  );
}

async function crashRun(run: number): Promise<void> {
  const app = await ChildApp.start(env);
  const disarm = armKill(app);
  for (let i = 0; i < 6 && app.alive; i++) {
    if (rand() < 0.35) await recordReturn(app);
    else await recordSale(app, `K${run}N${i}`);
  }
  // A delivery backing off after repeated lost answers may wait longer than a run lasts: the run
  // then ends with one more kill, which is as good a place to die as any.
  await untilIdleOrDead(app, RUN_WAIT_MS).catch(() => {});
  app.kill();
  await app.exited;
  disarm();
}

async function allSales(app: ChildApp): Promise<SaleDetail[]> {
  const sales: SaleDetail[] = [];
  for (let page = 1; ; page++) {
    const h = await app.value<HistoryPage>('sales:get-history', { kind: 'SALE', page, pageSize: 200 });
    for (const row of h.rows) sales.push(await app.value<SaleDetail>('sales:get-sale', { saleId: row.saleId }));
    if (page * h.pageSize >= h.total) return sales;
  }
}

/** What a person does with an uncertain return: look in SimpleConsign, then mark it delivered or send it again. */
async function resolveUncertain(app: ChildApp, sales: SaleDetail[]): Promise<void> {
  const scReturns = scSim.transactions().filter((t) => t.type === 'RETURN');
  for (const sale of sales) {
    for (const ret of sale.returns) {
      for (const d of ret.deliveries.filter((x) => x.state === 'uncertain')) {
        const line = ret.lines[0];
        const there = scReturns.some((t) => t.orderNumber === sale.orderNumber && t.items[0]?.sku === line.sku && t.items[0]?.quantity === line.quantity);
        await app.value(there ? 'sales:mark-delivered' : 'sales:resend', there ? { deliveryId: d.id, by: 'Crash test' } : { deliveryId: d.id });
        stats.uncertainResolved += 1;
      }
    }
  }
}

it(`delivers every sale and return exactly once through ${RUNS} SIGKILLs (seed ${SEED})`, { timeout: 2 * FINAL_WAIT_MS + RUNS * RUN_WAIT_MS }, async () => {
  for (let run = 0; run < RUNS; run++) await crashRun(run);

  const app = await ChildApp.start(env);
  try {
    await untilIdleOrDead(app, FINAL_WAIT_MS);
    await resolveUncertain(app, await allSales(app));
    await untilIdleOrDead(app, FINAL_WAIT_MS);
    const sales = await allSales(app);
    const deliveries = sales.flatMap((s) => [...s.deliveries, ...s.returns.flatMap((r) => r.deliveries)]);
    expect(deliveries.filter((d) => d.state !== 'sent').map((d) => `${d.destinationName} ${d.state}: ${d.lastReason}`)).toEqual([]);
    expect(deliveries.length).toBe(2 * (sales.length + sales.reduce((n, s) => n + s.returns.length, 0)));

    // Nothing confirmed is missing, and nothing appeared that was not asked for.
    const orders = sales.map((s) => s.orderNumber).sort();
    for (const n of confirmed.sales.keys()) expect(orders).toContain(n);
    for (const n of orders) expect([...confirmed.sales.keys(), ...inDoubt.sales]).toContain(n);
    const returns = sales.flatMap((s) => s.returns.map((r) => `${s.orderNumber} ${r.lines[0].sku} ${r.lines[0].quantity}`)).sort();
    for (const r of confirmed.returns) expect(returns).toContain(r);
    for (const r of returns) expect([...confirmed.returns, ...inDoubt.returns]).toContain(r);

    // SimpleConsign: each sale once, each return once.
    const scTx = scSim.transactions();
    expect(scTx.filter((t) => t.type === 'SALE').map((t) => t.orderNumber).sort()).toEqual(orders);
    expect(scTx.filter((t) => t.type === 'RETURN').map((t) => `${t.orderNumber} ${t.items[0].sku} ${t.items[0].quantity}`).sort()).toEqual(returns);
    for (const s of sales) {
      const recorded = scTx.find((t) => t.type === 'SALE' && t.orderNumber === s.orderNumber)!;
      expect(recorded.nonTaxableSaleTotal).toBe(s.nonTaxableCents);
    }

    // IFPOS keeps one record per sale: exactly one each, holding every return once as a credit.
    const records = ifposSim.records().filter((r) => r.key === KEYS.ifpos);
    expect(records.map((r) => r.saleId).sort()).toEqual(orders);
    for (const s of sales) {
      const payload = records.find((r) => r.saleId === s.orderNumber)!.payload as { Credits: { CreditID: string }[]; LineItems: unknown[] };
      expect(payload.LineItems).toHaveLength(s.lines.length);
      expect(payload.Credits.map((c) => c.CreditID).sort()).toEqual(s.returns.map((r) => String(r.id)).sort());
    }
    console.info(`crash test (seed ${SEED}): ${sales.length} sales, ${returns.length} returns, ${JSON.stringify(stats)}, in doubt at a kill: ${inDoubt.sales.length} sales, ${inDoubt.returns.length} returns`);
  } finally {
    app.kill();
    await app.exited;
  }
});
