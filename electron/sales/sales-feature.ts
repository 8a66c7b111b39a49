import crypto from 'node:crypto';
import type { CoreDeps, Feature, FeatureFactory, FeatureModule } from '../core/feature';
import { salesMigrations } from './migrations';
import { counterMigrations } from './counter-migrations';
import { CounterRepo } from './counter-repo';
import { CounterService } from './counter-service';
import { DeliveryWorker, type Timers } from './delivery-worker';
import type { Destination } from './destination';
import { OutboxRepo, type OutboxRow } from './outbox-repo';
import { SalesRepo } from './sales-repo';
import { SalesService } from './sales-service';
import { SalesViews } from './sales-views';
import { buildTransaction } from './transaction-builder';
import { OrderNumbers } from './order-numbers';
import { shareMigrations } from './share-migrations';
import { StoreConflicts } from './store-conflicts';
import { StoreShare } from './store-share';
import { salesStoreMigrations } from './store-migrations';
import { leaseMigrations, leaseStoreMigrations } from './store-lease-migrations';

/** The counter's calls: settings, drafts, finding a sale to return, retrying at once. */
function counterHandlers(counter: CounterService) {
  return {
    getCounterSettings: () => counter.settings(),
    updateCounterSettings: (input: Parameters<CounterService['updateSettings']>[0]) => counter.updateSettings(input),
    getDrafts: () => counter.drafts(),
    saveDraft: ({ body }: { body: Parameters<CounterService['saveDraft']>[0] }) => counter.saveDraft(body),
    parkDraft: ({ body }: { body: Parameters<CounterService['park']>[0] }) => counter.park(body),
    resumeDraft: ({ id, current }: { id: number; current: Parameters<CounterService['resume']>[1] }) => counter.resume(id, current),
    voidDraft: () => counter.voidDraft(),
    findSales: (input: Parameters<CounterService['findSales']>[0]) => counter.findSales(input),
    retryNow: ({ deliveryId }: { deliveryId: number }) => counter.retryNow(deliveryId),
  };
}

export interface SalesFeatureOptions {
  timers?: Timers;
  random?: () => number;
  /** How often sharing with the store server looks without being woken (tests shorten it). */
  shareIntervalMs?: number;
  /** Test hook: runs after the store server committed a forwarded record, before it is noted here. */
  shareAfterCommit?: (uid: string) => void | Promise<void>;
  /** Seconds a workstation may be silent before another takes its deliveries over (tests); the store's setting otherwise. */
  takeoverSeconds?: number;
}

export interface SalesFeature extends Feature {
  service: SalesService;
  views: SalesViews;
  worker: DeliveryWorker;
  counter: CounterService;
  share: StoreShare;
  conflicts: StoreConflicts;
}

/** Sales and returns with their delivery worker, over the given destinations (tests pass their own). */
export function buildSalesFeature(core: CoreDeps, destinations: Destination[], opts: SalesFeatureOptions = {}): SalesFeature {
  const sales = new SalesRepo(core.db);
  const outbox = new OutboxRepo(core.db);
  const orderNumbers = new OrderNumbers({ db: core.db, store: core.store });
  const load = (entry: OutboxRow) => buildTransaction(sales, entry);
  const share = new StoreShare({
    db: core.db,
    store: core.store,
    orderNumbers,
    outbox,
    destinations,
    payloadOf: load,
    now: core.now,
    log: core.log,
    intervalMs: opts.shareIntervalMs,
    afterCommit: opts.shareAfterCommit,
    takeoverSeconds: opts.takeoverSeconds,
    // The worker looks again at what waited for the server.
    afterRound: () => worker.nudge(),
  });
  // A mode's features are built over that mode's own store, so every record here belongs to this mode.
  const views = new SalesViews({ sales, outbox, destinations, now: core.now, mode: core.connections.mode(), store: () => share.view() });
  const worker = new DeliveryWorker({
    outbox,
    destinations,
    load,
    gate: (entry) => share.deliveries.gate(entry),
    onDelivered: (entry, summary) => {
      share.deliveries.delivered(entry.id, summary).catch(() => {
        // Away: the next round of sharing tells the server.
      });
    },
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
    orderNumbers,
    shared: () => share.nudge('records'),
  });
  const conflicts = new StoreConflicts(core.store);
  const counter = new CounterService({ counter: new CounterRepo(core.db), outbox, settings: core.settings, service, views, now: core.now, nudge: () => worker.nudge() });
  return {
    service,
    views,
    worker,
    counter,
    share,
    conflicts,
    handlers: {
      sales: {
        recordSale: (input) => counter.recordSale(input),
        recordReturn: (input) => counter.recordReturn(input),
        getHistory: (input) => views.history(input),
        getSale: (input) => counter.sale(input),
        resend: ({ deliveryId }) => service.resend(deliveryId),
        cancel: ({ deliveryId }) => service.cancel(deliveryId),
        markDelivered: ({ deliveryId, by }) => service.markDelivered(deliveryId, by),
        getSummary: () => views.summary(),
        getConflicts: () => conflicts.list(),
        settleConflict: (input) => conflicts.settle(input),
        ...counterHandlers(counter),
      },
    },
    pendingWork: () => views.pendingWork(),
    start: () => {
      worker.start();
      share.start();
    },
    stop: async () => {
      await share.stop();
      await worker.stop();
    },
  };
}

/**
 * Sales as the app registers it, delivering to the destinations `destinationsFor` builds over each mode's core.
 * Which vendors those are is assembly, decided in `electron/app/`: sales itself knows no vendor.
 */
export function salesModule(destinationsFor: (core: CoreDeps) => Destination[]): FeatureModule {
  const create: FeatureFactory = (core) => buildSalesFeature(core, destinationsFor(core));
  return { name: 'Sales', versions: [10, 19], migrations: [...salesMigrations, ...shareMigrations, ...leaseMigrations, ...counterMigrations], storeMigrations: [...salesStoreMigrations, ...leaseStoreMigrations], create };
}
