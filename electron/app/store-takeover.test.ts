import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createIfposDestination } from '../ifpos/ifpos-destination';
import { IfposSim } from '../ifpos/ifpos-sim';
import { createSimpleConsignDestination } from '../simpleconsign/transactions-destination';
import { SimpleConsignTransactionsSim } from '../simpleconsign/transactions-sim';
import { freePort } from '../store-server/testing/test-server';
import { adminSql, storeComputer, type StoreComputer } from './store-test-computer';
import type { DeliveryOutcome, Destination, TransactionToDeliver } from '../sales/destination';
import { GATE_RECHECK_MS } from '../sales/store-deliveries';
import { deferred, makeSalesHarness, saleInput, type SalesHarness } from '../sales/test-support';

/** Seconds a workstation may be silent before another takes its deliveries over (the store's setting is in minutes). */
const SILENCE = 2;

const computer = (name: string) => storeComputer(`lease-${name}`, 300);

/** The vendors every workstation of the store reaches: the simulators count what they hold. */
const scSim = new SimpleConsignTransactionsSim({ rateLimit: 1_000_000 });
const ifposSim = new IfposSim({ firstCallDelayMs: 0, rate: { limit: 1_000_000, windowMs: 60_000 } });

/** A workstation's real vendor destination, with every call counted and a hook after the vendor answered. */
class Probe implements Destination {
  readonly calls: string[] = [];
  after: ((tx: TransactionToDeliver, outcome: DeliveryOutcome) => Promise<DeliveryOutcome>) | null = null;
  constructor(private readonly real: Destination) {}
  get id() {
    return this.real.id;
  }
  get name() {
    return this.real.name;
  }
  async isEnabled() {
    return this.real.isEnabled();
  }
  check(tx: TransactionToDeliver) {
    return this.real.check(tx);
  }
  async deliver(tx: TransactionToDeliver) {
    this.calls.push(`${tx.kind} ${tx.orderNumber}`);
    const outcome = await this.real.deliver(tx);
    return this.after ? this.after(tx, outcome) : outcome;
  }
}

const harnesses: SalesHarness[] = [];
let server: StoreComputer, counter: StoreComputer, doomed: StoreComputer;
let port: number;

/** A workstation's sales over its store link, delivering to the shared simulators. */
async function workstation(on: StoreComputer) {
  const h = makeSalesHarness([], { start: false, store: on.service.linkFor('training'), shareIntervalMs: 60_000, takeoverSeconds: SILENCE });
  harnesses.push(h);
  h.core.simHost.register(scSim);
  h.core.simHost.register(ifposSim);
  await h.core.simHost.start();
  await h.core.connections.update('ifpos', false, { minCallSpacingSeconds: '0' });
  const probes = [new Probe(createSimpleConsignDestination(h.core)), new Probe(createIfposDestination(h.core))];
  h.restart(probes);
  return { h, probes, restart: () => {
    const fresh = [new Probe(createSimpleConsignDestination(h.core)), new Probe(createIfposDestination(h.core))];
    h.restart(fresh);
    return fresh;
  } };
}

/** One round of sharing on each workstation, at the same time. */
async function rounds(...hs: SalesHarness[]) {
  await Promise.all(hs.map(async (h) => {
    h.feature.share.nudge();
    await h.feature.share.settle();
  }));
}

const serverSql = <R>(text: string, params: unknown[] = []) => adminSql<R>(server, port, text, params);

const scHolds = (orderNumber: string, type: 'SALE' | 'RETURN' = 'SALE') => scSim.transactions().filter((t) => t.orderNumber === orderNumber && t.type === type).length;
const ifposHolds = (orderNumber: string) => ifposSim.records().filter((r) => r.saleId === orderNumber).length;
const outboxOf = (h: SalesHarness, orderNumber: string) => h.feature.views.sale({ orderNumber }).deliveries.map((d) => [d.destination, d.state]);
const returnOutboxOf = (h: SalesHarness, orderNumber: string) => h.feature.views.sale({ orderNumber }).returns[0].deliveries.map((d) => [d.destination, d.state]);

async function connected(c: StoreComputer) {
  await vi.waitFor(async () => expect((await c.service.status()).server?.state).toBe('connected'), { timeout: 20_000, interval: 100 });
}

const hung: { resolve: (o: DeliveryOutcome) => void }[] = [];

beforeAll(async () => {
  server = computer('server');
  counter = computer('counter');
  doomed = computer('doomed');
  port = await freePort();
  await server.service.setUpBundledServer({ storeName: 'Main Street', workstationName: 'Counter 1', listen: ['127.0.0.1'], port, tls: false });
  for (const [c, name] of [[counter, 'Counter 2'], [doomed, 'Back office']] as const) {
    const { pairing } = await server.service.newPairingCode();
    await c.service.join({ address: `127.0.0.1:${port}`, code: pairing!.code, workstationName: name, tls: 'off' });
  }
}, 120_000);

afterAll(async () => {
  for (const d of hung) d.resolve({ kind: 'retry', reason: 'the test ended' });
  for (const h of harnesses) await h.close();
  for (const h of harnesses) await h.core.simHost.stop();
  await doomed?.close();
  await counter?.close();
  await server?.close();
}, 60_000);

describe('deliveries of a store under a lease', () => {
  it('delivers once when the recorder dies after the vendors accepted and before the server was told; coming back, it sends nothing', async () => {
    const a = await workstation(server);
    const dying = await workstation(doomed);
    await connected(doomed);
    // Both vendors accept, then the recorder dies: no answer is recorded and the server is never told.
    let answered = 0;
    for (const p of dying.probes) {
      p.after = async () => {
        if (++answered === dying.probes.length) await doomed.service.stop();
        const never = deferred<DeliveryOutcome>();
        hung.push(never);
        return never.promise;
      };
    }
    const { orderNumber } = await dying.h.feature.service.recordSale(saleInput(undefined, [{ sku: 'P100', name: 'Filter', unitPriceCents: 1250, quantity: 2, taxable: false }]));
    await vi.waitFor(() => expect([scHolds(orderNumber), ifposHolds(orderNumber)]).toEqual([1, 1]), { timeout: 20_000 });
    // Silent past the takeover time on the server's clock: the other workstation delivers, asking the vendors to recognise a repeat.
    await vi.waitFor(async () => {
      await rounds(a.h);
      const rows = await serverSql<{ destination: string; by: string }>(
        `SELECT d.destination, w.prefix AS by FROM training.deliveries d JOIN store.workstations w ON w.id = d.delivered_by WHERE d.order_number = $1 ORDER BY 1`,
        [orderNumber],
      );
      expect(rows).toEqual([{ destination: 'ifpos', by: '01' }, { destination: 'simpleconsign', by: '01' }]);
    }, { timeout: 30_000, interval: 300 });
    expect(a.probes.map((p) => p.calls)).toEqual([[`SALE ${orderNumber}`], [`SALE ${orderNumber}`]]);
    expect([scHolds(orderNumber), ifposHolds(orderNumber)]).toEqual([1, 1]);

    // Back again: it asks the server first, and marks both done without a call.
    doomed.service.start();
    const fresh = dying.restart();
    await vi.waitFor(async () => {
      await rounds(dying.h);
      expect(outboxOf(dying.h, orderNumber)).toEqual([['simpleconsign', 'sent'], ['ifpos', 'sent']]);
    }, { timeout: 20_000, interval: 300 });
    await dying.h.feature.worker.idle();
    expect(fresh.map((p) => p.calls)).toEqual([[], []]);
    expect(dying.h.feature.views.sale({ orderNumber }).deliveries[0].summary).toContain('Delivered by workstation 01 (Counter 1)');
    expect([scHolds(orderNumber), ifposHolds(orderNumber)]).toEqual([1, 1]);
    await a.h.feature.stop?.();
    await dying.h.feature.stop?.();
  }, 90_000);

  it('lets exactly one of two workstations take each delivery of a silent one over, sales before their returns', async () => {
    const a = await workstation(server);
    const b = await workstation(counter);
    const dying = await workstation(doomed);
    await connected(doomed);
    // Its vendors asked it to hold off, so everything waits, never tried; then it falls silent.
    const pause = dying.h.core.db.prepare(`INSERT INTO delivery_pauses (destination, until, reason) VALUES (?, ?, 'held by the vendor')`);
    for (const p of dying.probes) pause.run(p.id, dying.h.clock.now + 86_400_000);
    const orders: string[] = [];
    for (let i = 0; i < 4; i++) orders.push((await dying.h.feature.service.recordSale(saleInput(undefined, [{ sku: `P2${i}`, name: 'Belt', unitPriceCents: 900, quantity: 2, taxable: false }]))).orderNumber);
    const sold = dying.h.feature.views.sale({ orderNumber: orders[0] });
    await dying.h.feature.service.recordReturn({ orderNumber: orders[0], lines: [{ saleLineId: sold.lines[0].saleLineId, quantity: 1 }], taxCents: 0 });
    await vi.waitFor(async () => {
      await rounds(dying.h);
      expect(Number((await serverSql<{ n: string }>('SELECT COUNT(*) AS n FROM training.deliveries d JOIN training.sales s ON s.order_number = d.order_number WHERE s.order_number = ANY($1)', [orders]))[0].n)).toBe(10);
    }, { timeout: 20_000 });
    await dying.h.feature.stop?.();
    await doomed.service.stop();

    await vi.waitFor(async () => {
      await rounds(a.h, b.h);
      expect(orders.map((o) => [scHolds(o), ifposHolds(o)])).toEqual(orders.map(() => [1, 1]));
      expect(scHolds(orders[0], 'RETURN')).toBe(1);
    }, { timeout: 40_000, interval: 200 });
    const calls = [...a.probes, ...b.probes].flatMap((p) => p.calls.map((c) => `${p.id} ${c}`)).filter((c) => orders.some((o) => c.endsWith(o)));
    expect(calls.sort()).toEqual([...orders.flatMap((o) => [`ifpos SALE ${o}`, `simpleconsign SALE ${o}`]), `ifpos RETURN ${orders[0]}`, `simpleconsign RETURN ${orders[0]}`].sort());
    const open = await serverSql<{ n: string }>('SELECT COUNT(*) AS n FROM training.deliveries WHERE order_number = ANY($1) AND delivered_at IS NULL', [orders]);
    expect(Number(open[0].n)).toBe(0);
  }, 90_000);
  it('sends a return rung up on another workstation only once its sale has reached the same vendor', async () => {
    const a = await workstation(server);
    const b = await workstation(counter);
    await connected(counter);
    // The recorder's vendors asked it to hold off: its sale waits there, undelivered.
    const pause = a.h.core.db.prepare(`INSERT INTO delivery_pauses (destination, until, reason) VALUES (?, ?, 'held by the vendor')`);
    for (const p of a.probes) pause.run(p.id, a.h.clock.now + 86_400_000);
    const { orderNumber } = await a.h.feature.service.recordSale(saleInput(undefined, [{ sku: 'P300', name: 'Mirror', unitPriceCents: 4500, quantity: 1, taxable: false }]));
    let sold: ReturnType<SalesHarness['feature']['views']['sale']> | null = null;
    await vi.waitFor(async () => {
      await rounds(a.h, b.h);
      sold = b.h.feature.views.sale({ orderNumber });
    }, { timeout: 20_000, interval: 200 });
    await b.h.feature.service.recordReturn({ orderNumber, lines: [{ saleLineId: sold!.lines[0].saleLineId, quantity: 1 }], taxCents: 0 });
    // The return is on the server and its workstation asks before each call: it waits for the sale.
    for (let i = 0; i < 3; i++) {
      await rounds(a.h, b.h);
      await b.h.feature.worker.idle();
    }
    expect(b.probes.map((p) => p.calls)).toEqual([[], []]);
    expect(returnOutboxOf(b.h, orderNumber)).toEqual([['simpleconsign', 'waiting'], ['ifpos', 'waiting']]);
    expect(b.h.feature.views.sale({ orderNumber }).returns[0].deliveries[0].lastReason).toMatch(/a return never reaches a vendor before its sale/);

    // The sale goes; then the return follows it to each vendor.
    a.h.core.db.prepare('DELETE FROM delivery_pauses').run();
    a.h.feature.worker.nudge();
    await vi.waitFor(async () => {
      // Time passes on the workstation's clock: what was set aside is looked at again.
      b.h.clock.now += GATE_RECHECK_MS;
      await rounds(a.h, b.h);
      expect(returnOutboxOf(b.h, orderNumber)).toEqual([['simpleconsign', 'sent'], ['ifpos', 'sent']]);
    }, { timeout: 30_000, interval: 200 });
    expect(b.probes.map((p) => p.calls)).toEqual([[`RETURN ${orderNumber}`], [`RETURN ${orderNumber}`]]);
    expect(scSim.transactions().filter((t) => t.orderNumber === orderNumber).map((t) => t.type)).toEqual(['SALE', 'RETURN']);
    // TRAX holds the one record, replaced with its credit.
    const [record] = ifposSim.records().filter((r) => r.saleId === orderNumber);
    expect(ifposHolds(orderNumber)).toBe(1);
    expect((record.payload as { Credits?: unknown[] }).Credits).toHaveLength(1);
    await a.h.feature.stop?.();
    await b.h.feature.stop?.();
  }, 90_000);
  it('never takes over a delivery a person cancelled on the silent workstation', async () => {
    // Back from the test before, where it fell silent.
    doomed.service.start();
    const a = await workstation(server);
    const dying = await workstation(doomed);
    await connected(doomed);
    const pause = dying.h.core.db.prepare(`INSERT INTO delivery_pauses (destination, until, reason) VALUES (?, ?, 'held by the vendor')`);
    for (const p of dying.probes) pause.run(p.id, dying.h.clock.now + 86_400_000);
    const { orderNumber } = await dying.h.feature.service.recordSale(saleInput(undefined, [{ sku: 'P400', name: 'Lamp', unitPriceCents: 3000, quantity: 1, taxable: false }]));
    const cancelledOnServer = async () =>
      (await serverSql<{ destination: string; cancelled: boolean }>('SELECT destination, cancelled_at IS NOT NULL AS cancelled FROM training.deliveries WHERE order_number = $1 ORDER BY 1', [orderNumber]));
    // On the server with both its deliveries; then a person cancels the SimpleConsign one there.
    await vi.waitFor(async () => {
      await rounds(dying.h);
      expect(await cancelledOnServer()).toEqual([{ destination: 'ifpos', cancelled: false }, { destination: 'simpleconsign', cancelled: false }]);
    }, { timeout: 20_000, interval: 200 });
    const sc = dying.h.feature.views.sale({ orderNumber }).deliveries.find((d) => d.destination === 'simpleconsign')!;
    dying.h.feature.service.cancel(sc.id);
    await vi.waitFor(async () => {
      await rounds(dying.h);
      expect(await cancelledOnServer()).toEqual([{ destination: 'ifpos', cancelled: false }, { destination: 'simpleconsign', cancelled: true }]);
    }, { timeout: 20_000, interval: 200 });
    await dying.h.feature.stop?.();
    await doomed.service.stop();
    // Silent past the takeover time: the other workstation delivers the IFPOS one only.
    await vi.waitFor(async () => {
      await rounds(a.h);
      expect(ifposHolds(orderNumber)).toBe(1);
    }, { timeout: 30_000, interval: 300 });
    await rounds(a.h);
    expect(a.probes.map((p) => p.calls.filter((c) => c.endsWith(orderNumber)))).toEqual([[], [`SALE ${orderNumber}`]]);
    expect(scHolds(orderNumber)).toBe(0);
    await a.h.feature.stop?.();
  }, 90_000);
});
