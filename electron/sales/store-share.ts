import type { Db } from '../core/store/database';
import { StoreAwayError, type StoreLink } from '../core/store-link';
import type { Destination, TransactionToDeliver } from './destination';
import type { OrderNumbers } from './order-numbers';
import type { OutboxRepo, OutboxRow } from './outbox-repo';
import { StoreCopier } from './store-copy';
import { StoreDeliveries } from './store-deliveries';
import { StoreForwarder } from './store-forward';
import { DeliveryTakeover } from './store-takeover';

/** How often a paired workstation looks at the server without being woken (a missed announcement, pairing later). */
export const SHARE_INTERVAL_MS = 5_000;

export interface StoreShareDeps {
  db: Db;
  store: StoreLink;
  orderNumbers: OrderNumbers;
  outbox: OutboxRepo;
  destinations: Destination[];
  /** What a vendor gets for an entry (kept on the server, for a workstation that takes it over). */
  payloadOf: (entry: OutboxRow) => TransactionToDeliver;
  now: () => number;
  log: (message: string) => void;
  intervalMs?: number;
  /** Seconds of silence before another workstation takes a delivery over (tests); the store's setting otherwise. */
  takeoverSeconds?: number;
  /** Runs after each round (the delivery worker looks again at what waited for the server). */
  afterRound?: () => void;
  /** Test hook, see StoreForwarder. */
  afterCommit?: (uid: string) => void | Promise<void>;
}

/** What a round of sharing does: everything, or only what a new record changes (see StoreShare.nudge). */
export type ShareRound = 'full' | 'records';

/** What History says about the other workstations' records. */
export interface StoreView {
  /** The server answers now: the others' records are as current as the last announcement. */
  live: boolean;
  /** When they were last copied here (null: never). */
  copiedAt: number | null;
}

/**
 * Sharing sales with the store server, for one mode: forwarding what this workstation records, copying
 * what the others record, checking the order-number counter. Woken by a recorded sale or return, by any
 * workstation's announcement (LISTEN/NOTIFY) and by the server coming back; alone it does nothing.
 */
export class StoreShare {
  readonly forwarder: StoreForwarder;
  readonly copier: StoreCopier;
  readonly deliveries: StoreDeliveries;
  readonly takeover: DeliveryTakeover;
  private running: Promise<void> | null = null;
  /** The round to run once the one in progress ends (the fuller of those asked for meanwhile). */
  private again: ShareRound | null = null;
  /** The last round found the server away (or none has run yet): the next round is a full one. */
  private outOfTouch = true;
  private timer: NodeJS.Timeout | undefined;
  private unsubscribe: (() => void) | null = null;

  constructor(private readonly deps: StoreShareDeps) {
    const warn = (message: string) => deps.store.warn(message);
    const { db, store, outbox, now } = deps;
    this.deliveries = new StoreDeliveries({ db, outbox, store, now, payloadOf: deps.payloadOf, silenceSeconds: deps.takeoverSeconds, nudgeShare: () => this.nudge('records') });
    this.takeover = new DeliveryTakeover({ store, destinations: deps.destinations, silenceSeconds: () => this.deliveries.silenceSeconds(), warn, log: deps.log });
    this.forwarder = new StoreForwarder({ db, store, orderNumbers: deps.orderNumbers, outbox, deliveries: this.deliveries, now, warn, afterCommit: deps.afterCommit });
    this.copier = new StoreCopier({ db: deps.db, store: deps.store, now: deps.now, warn });
  }

  start(): void {
    // Another workstation recorded something: forwarding and copying are what can have changed.
    this.unsubscribe = this.deps.store.onChange('sales', () => this.nudge('records'));
    this.timer = setInterval(() => this.nudge(), this.deps.intervalMs ?? SHARE_INTERVAL_MS);
    this.timer.unref();
    this.nudge();
  }

  async stop(): Promise<void> {
    this.unsubscribe?.();
    this.unsubscribe = null;
    clearInterval(this.timer);
    this.again = null;
    await this.running;
  }

  /**
   * Something changed here or on the server: share it now (once more after a round in progress). A
   * `records` round only forwards and copies records; a `full` one also checks the order-number counter,
   * brings deliveries into line and takes over a silent workstation's (none of which a new record changes).
   */
  nudge(kind: ShareRound = 'full'): void {
    if (!this.deps.store.paired) return;
    if (this.running) {
      if (this.again !== 'full') this.again = kind;
      return;
    }
    this.running = this.round(kind).finally(() => {
      this.running = null;
      const next = this.again;
      this.again = null;
      if (next) this.nudge(next);
    });
  }

  /** Waits for the round in progress, if any (tests and shutdown). */
  async settle(): Promise<void> {
    while (this.running) await this.running;
  }

  view(): StoreView | null {
    if (!this.deps.store.paired) return null;
    return { live: this.deps.store.reachable(), copiedAt: this.copier.copiedAt() };
  }

  private async round(kind: ShareRound): Promise<void> {
    // After the server was away (or at start) the counter is checked before anything is forwarded.
    const full = kind === 'full' || this.outOfTouch;
    try {
      if (full) await this.forwarder.checkCounter();
      await this.forwarder.forwardAll();
      if (full) await this.deliveries.sync();
      await this.copier.copy();
      if (full) await this.takeover.round();
      if (full) this.outOfTouch = false;
    } catch (error) {
      // Away: everything waits here, durably, for the server's return (which wakes this again).
      if (error instanceof StoreAwayError) this.outOfTouch = true;
      else this.deps.log(`store server: sales could not be shared: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      this.deps.afterRound?.();
    }
  }
}
