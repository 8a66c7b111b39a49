import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createAppServices, type AppServices } from '../electron/app/app-services';
import { MemorySecretStore } from '../electron/core/secrets/memory-secret-store';
import { IfposSim } from '../electron/ifpos/ifpos-sim';
import { SimpleConsignTransactionsSim } from '../electron/simpleconsign/transactions-sim';
import type { SimRequest, SimResponse, Simulator } from '../electron/training/simulator';
import { SimHost } from '../electron/training/sim-host';
import { median, percentile, type BenchReport } from './harness';

const SALES = 200;
const KEYS = { sc: 'bench-sc-key', ifpos: 'bench-ifpos-key' };

/** Notes when each request reaches the simulator, keyed by the order number it carries. */
class Stopwatch implements Simulator {
  readonly id: string;
  readonly name: string;
  readonly prefix: string;
  private readonly waiters = new Map<string, (at: number) => void>();

  constructor(
    private readonly inner: Simulator,
    private readonly orderOf: (body: Record<string, unknown>) => string,
  ) {
    this.id = inner.id;
    this.name = inner.name;
    this.prefix = inner.prefix;
  }

  arrival(order: string): Promise<number> {
    return new Promise((resolve) => this.waiters.set(order, resolve));
  }

  handle(req: SimRequest): Promise<SimResponse> | SimResponse {
    const at = performance.now();
    const order = this.orderOf((req.json ?? {}) as Record<string, unknown>);
    this.waiters.get(order)?.(at);
    this.waiters.delete(order);
    return this.inner.handle(req);
  }

  reset(): void {
    this.inner.reset();
  }
}

const offlineFetch: typeof fetch = (input, init) => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  if (url.hostname === '127.0.0.1') return fetch(input, init);
  return Promise.reject(Object.assign(new TypeError('fetch failed'), { cause: { code: 'ENOTFOUND' } }));
};

async function liveServices(dataDir: string, simUrl: string): Promise<AppServices> {
  const secrets = new MemorySecretStore();
  const services = await createAppServices({ dataDir, secrets, version: 'bench', fetch: offlineFetch, log: () => {} });
  const calls: [string, unknown][] = [
    ['connections:update', { id: 'simpleconsign', enabled: true, settings: { baseUrl: `${simUrl}/simpleconsign` } }],
    ['connections:update', { id: 'ifpos', enabled: true, settings: { url: `${simUrl}/ifpos`, keyInUrl: false, showroomId: 'SHOWROOM-1', employeeId: 'EMP-100' } }],
    // Credentials are bound to the address they were entered for, so they are entered after it.
    ['connections:set-secret', { id: 'simpleconsign', field: 'apiKey', value: KEYS.sc }],
    ['connections:set-secret', { id: 'ifpos', field: 'apiKey', value: KEYS.ifpos }],
    ['connections:set-mode', { mode: 'live' }],
  ];
  for (const [channel, input] of calls) {
    const r = await services.dispatch(channel, input);
    if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  }
  return services;
}

async function idle(services: AppServices): Promise<void> {
  for (;;) {
    const r = await services.dispatch('sales:get-summary', {});
    if (r.ok && (r.value as { waiting: number }).waiting === 0) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** Record → first request at a vendor, for each of `SALES` sales, one at a time. */
async function measureRecords(services: AppServices, sc: Stopwatch, ifpos: Stopwatch): Promise<{ first: number[]; record: number[] }> {
  const first: number[] = [];
  const record: number[] = [];
  for (let i = 0; i < SALES; i++) {
    const orderNumber = `B${i}X${Date.now() % 100000}`;
    const arrivals = [sc.arrival(orderNumber), ifpos.arrival(orderNumber)];
    const started = performance.now();
    const result = await services.dispatch('sales:record-sale', {
      orderNumber,
      lines: [{ sku: `P${100 + (i % 50)}`, name: 'Bench part', unitPriceCents: 1000 + i, quantity: 1, taxable: false }],
      taxCents: 0,
    });
    record.push(performance.now() - started);
    if (!result.ok) throw new Error(`record failed: ${result.error.message}`);
    first.push(Math.min(...(await Promise.all(arrivals))) - started);
    await idle(services);
  }
  return { first, record };
}

/** The floor: a plain HTTP POST from this process to the same simulator, until it arrives there. */
async function measureBare(baseUrl: string, sc: Stopwatch): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < SALES; i++) {
    const orderNumber = `H${i}X${Date.now() % 100000}`;
    const arrival = sc.arrival(orderNumber);
    const started = performance.now();
    const body = { key: KEYS.sc, orderNumber, type: 'SALE', nonTaxableSaleTotal: 1000, taxableSaleTotal: 0, tax: 0, items: [{ sku: 'P100', price: 1000, quantity: 1 }] };
    const res = await fetch(`${baseUrl}/simpleconsign/transaction`, { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify(body) });
    await res.text();
    times.push((await arrival) - started);
  }
  return times;
}

export default async function salesBench(report: BenchReport): Promise<void> {
  report.section(`Sales: record → first vendor request at the simulator (${SALES} sales, live mode, loopback)`);
  const scSim = new SimpleConsignTransactionsSim({ rateLimit: 1_000_000 });
  const ifposSim = new IfposSim({ firstCallDelayMs: 0, rate: { limit: 1_000_000, windowMs: 60_000 } });
  scSim.acceptKey(KEYS.sc);
  ifposSim.acceptKey(KEYS.ifpos);
  const sc = new Stopwatch(scSim, (b) => String(b.orderNumber ?? ''));
  const ifpos = new Stopwatch(ifposSim, (b) => String(b.SaleID ?? ''));
  const host = new SimHost([sc, ifpos]);
  const baseUrl = await host.start();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-sales-'));
  const services = await liveServices(dataDir, baseUrl);
  try {
    const bare = await measureBare(baseUrl, sc);
    const { first, record } = await measureRecords(services, sc, ifpos);
    const sorted = (v: number[]) => [...v].sort((a, b) => a - b);
    report.ratio('record → first vendor request (median)', median(first), median(bare), 'ms');
    report.ratio('record → first vendor request (p95)', percentile(sorted(first), 95), percentile(sorted(bare), 95), 'ms');
    report.figure('bare HTTP POST → arrival at simulator (median)', median(bare), 'ms');
    report.figure('bare HTTP POST → arrival at simulator (p95)', percentile(sorted(bare), 95), 'ms');
    report.figure('sales:record-sale call, validated and committed (median)', median(record), 'ms');
    report.figure('sales:record-sale call, validated and committed (p95)', percentile(sorted(record), 95), 'ms');
  } finally {
    await services.stop();
    await host.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
