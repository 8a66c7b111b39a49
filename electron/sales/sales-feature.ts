import crypto from 'node:crypto';
import type { CoreDeps, Feature, FeatureFactory } from '../app/feature';
import { createIfposDestination } from '../ifpos/ifpos-destination';
import { createSimpleConsignDestination } from '../simpleconsign/transactions-destination';
import { DeliveryWorker, type Timers } from './delivery-worker';
import type { Destination } from './destination';
import { OutboxRepo } from './outbox-repo';
import { SalesRepo } from './sales-repo';
import { SalesService } from './sales-service';
import { SalesViews } from './sales-views';
import { buildTransaction } from './transaction-builder';

export interface SalesFeatureOptions {
  timers?: Timers;
  random?: () => number;
}

export interface SalesFeature extends Feature {
  service: SalesService;
  views: SalesViews;
  worker: DeliveryWorker;
}

/** Sales and returns with their delivery worker, over the given destinations (tests pass their own). */
export function buildSalesFeature(core: CoreDeps, destinations: Destination[], opts: SalesFeatureOptions = {}): SalesFeature {
  const sales = new SalesRepo(core.db);
  const outbox = new OutboxRepo(core.db);
  // A mode's features are built over that mode's own store, so every record here belongs to this mode.
  const views = new SalesViews({ sales, outbox, destinations, now: core.now, mode: core.connections.mode() });
  const worker = new DeliveryWorker({
    outbox,
    destinations,
    load: (entry) => buildTransaction(sales, entry),
    now: core.now,
    random: opts.random,
    timers: opts.timers,
    health: (id, ok, message) => core.connections.recordHealth(id, ok, message),
    log: core.log,
  });
  const service = new SalesService({
    db: core.db,
    sales,
    outbox,
    views,
    destinations,
    now: core.now,
    randomIndex: (n) => crypto.randomInt(n),
    nudge: () => worker.nudge(),
  });
  return {
    service,
    views,
    worker,
    handlers: {
      sales: {
        recordSale: (input) => service.recordSale(input),
        recordReturn: (input) => service.recordReturn(input),
        getHistory: (input) => views.history(input),
        getSale: (input) => views.sale(input),
        resend: ({ deliveryId }) => service.resend(deliveryId),
        cancel: ({ deliveryId }) => service.cancel(deliveryId),
        markDelivered: ({ deliveryId, by }) => service.markDelivered(deliveryId, by),
        getSummary: () => views.summary(),
      },
    },
    pendingWork: () => views.pendingWork(),
    start: () => worker.start(),
    stop: () => worker.stop(),
  };
}

/** The vendors every recorded sale and return goes to, when the store has them enabled. */
export function salesDestinations(core: CoreDeps): Destination[] {
  return [createSimpleConsignDestination(core), createIfposDestination(core)];
}

export const createSalesFeature: FeatureFactory = (core) => buildSalesFeature(core, salesDestinations(core));
