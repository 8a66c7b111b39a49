import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CoreDeps } from '../core/feature';
import { aloneLink, type StoreLink } from '../core/store-link';
import { ConnectionsRepo } from '../connections/connections-repo';
import { ConnectionsService } from '../connections/connections-service';
import { VendorHttp } from '../core/http/vendor-http';
import { MemorySecretStore } from '../core/secrets/memory-secret-store';
import { openDatabase } from '../core/store/database';
import { allMigrations } from '../app/features';
import { SettingsRepo } from '../core/store/settings-repo';
import { SimHost } from '../training/sim-host';
import type { Timers } from './delivery-worker';
import type { DeliveryOutcome, Destination, TransactionToDeliver } from './destination';
import { buildSalesFeature, type SalesFeature } from './sales-feature';

/** Timers that fire only when a test says so, against a clock the test moves. */
export class ManualTimers implements Timers {
  private seq = 0;
  readonly pending = new Map<number, { at: number; fn: () => void }>();
  constructor(private readonly clock: { now: number }) {}

  set(fn: () => void, ms: number): unknown {
    const id = ++this.seq;
    this.pending.set(id, { at: this.clock.now + ms, fn });
    return id;
  }

  clear(handle: unknown): void {
    this.pending.delete(handle as number);
  }

  /** Fires every timer due at the current clock time. */
  fireDue(): number {
    const due = [...this.pending].filter(([, t]) => t.at <= this.clock.now);
    for (const [id, t] of due) {
      this.pending.delete(id);
      t.fn();
    }
    return due.length;
  }

  nextAt(): number | null {
    const times = [...this.pending.values()].map((t) => t.at);
    return times.length > 0 ? Math.min(...times) : null;
  }
}

type Handler = (tx: TransactionToDeliver) => DeliveryOutcome | Promise<DeliveryOutcome>;

/** A destination whose answers the test scripts; it records every call it gets. */
export class FakeDestination implements Destination {
  enabled = true;
  minSpacingMs?: () => number;
  pausedUntil?: () => { until: number; reason: string } | null;
  problems: (tx: TransactionToDeliver) => string[] = () => [];
  readonly calls: TransactionToDeliver[] = [];
  inFlight = 0;
  maxInFlight = 0;
  private readonly script: Handler[] = [];
  private waiters: { n: number; resolve: () => void }[] = [];
  fallback: Handler = (tx) => ({ kind: 'delivered', summary: `got ${tx.kind} ${tx.orderNumber}`, response: { ok: true } });

  constructor(
    readonly id: 'simpleconsign' | 'ifpos',
    readonly name: string,
  ) {}

  /** The next calls answer these, in turn; after that, `fallback`. */
  answer(...handlers: (Handler | DeliveryOutcome)[]): this {
    for (const h of handlers) this.script.push(typeof h === 'function' ? h : () => h);
    return this;
  }

  async isEnabled() {
    return this.enabled;
  }

  check(tx: TransactionToDeliver) {
    return this.problems(tx);
  }

  async deliver(tx: TransactionToDeliver): Promise<DeliveryOutcome> {
    this.calls.push(structuredClone(tx));
    for (const w of this.waiters.filter((w) => this.calls.length >= w.n)) w.resolve();
    this.waiters = this.waiters.filter((w) => this.calls.length < w.n);
    this.inFlight += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      return await (this.script.shift() ?? this.fallback)(tx);
    } finally {
      this.inFlight -= 1;
    }
  }

  /** Resolves once the destination has been called `n` times in all. */
  whenCalled(n: number): Promise<void> {
    if (this.calls.length >= n) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ n, resolve }));
  }

  sent(): string[] {
    return this.calls.map((c) => `${c.kind} ${c.orderNumber}${c.kind === 'RETURN' ? `#${c.transactionId}` : ''}`);
  }
}

/** A promise the test settles by hand, to hold a vendor call open. */
export function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

export interface SalesHarness {
  core: CoreDeps & { connections: ConnectionsService; simHost: SimHost };
  clock: { now: number };
  timers: ManualTimers;
  feature: SalesFeature;
  dataDir: string;
  /** A fresh feature over the same store, as after a restart. */
  restart(destinations?: Destination[]): SalesFeature;
  close(): Promise<void>;
}

export interface HarnessOptions {
  start?: boolean;
  /** The store server as this workstation sees it (alone when absent). */
  store?: StoreLink;
  /** A store file to start from (a restored backup). */
  from?: string;
  shareIntervalMs?: number;
  afterCommit?: (uid: string) => void | Promise<void>;
  /** Seconds a workstation may be silent before another takes its deliveries over. */
  takeoverSeconds?: number;
  log?: (message: string) => void;
}

/** A real store and connections over a temporary folder, the sales feature over the given destinations. */
export function makeSalesHarness(destinations: Destination[], opts: HarnessOptions = {}): SalesHarness {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sales-test-'));
  if (opts.from) fs.copyFileSync(opts.from, path.join(dataDir, 'test.db'));
  const db = openDatabase(path.join(dataDir, 'test.db'), allMigrations);
  const clock = { now: Date.UTC(2026, 2, 14, 15, 0, 0) };
  const settings = new SettingsRepo(db);
  const simHost = new SimHost();
  const now = () => clock.now;
  const connections = new ConnectionsService({ repo: new ConnectionsRepo(db), settings, secrets: new MemorySecretStore(), simHost, now });
  const core: SalesHarness['core'] = { db, settings, http: new VendorHttp({ now }), connections, simHost, store: opts.store ?? aloneLink, now, log: opts.log ?? (() => {}) };
  const timers = new ManualTimers(clock);
  const make = (dests: Destination[]) => buildSalesFeature(core, dests, { timers, random: () => 0.5, shareIntervalMs: opts.shareIntervalMs, shareAfterCommit: opts.afterCommit, takeoverSeconds: opts.takeoverSeconds });
  const harness: SalesHarness = {
    core,
    clock,
    timers,
    dataDir,
    feature: make(destinations),
    restart(dests = destinations) {
      harness.feature = make(dests);
      harness.feature.start?.();
      return harness.feature;
    },
    async close() {
      await harness.feature.stop?.();
      db.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
  if (opts.start !== false) harness.feature.start?.();
  return harness;
}

/** A small valid sale input. */
export function saleInput(orderNumber?: string, lines = [{ sku: 'GFFY72', name: 'Jacket', unitPriceCents: 5400, quantity: 1, taxable: false }], taxCents = 0) {
  return { ...(orderNumber ? { orderNumber } : {}), lines, taxCents };
}
