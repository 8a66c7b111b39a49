import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import type { HistoryPage, HistoryRow, SaleDetail, SalesSummary } from '../../shared/sales/schemas';
import type { StoreStatus } from '../../shared/store/schemas';
import { IfposSim } from '../ifpos/ifpos-sim';
import { currentRows, rowToItem } from '../inventory/store-copy-items';
import Database from 'better-sqlite3';
import { ChildApp } from '../sales/fixtures/crash-harness';
import { SimpleConsignInventorySimulator } from '../simpleconsign/inventory-sim';
import { SimpleConsignTransactionsSim } from '../simpleconsign/transactions-sim';
import { SimHost } from '../training/sim-host';
import { startTestServer, type TestServer } from '../store-server/testing/test-server';
import { CallLog, CuttableLine, mostInAnyWindow, stopImmediately, type LoggedCall } from '../store-server/testing/trial-tools';
import { dataStoreFile } from './mode-stores';

/**
 * A store of four workstations, each the app in its own process with its own data folder, sharing one PostgreSQL
 * and one SimpleConsign key, driven through the app's dispatch (the calls the screens make). Along the way two
 * workstations (the inventory loader among them) are killed outright and started again, the server is stopped as
 * by a power cut and started again, and one workstation's line to the server is cut for a while.
 * The simulators count over a shorter window than SimpleConsign's 10 minutes, and the store's budget is counted
 * over the same window (a store setting), so the trial keeps SimpleConsign's proportions in a few minutes.
 */
const SALES = Number(process.env.TRIAL_SALES ?? 400);
const RETURNS = Number(process.env.TRIAL_RETURNS ?? 50);
/** How long the one workstation's line stays cut at least, a minute as a pulled cable (and until that workstation has seen it). */
const CUT_MS = Number(process.env.TRIAL_CUT_MS ?? 60_000);
const WINDOW_S = Number(process.env.TRIAL_WINDOW_SECONDS ?? 10);
const BUDGET = 80;
const KEYS = { sc: 'trial-sc-key', ifpos: 'trial-ifpos-key' };
const NAMES = ['Counter 1', 'Counter 2', 'Back office', 'Parts desk'];

const calls: LoggedCall[] = [];
const inventory = new SimpleConsignInventorySimulator({ items: 300, keys: [KEYS.sc], now: Date.now, changesPerMinute: 0, sendsEcommerceFlag: true, stampOffsetMs: 0, requestCap: 100, windowMs: WINDOW_S * 1000 });
const transactions = new SimpleConsignTransactionsSim({ catalog: () => inventory, requests: () => inventory.requests, now: Date.now });
const ifpos = new IfposSim({ firstCallDelayMs: 0, rate: { limit: 1_000_000, windowMs: 60_000 } });
const host = new SimHost([new CallLog(inventory, calls), new CallLog(transactions, calls), new CallLog(ifpos, calls)]);
const folders = NAMES.map(() => fs.mkdtempSync(path.join(os.tmpdir(), 'store-trial-ws-')));
const keychains = NAMES.map(() => `parts-backoffice-trial-${crypto.randomUUID()}`);
const apps: (ChildApp | null)[] = NAMES.map(() => null);
let pg: TestServer;
let line: CuttableLine;
let simUrl = '';

beforeAll(async () => {
  process.env.BACKOFFICE_IFPOS_FIRST_CALL_MS = '0';
  transactions.acceptKey(KEYS.sc);
  ifpos.acceptKey(KEYS.ifpos);
  simUrl = await host.start();
  pg = await startTestServer();
  line = new CuttableLine({ host: '127.0.0.1', port: pg.endpoint.port });
  await line.start();
}, 120_000);

afterAll(async () => {
  for (const app of apps) if (app && app.process.exitCode === null && app.process.signalCode === null) app.process.kill('SIGKILL');
  await Promise.all(apps.map((a) => a?.exited));
  await line?.close();
  await pg?.stop();
  await host.stop();
  for (const dir of folders) fs.rmSync(dir, { recursive: true, force: true });
}, 120_000);

const start = async (i: number) => {
  apps[i] = await ChildApp.start({ CRASH_DATA_DIR: folders[i], CRASH_SIM_URL: simUrl, CRASH_SC_KEY: KEYS.sc, CRASH_IFPOS_KEY: KEYS.ifpos, CRASH_KEYCHAIN_SERVICE: keychains[i], BACKOFFICE_IFPOS_FIRST_CALL_MS: '0' });
  return apps[i]!;
};
const app = (i: number) => apps[i]!;
const status = (i: number) => app(i).value<StoreStatus>('store:get-status');
const serverState = async (i: number) => (await status(i)).server?.state;

/** The vendor's items a load asks for (active, in stock), by SKU. */
const vendorSkus = () => inventory.store.query({ ecommerceOnly: false, includeZero: false, includeInactive: false }).map((i) => String(i.sku).toLowerCase()).sort();

interface Recorded {
  orderNumber: string;
  on: number;
  lineId: number;
}
const sales: Recorded[] = [];
const returns: string[] = [];
let sold = 0;

async function sell(i: number, count: number): Promise<void> {
  // Items with stock to spare, so no sale takes one out of the loads' answers.
  const items = inventory.store.query({ ecommerceOnly: false, includeZero: false, includeInactive: false }).filter((i) => Number(i.quantity) >= 5);
  for (let n = 0; n < count; n++) {
    const item = items[(sold++ * 7) % items.length];
    const price = Math.max(100, Math.round(Number(item.currentPrice ?? 5) * 100));
    const sale = await app(i).value<SaleDetail>('sales:record-sale', { lines: [{ sku: String(item.sku), name: 'Trial item', unitPriceCents: price, quantity: 1, taxable: false }], taxCents: 0 });
    sales.push({ orderNumber: sale.orderNumber, on: i, lineId: sale.lines[0].saleLineId });
  }
}

/** Each of the running workstations sells its share of `count` at once. */
async function sellAcross(count: number, who = [0, 1, 2, 3]): Promise<void> {
  await Promise.all(who.map((i, k) => sell(i, Math.floor(count / who.length) + (k < count % who.length ? 1 : 0))));
}

/** A return of one sale, rung up on the next workstation once the sale has reached it. */
async function returnAt(sale: Recorded): Promise<void> {
  const at = (sale.on + 1) % 4;
  let detail: SaleDetail | null = null;
  await vi.waitFor(async () => {
    const r = await app(at).call<SaleDetail>('sales:get-sale', { orderNumber: sale.orderNumber });
    expect(r.ok).toBe(true);
    detail = r.ok ? r.value : null;
  }, { timeout: 60_000, interval: 200 });
  await app(at).value('sales:record-return', { orderNumber: sale.orderNumber, lines: [{ saleLineId: detail!.lines[0].saleLineId, quantity: 1 }], taxCents: 0 });
  returns.push(sale.orderNumber);
}

async function history(i: number): Promise<string[]> {
  const out: string[] = [];
  for (let page = 1; ; page++) {
    const p = await app(i).value<HistoryPage>('sales:get-history', { page, pageSize: 200 });
    out.push(...p.rows.map((r: HistoryRow) => `${r.kind} ${r.orderNumber} ${r.totalCents}`));
    if (page * 200 >= p.total) return out.sort();
  }
}

async function serverHistory(): Promise<string[]> {
  const total = (record: string) => `((${record}->>'nontaxable_cents')::bigint + (${record}->>'taxable_cents')::bigint + (${record}->>'tax_cents')::bigint)`;
  const rows = await pg.sql<{ row: string }>(`SELECT 'SALE ' || order_number || ' ' || ${total("body->'sale'")} AS row FROM live.sales
    UNION ALL SELECT 'RETURN ' || s.order_number || ' ' || ${total("r.body->'return'")} FROM live.returns r JOIN live.sales s ON s.uid = r.sale_uid`);
  return rows.map((r) => r.row).sort();
}

/** A workstation's inventory copy, read from its own store file: each item as SimpleConsign sent it, by SKU. */
function copyOf(i: number): Map<string, string> {
  const db = new Database(dataStoreFile(folders[i], 'live'), { readonly: true });
  try {
    const items = new Map<string, string>();
    for (const rows of currentRows(db)) for (const r of rows) items.set(String(r.sku).toLowerCase(), JSON.stringify(rowToItem(r)));
    return items;
  } finally {
    db.close();
  }
}

/** For the reader of a failed run: how the recorder saw each sale SimpleConsign lacks. */
async function explainMissing(orderNumbers: string[]): Promise<void> {
  for (const orderNumber of orderNumbers) {
    const sale = sales.find((s) => s.orderNumber === orderNumber)!;
    const detail = await app(sale.on).call('sales:get-sale', { orderNumber });
    const log = calls.filter((c) => c.body?.includes(orderNumber));
    console.log(`missing at SimpleConsign: ${orderNumber} (recorded on ${NAMES[sale.on]}): ${JSON.stringify(detail).slice(0, 3000)}\ncalls naming it: ${JSON.stringify(log)}`);
  }
}

async function killAndRestart(which: number[]): Promise<void> {
  for (const i of which) app(i).kill();
  await Promise.all(which.map((i) => app(i).exited));
  for (const i of which) await start(i);
}

let began = Date.now();
/** Where the trial is, for the reader of a failed run (with each workstation's own output then). */
const step = (what: string) => console.log(`store trial ${Math.round((Date.now() - began) / 1000)} s: ${what}`);

it('four workstations: every sale and return reaches each vendor once, within the budget, and every History and copy ends equal', async () => {
  began = Date.now();
  try {
    await trial();
  } catch (error) {
    for (const state of ['pending', 'attention'] as const) {
      const stuck = await Promise.all(apps.map((a) => a?.call<HistoryPage>('sales:get-history', { state, pageSize: 5 }).catch(() => null)));
      console.log(`${state}: ${JSON.stringify(stuck.map((p) => (p?.ok ? p.value.rows.map((r) => [r.kind, r.orderNumber, r.deliveries.map((d) => [d.destination, d.state, d.lastReason ?? null, d.nextAttemptAt])]) : null)))}`);
    }
    for (const [i, a] of apps.entries()) console.log(`--- ${NAMES[i]} (${a?.alive ? 'running' : 'gone'}):\n${a?.output.slice(-4000)}`);
    throw error;
  }
}, 900_000);

/**
 * The workstation holding the store's inventory lock, as workstation `asked` sees it. A workstation takes the lock on
 * its next look at the store, which may come a moment after the store is set up or after the holder started again.
 */
async function currentLoader(asked: number): Promise<number> {
  const name = await vi.waitFor(async () => {
    const holder = (await status(asked)).inventoryLoader;
    expect(holder).not.toBeNull();
    return holder;
  }, { timeout: 60_000 });
  return NAMES.indexOf(name ?? '');
}

async function trial(): Promise<void> {
  // The first workstation has its copy before the store exists; it sets the store up and seeds the server.
  await start(0);
  await app(0).value('inventory:sync-now');
  await vi.waitFor(async () => expect((await app(0).value<{ loaded: boolean; running: unknown }>('inventory:get-status')).running).toBeNull(), { timeout: 60_000 });
  await app(0).value('store:set-up-existing-server', { storeName: 'Main Street', workstationName: NAMES[0], address: `127.0.0.1:${pg.endpoint.port}`, database: 'backoffice', adminUser: pg.admin.user, adminPassword: pg.admin.password, tls: 'off' });
  await pg.sql('UPDATE live.vendor_budget SET budget = $1, window_seconds = $2', [BUDGET, WINDOW_S]);
  for (let i = 1; i < 4; i++) {
    const code = (await app(0).value<StoreStatus>('store:new-pairing-code')).pairing!.code;
    await start(i);
    // The last one reaches the server through a line the trial can cut.
    const port = i === 3 ? line.port : pg.endpoint.port;
    await app(i).value('store:join', { address: `127.0.0.1:${port}`, code, workstationName: NAMES[i], tls: 'off' });
  }
  for (let i = 0; i < 4; i++) await vi.waitFor(async () => expect(await serverState(i)).toBe('connected'), { timeout: 60_000 });

  step('the store is set up');
  await sellAcross(Math.round(SALES * 0.25));
  // Kill -9 of the inventory loader and one more, while their deliveries are on their way; both start again.
  const loader = await currentLoader(1);
  expect(loader).toBeGreaterThanOrEqual(0);
  inventory.tick(20, { keepActive: true });
  await killAndRestart([loader, (loader + 2) % 4]);

  step('two killed and started again');
  await sellAcross(Math.round(SALES * 0.25));
  // The server stops as by a power cut; the workstations go on selling, then it starts again.
  await stopImmediately(pg.server.dataDir);
  await sellAcross(8);
  await pg.server.start();
  for (let i = 0; i < 4; i++) await vi.waitFor(async () => expect(await serverState(i)).toBe('connected'), { timeout: 120_000, interval: 500 });
  step('the server stopped and started again, and every workstation is back on it');

  // One workstation's line to the server is cut for a while; it and the others go on selling.
  line.sever();
  const cutAt = Date.now();
  await sellAcross(Math.round(SALES * 0.25) - 8, [0, 1, 2]);
  await sell(3, 5);
  await vi.waitFor(async () => expect(await serverState(3)).toBe('away'), { timeout: 120_000, interval: 500 });
  if (CUT_MS > 0) await vi.waitFor(() => expect(Date.now() - cutAt).toBeGreaterThanOrEqual(CUT_MS), { timeout: CUT_MS + 60_000, interval: 250 });
  line.mend();
  step(`the line was cut for ${Date.now() - cutAt} ms`);
  inventory.tick(20, { keepActive: true });
  await sellAcross(SALES - sales.length);

  for (const sale of sales.filter((_, k) => k % Math.floor(SALES / RETURNS) === 0).slice(0, RETURNS)) await returnAt(sale);

  step(`${sales.length} sales and ${returns.length} returns recorded`);
  // Everything is delivered, and every History and copy comes to the server's.
  await vi.waitFor(async () => {
    const summaries = await Promise.all([0, 1, 2, 3].map((i) => app(i).value<SalesSummary>('sales:get-summary')));
    expect(summaries.map((x) => x.waiting), JSON.stringify(summaries)).toEqual([0, 0, 0, 0]);
  }, { timeout: 240_000, interval: 1_000 });
  const loaderNow = await currentLoader(0);
  await app(loaderNow).value('inventory:sync-now');
  const server = await serverHistory();
  await vi.waitFor(async () => {
    for (let i = 0; i < 4; i++) expect(await history(i)).toEqual(server);
  }, { timeout: 120_000, interval: 1_000 });
  await vi.waitFor(() => {
    const first = copyOf(0);
    expect([...first.keys()].sort()).toEqual(vendorSkus());
    for (let i = 1; i < 4; i++) expect(copyOf(i)).toEqual(first);
  }, { timeout: 120_000, interval: 1_000 });

  // Each vendor has every sale and return once; no two sales share an order number.
  const numbers = sales.map((s) => s.orderNumber);
  expect(new Set(numbers).size).toBe(numbers.length);
  const sc = transactions.transactions().filter((t) => t.key === KEYS.sc);
  await explainMissing(numbers.filter((n) => !sc.some((t) => t.type === 'SALE' && t.orderNumber === n)));
  expect(sc.filter((t) => t.type === 'SALE').map((t) => t.orderNumber).sort()).toEqual([...numbers].sort());
  expect(sc.filter((t) => t.type === 'RETURN').map((t) => t.orderNumber).sort()).toEqual([...returns].sort());
  const records = ifpos.records().filter((r) => r.key === KEYS.ifpos);
  expect(records.map((r) => r.saleId).sort()).toEqual([...numbers].sort());
  for (const r of records) {
    const credits = (r.payload as { Credits?: unknown[] }).Credits ?? [];
    expect(credits).toHaveLength(returns.filter((n) => n === r.saleId).length);
  }
  expect(server.filter((r) => r.startsWith('SALE')).length).toBe(numbers.length);
  // The key never saw more than the budget in any window, by SimpleConsign's own log, and was never refused.
  const scCalls = calls.filter((c) => c.sim !== 'ifpos');
  expect(scCalls.filter((c) => c.status === 429)).toEqual([]);
  const most = mostInAnyWindow(scCalls.map((c) => c.at), WINDOW_S * 1000);
  expect(most).toBeLessThanOrEqual(BUDGET);
  step(`${numbers.length} sales and ${returns.length} returns across 4 workstations; SimpleConsign ${scCalls.length} calls (most in any ${WINDOW_S} s: ${most} of ${BUDGET}), IFPOS ${calls.length - scCalls.length}`);
}
