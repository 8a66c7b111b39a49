import { afterEach, describe, expect, it } from 'vitest';
import { ConnectionsRepo } from '../connections/connections-repo';
import type { DeliveryOutcome, TransactionToDeliver } from './destination';
import { deferred, FakeDestination, makeSalesHarness, saleInput, type SalesHarness } from './test-support';

let h: SalesHarness;
afterEach(() => h.close());

function setup() {
  const sc = new FakeDestination('simpleconsign', 'SimpleConsign');
  const ifpos = new FakeDestination('ifpos', 'TRAX IFPOS');
  h = makeSalesHarness([sc, ifpos]);
  return { sc, ifpos, service: h.feature.service };
}

/** Moves the clock and fires whatever timers are due, then waits for the worker to settle. */
async function advance(ms: number) {
  h.clock.now += ms;
  h.timers.fireDue();
  await h.feature.worker.idle();
}

const health = (id: 'simpleconsign' | 'ifpos') => new ConnectionsRepo(h.core.db).get(id).health;

const stateOf = (orderNumber: string, destination: string) =>
  h.feature.views.sale({ orderNumber }).deliveries.find((d) => d.destination === destination)!;

describe('the delivery worker', () => {
  it('sends each destination’s entries in order, one call at a time, while the other destination carries on', async () => {
    const { sc, ifpos, service } = setup();
    const held = deferred<DeliveryOutcome>();
    sc.answer(() => held.promise);
    for (const n of ['A1', 'B1', 'C1']) await service.recordSale(saleInput(n));
    await ifpos.whenCalled(3);
    expect(ifpos.sent()).toEqual(['SALE A1', 'SALE B1', 'SALE C1']);
    expect(sc.sent()).toEqual(['SALE A1']);
    expect(stateOf('A1', 'simpleconsign').state).toBe('sending');
    held.resolve({ kind: 'delivered', summary: 'done', response: {} });
    await h.feature.worker.idle();
    expect(sc.sent()).toEqual(['SALE A1', 'SALE B1', 'SALE C1']);
    expect(sc.maxInFlight).toBe(1);
    expect(stateOf('A1', 'simpleconsign')).toMatchObject({ state: 'sent', summary: 'done', attempts: 1 });
    expect(stateOf('C1', 'simpleconsign')).toMatchObject({ state: 'sent', summary: 'got SALE C1', attempts: 1 });
  });

  it('retries with exponential backoff, and nothing overtakes an entry waiting for its retry time', async () => {
    const { sc, service } = setup();
    sc.answer({ kind: 'retry', reason: 'SimpleConsign answered HTTP 500.' }, { kind: 'retry', reason: 'still down' });
    await service.recordSale(saleInput('A1'));
    await h.feature.worker.idle();
    await service.recordSale(saleInput('B1'));
    await h.feature.worker.idle();
    expect(stateOf('A1', 'simpleconsign')).toMatchObject({ state: 'retrying', nextAttemptAt: h.clock.now + 750, lastReason: 'SimpleConsign answered HTTP 500.' });
    expect(sc.sent()).toEqual(['SALE A1']);
    await advance(749);
    expect(sc.sent()).toEqual(['SALE A1']);
    await advance(1);
    expect(stateOf('A1', 'simpleconsign')).toMatchObject({ state: 'retrying', attempts: 2, nextAttemptAt: h.clock.now + 1500 });
    await advance(1500);
    expect(sc.sent()).toEqual(['SALE A1', 'SALE A1', 'SALE A1', 'SALE B1']);
    expect(sc.calls.map((c) => c.attempt)).toEqual([1, 2, 3, 1]);
    expect(health('simpleconsign')).toMatchObject({ state: 'ok', message: 'Delivered sale B1: got SALE B1' });
  });

  it('pauses a destination that says "too many requests" until the time it gives, and says so in the summary', async () => {
    const { sc, ifpos, service } = setup();
    sc.answer({ kind: 'retry', reason: 'SimpleConsign said “too many API requests in the last ten minutes”.', retryAfterMs: 300_000 });
    await service.recordSale(saleInput('A1'));
    await h.feature.worker.idle();
    const pausedAt = h.clock.now;
    await advance(1000);
    await service.recordSale(saleInput('B1'));
    await h.feature.worker.idle();
    expect(sc.sent()).toEqual(['SALE A1']);
    expect(ifpos.sent()).toEqual(['SALE A1', 'SALE B1']);
    const summary = await h.feature.views.summary();
    expect(summary.waiting).toBe(2);
    expect(summary.destinations[0]).toMatchObject({ id: 'simpleconsign', waiting: 2, pausedUntil: pausedAt + 300_000 });
    expect(summary.destinations[0].pauseReason).toMatch(/too many API requests/);
    expect(summary.destinations[1]).toMatchObject({ id: 'ifpos', waiting: 0, pausedUntil: null, pauseReason: null });
    expect(health('simpleconsign')).toMatchObject({ state: 'failing', message: expect.stringMatching(/too many API requests/) });
    await advance(298_999);
    expect(sc.sent()).toEqual(['SALE A1']);
    await advance(1);
    expect(sc.sent()).toEqual(['SALE A1', 'SALE A1', 'SALE B1']);
    expect((await h.feature.views.summary()).destinations[0].pausedUntil).toBeNull();
  });

  it('fails a refused entry with the vendor’s message, holds later entries of that sale, lets other sales through, and resumes on resend', async () => {
    const { sc, service } = setup();
    sc.answer({ kind: 'rejected', reason: 'SimpleConsign refused online sale A1: “could not find item with SKU”.', action: 'Check the SKU, then resend.' });
    const sale = await service.recordSale(saleInput('A1'));
    await h.feature.worker.idle();
    await service.recordReturn({ orderNumber: 'A1', lines: [{ saleLineId: sale.lines[0].saleLineId, quantity: 1 }], taxCents: 0 });
    await service.recordSale(saleInput('B1'));
    await h.feature.worker.idle();
    expect(sc.sent()).toEqual(['SALE A1', 'SALE B1']);
    const failed = stateOf('A1', 'simpleconsign');
    expect(failed).toMatchObject({ state: 'failed', action: 'Check the SKU, then resend.' });
    expect(failed.lastReason).toMatch(/could not find item with SKU/);
    expect(h.feature.views.sale({ orderNumber: 'A1' }).returns[0].deliveries[0]).toMatchObject({ state: 'waiting', held: true });
    expect(await h.feature.views.summary()).toMatchObject({ waiting: 1, held: 1, attention: 1 });
    expect(h.feature.views.history({}).pending).toBe(false);
    service.resend(failed.id);
    await h.feature.worker.idle();
    expect(sc.sent()).toEqual(['SALE A1', 'SALE B1', 'SALE A1', `RETURN A1#${h.feature.views.sale({ orderNumber: 'A1' }).returns[0].id}`]);
  });

  it('after a crash mid-call, sends again saying the earlier attempt may have landed; a return then waits for a person', async () => {
    const { sc, ifpos, service } = setup();
    const sale = await service.recordSale(saleInput('A1', [{ sku: 'K1', name: 'Kettle', unitPriceCents: 2500, quantity: 2, taxable: false }]));
    await h.feature.worker.idle();
    // Only SimpleConsign gets the return, so the one call in flight at the crash is known.
    ifpos.enabled = false;
    sc.answer(() => new Promise<DeliveryOutcome>(() => {}));
    await service.recordReturn({ orderNumber: 'A1', lines: [{ saleLineId: sale.lines[0].saleLineId, quantity: 1 }], taxCents: 0 });
    await sc.whenCalled(2);
    expect(h.feature.views.sale({ orderNumber: 'A1' }).returns[0].deliveries[0].state).toBe('sending');

    // The process dies with the call in flight: a new feature over the same store takes over.
    const returnAnswer = (tx: TransactionToDeliver): DeliveryOutcome =>
      tx.previousAttemptUncertain ? { kind: 'uncertain', reason: 'The answer was lost; SimpleConsign may have it.' } : { kind: 'delivered', summary: 'ok', response: {} };
    sc.answer(returnAnswer);
    h.restart();
    await h.feature.worker.idle();
    expect(sc.calls.at(-1)).toMatchObject({ kind: 'RETURN', attempt: 2, previousAttemptUncertain: true });
    const delivery = h.feature.views.sale({ orderNumber: 'A1' }).returns[0].deliveries.find((d) => d.destination === 'simpleconsign')!;
    expect(delivery).toMatchObject({ state: 'uncertain', lastReason: 'The answer was lost; SimpleConsign may have it.' });
    expect(delivery.action).toBe('Check in SimpleConsign whether it has the return of 1 × K1 on order A1. If it does, choose “Mark as delivered”; if it does not, choose “Resend”.');
    expect(h.feature.service.markDelivered(delivery.id, 'Ann')).toMatchObject({ state: 'sent', summary: 'Marked as done by Ann on 2026-03-14 15:00 UTC, after checking the vendor.' });
  });

  it('keeps saying "may have applied" on every later attempt once an answer was lost', async () => {
    const { sc, service } = setup();
    sc.answer({ kind: 'retry', reason: 'dropped', mayHaveApplied: true }, { kind: 'retry', reason: 'HTTP 503' });
    await service.recordSale(saleInput('A1'));
    await h.feature.worker.idle();
    await advance(750);
    await advance(1500);
    expect(sc.calls.map((c) => c.previousAttemptUncertain)).toEqual([false, true, true]);
    expect(stateOf('A1', 'simpleconsign').state).toBe('sent');
  });

  it('treats a throwing destination as an attempt that may have gone out', async () => {
    const { sc, service } = setup();
    sc.answer(() => {
      throw new Error('bug');
    });
    await service.recordSale(saleInput('A1'));
    await h.feature.worker.idle();
    expect(stateOf('A1', 'simpleconsign')).toMatchObject({ state: 'retrying' });
    await advance(750);
    expect(sc.calls[1].previousAttemptUncertain).toBe(true);
  });

  it('holds deliveries for a destination that is turned off and sends them once it is on again', async () => {
    const { sc, service } = setup();
    await service.recordSale(saleInput('A1'));
    await h.feature.worker.idle();
    sc.enabled = false;
    await service.recordSale(saleInput('B1'));
    expect(stateOf('B1', 'simpleconsign')).toBeUndefined();
    h.core.db.prepare(`UPDATE outbox SET state = 'waiting' WHERE destination = 'simpleconsign'`).run();
    h.feature.worker.nudge();
    await h.feature.worker.idle();
    expect(sc.sent()).toEqual(['SALE A1']);
    expect((await h.feature.views.summary()).destinations[0].pauseReason).toMatch(/SimpleConsign is turned off/);
    sc.enabled = true;
    expect(h.feature.worker.wakeTimes().simpleconsign).toBe(h.clock.now + 30_000);
    await advance(30_000);
    expect(sc.sent()).toEqual(['SALE A1', 'SALE A1']);
  });

  it('waits for a call in flight when stopped, records its answer, and starts nothing new', async () => {
    const { sc, service } = setup();
    const held = deferred<DeliveryOutcome>();
    sc.answer(() => held.promise);
    await service.recordSale(saleInput('A1'));
    await service.recordSale(saleInput('B1'));
    await sc.whenCalled(1);
    const stopped = h.feature.worker.stop();
    held.resolve({ kind: 'delivered', summary: 'ok', response: {} });
    await stopped;
    expect(stateOf('A1', 'simpleconsign').state).toBe('sent');
    expect(stateOf('B1', 'simpleconsign').state).toBe('waiting');
    expect(sc.sent()).toEqual(['SALE A1']);
  });

  it('spaces calls to a vendor that asks for it, so a backlog is not sent as a batch', async () => {
    const { ifpos, service } = setup();
    ifpos.minSpacingMs = () => 2000;
    for (const n of ['A1', 'B1', 'C1']) await service.recordSale(saleInput(n));
    await h.feature.worker.idle();
    expect(ifpos.sent()).toEqual(['SALE A1']);
    await advance(1999);
    expect(ifpos.sent()).toEqual(['SALE A1']);
    await advance(1);
    expect(ifpos.sent()).toEqual(['SALE A1', 'SALE B1']);
    await advance(2000);
    expect(ifpos.sent()).toEqual(['SALE A1', 'SALE B1', 'SALE C1']);
  });

  it('holds a vendor while a pause shared with another feature is in force', async () => {
    const { sc, ifpos, service } = setup();
    const until = h.clock.now + 10 * 60_000;
    sc.pausedUntil = () => (h.clock.now < until ? { until, reason: 'too many API requests' } : null);
    await service.recordSale(saleInput('A1'));
    await h.feature.worker.idle();
    expect(sc.sent()).toEqual([]);
    expect(ifpos.sent()).toEqual(['SALE A1']);
    expect((await h.feature.views.summary()).destinations.find((d) => d.id === 'simpleconsign')).toMatchObject({ pausedUntil: until, pauseReason: 'too many API requests' });
    await advance(10 * 60_000);
    expect(sc.sent()).toEqual(['SALE A1']);
  });

  it('counts answers that recorded nothing and tells the vendor how many came before', async () => {
    const { ifpos, service } = setup();
    const empty: DeliveryOutcome = { kind: 'retry', reason: 'AffectedRecords 0', emptyAnswer: true };
    ifpos.answer(empty, empty);
    await service.recordSale(saleInput('A1'));
    await h.feature.worker.idle();
    await advance(60_000);
    await advance(60_000);
    expect(ifpos.calls.map((c) => c.emptyAnswers)).toEqual([0, 1, 2]);
    expect(stateOf('A1', 'ifpos').state).toBe('sent');
  });

  it('keeps "an earlier attempt may have arrived" across a resend of a failed delivery', async () => {
    const { sc, service } = setup();
    sc.answer({ kind: 'retry', reason: 'answer lost', mayHaveApplied: true }, { kind: 'rejected', reason: 'invalid API key', action: 'Check the key.' });
    const sale = await service.recordSale(saleInput('A1'));
    await h.feature.worker.idle();
    await advance(60_000);
    const failed = stateOf('A1', 'simpleconsign');
    expect(failed.state).toBe('failed');
    service.resend(failed.id);
    await h.feature.worker.idle();
    expect(sc.calls.map((c) => c.previousAttemptUncertain)).toEqual([false, true, true]);
    expect(sale.orderNumber).toBe('A1');
  });
});
