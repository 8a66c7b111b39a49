import type { DestinationId } from '../../shared/sales/schemas';
import { backoffDelay } from '../core/http/vendor-error';
import type { DeliveryOutcome, Destination, TransactionToDeliver } from './destination';
import type { OutboxRepo, OutboxRow } from './outbox-repo';
import type { DeliveryGate } from './store-deliveries';

/** Timers the worker sleeps on; tests supply a manual one and fire it themselves. */
export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export const realTimers: Timers = {
  set: (fn, ms) => {
    const t = setTimeout(fn, ms);
    // Pending retries must not keep a finished process alive; the shells keep the app running.
    t.unref();
    return t;
  },
  clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export interface DeliveryWorkerDeps {
  outbox: OutboxRepo;
  destinations: Destination[];
  /** Reads what to send for an entry from the store. */
  load: (entry: OutboxRow) => TransactionToDeliver;
  now: () => number;
  random?: () => number;
  timers?: Timers;
  /** Connection health after each vendor answer. */
  health?: (id: DestinationId, ok: boolean, message: string) => void;
  log?: (message: string) => void;
  /** How soon to look again at a destination that is turned off. */
  offRecheckMs?: number;
  /** Asked before each call (the store server, in a store of several workstations); null: send. */
  gate?: (entry: OutboxRow) => Promise<DeliveryGate | null>;
  /** Told after a vendor has an entry (the store server is told in turn). */
  onDelivered?: (entry: OutboxRow, summary: string) => void;
}

interface Lane {
  dest: Destination;
  running: Promise<void> | null;
  again: boolean;
  timer: unknown;
  wakeAt: number | null;
  /** When the last call to this vendor began, for its minimum spacing. */
  lastCallAt: number | null;
}

const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Delivers outbox entries in the background: one call at a time per destination, strictly in order (the
 * oldest entry still moving goes first, and nothing overtakes it while it waits for its retry time). Each
 * entry is marked `sending` durably before the call, so a crash leaves a trace the next start acts on.
 */
export class DeliveryWorker {
  private readonly lanes: Lane[];
  private readonly timers: Timers;
  private stopped = true;

  constructor(private readonly deps: DeliveryWorkerDeps) {
    this.timers = deps.timers ?? realTimers;
    this.lanes = deps.destinations.map((dest) => ({ dest, running: null, again: false, timer: undefined, wakeAt: null, lastCallAt: null }));
  }

  /** Resumes after a restart: anything left `sending` may have reached the vendor, and is sent again saying so. */
  start(): void {
    this.stopped = false;
    const recovered = this.deps.outbox.recoverInterrupted(this.deps.now());
    if (recovered > 0) this.deps.log?.(`sales delivery: ${recovered} delivery(ies) were interrupted by a stop and will be checked`);
    this.nudge();
  }

  /** Something changed (a sale was recorded, a delivery resent): look at every destination now. */
  nudge(): void {
    for (const lane of this.lanes) this.kick(lane);
  }

  /** Stops looking for work and waits for calls in flight to settle, so their answers are recorded. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const lane of this.lanes) this.clearTimer(lane);
    await this.idle();
  }

  /** Resolves when no destination is working (tests and shutdown). */
  async idle(): Promise<void> {
    for (;;) {
      const running = this.lanes.map((l) => l.running).filter((p): p is Promise<void> => p !== null);
      if (running.length === 0) return;
      await Promise.all(running);
    }
  }

  /** When each destination will next look for work on its own, for tests and the summary. */
  wakeTimes(): Record<string, number | null> {
    return Object.fromEntries(this.lanes.map((l) => [l.dest.id, l.wakeAt]));
  }

  private kick(lane: Lane): void {
    if (this.stopped) return;
    if (lane.running) {
      lane.again = true;
      return;
    }
    lane.running = this.run(lane).finally(() => {
      lane.running = null;
      // A nudge that arrived after the last look but before this point must not be lost.
      if (lane.again) this.kick(lane);
    });
  }

  private async run(lane: Lane): Promise<void> {
    do {
      lane.again = false;
      try {
        while (!this.stopped && (await this.step(lane))) {
          // one delivery per step; keep going while there is due work
        }
      } catch (error) {
        // The store or a destination misbehaved outside a call; look again shortly rather than stop delivering.
        this.deps.log?.(`sales delivery to ${lane.dest.name} stopped on an error and will resume: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        this.wakeAt(lane, this.deps.now() + 5_000);
      }
    } while (lane.again && !this.stopped);
  }

  /** Sends the next due entry; false when there is nothing due now (a wake-up is set if there will be). */
  private async step(lane: Lane): Promise<boolean> {
    const { outbox } = this.deps;
    const id = lane.dest.id;
    const now = this.deps.now();
    const pause = outbox.pauseOf(id);
    if (pause && pause.until > now) return this.wakeAt(lane, pause.until);
    if (pause) outbox.clearPause(id);
    const held = lane.dest.pausedUntil?.();
    if (held && held.until > now) return this.wakeAt(lane, held.until);
    const head = outbox.head(id, now);
    if (!head) {
      // Whatever the store server set aside is looked at again when its wait ends (or when sharing nudges).
      const aside = outbox.asideUntil(id);
      return aside !== null && aside > now ? this.wakeAt(lane, aside) : false;
    }
    if (head.state === 'sending') {
      // Only a stop between claim and record leaves this behind; this lane has no call in flight.
      outbox.recoverInterrupted(now, id);
      return true;
    }
    if (head.nextAttemptAt > now) return this.wakeAt(lane, head.nextAttemptAt);
    const spacing = lane.dest.minSpacingMs?.() ?? 0;
    if (lane.lastCallAt !== null && lane.lastCallAt + spacing > now) return this.wakeAt(lane, lane.lastCallAt + spacing);
    if (!(await lane.dest.isEnabled())) return this.wakeAt(lane, this.deps.now() + (this.deps.offRecheckMs ?? 30_000));
    const gate = await this.deps.gate?.(head);
    if (gate?.kind === 'wait') return this.wakeAt(lane, gate.until);
    if (gate?.kind === 'aside') {
      outbox.setAside(head.id, gate.until, gate.reason);
      return true;
    }
    if (gate?.kind === 'done') {
      outbox.recordDeliveredElsewhere(head.id, this.deps.now(), gate.summary);
      return true;
    }
    if (gate?.othersTried) outbox.noteMayHaveApplied(head.id);
    // Stopping while that was asked: start no new call.
    if (this.stopped) return false;
    const entry = outbox.claim(head.id, this.deps.now());
    if (!entry) return true;
    lane.lastCallAt = this.deps.now();
    const tx = this.readTransaction(entry);
    if (tx) this.record(lane.dest, entry, tx, await this.deliver(lane.dest, tx));
    return true;
  }

  private readTransaction(entry: OutboxRow): TransactionToDeliver | undefined {
    try {
      return this.deps.load(entry);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.deps.outbox.recordStopped(entry.id, this.deps.now(), 'failed', `It could not be read from the local store (${message}); nothing was sent.`, 'Restore the data file from a backup, then choose “Resend”.');
      return undefined;
    }
  }

  private async deliver(dest: Destination, tx: TransactionToDeliver): Promise<DeliveryOutcome> {
    try {
      return await dest.deliver(tx);
    } catch (error) {
      // Destinations answer outcomes; a throw is a fault of ours, and the call may have gone out.
      this.deps.log?.(`sales delivery to ${dest.name} threw: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return { kind: 'retry', reason: `An unexpected problem occurred while sending to ${dest.name}; it will be tried again.`, mayHaveApplied: true };
    }
  }

  private record(dest: Destination, entry: OutboxRow, tx: TransactionToDeliver, outcome: DeliveryOutcome): void {
    const { outbox } = this.deps;
    const now = this.deps.now();
    const what = `${tx.kind === 'SALE' ? 'sale' : 'return'} ${tx.orderNumber}`;
    switch (outcome.kind) {
      case 'delivered':
        outbox.recordDelivered(entry.id, now, outcome.summary, outcome.response);
        this.deps.onDelivered?.(entry, outcome.summary);
        return this.deps.health?.(dest.id, true, `Delivered ${what}: ${outcome.summary}`);
      case 'retry': {
        const delay = backoffDelay(entry.attempts, { retryAfterMs: outcome.retryAfterMs, random: this.deps.random });
        outbox.recordRetry(entry.id, now, now + delay, outcome.reason, outcome.mayHaveApplied ?? false, outcome.emptyAnswer ?? false);
        // The vendor said when to come back: hold the whole destination, not just this entry.
        if (outcome.retryAfterMs !== undefined) outbox.pause(dest.id, now + outcome.retryAfterMs, outcome.reason);
        return this.deps.health?.(dest.id, false, outcome.reason);
      }
      case 'uncertain':
        outbox.recordStopped(entry.id, now, 'uncertain', outcome.reason, outcome.action ?? uncertainAction(dest.name, tx));
        return this.deps.health?.(dest.id, false, `${what}: ${outcome.reason}`);
      case 'rejected':
        outbox.recordStopped(entry.id, now, 'failed', outcome.reason, outcome.action);
        return this.deps.health?.(dest.id, false, `${dest.name} refused ${what}: ${outcome.reason}`);
    }
  }

  private wakeAt(lane: Lane, at: number): false {
    if (lane.timer !== undefined && lane.wakeAt !== null && lane.wakeAt <= at) return false;
    this.clearTimer(lane);
    lane.wakeAt = at;
    lane.timer = this.timers.set(
      () => {
        lane.timer = undefined;
        lane.wakeAt = null;
        this.kick(lane);
      },
      Math.min(MAX_TIMER_MS, Math.max(0, at - this.deps.now())),
    );
    return false;
  }

  private clearTimer(lane: Lane): void {
    if (lane.timer !== undefined) this.timers.clear(lane.timer);
    lane.timer = undefined;
    lane.wakeAt = null;
  }
}

function uncertainAction(vendor: string, tx: TransactionToDeliver): string {
  const what = tx.kind === 'SALE' ? `sale ${tx.orderNumber}` : `the return of ${tx.lines.map((l) => `${l.quantity} × ${l.sku}`).join(', ')} on order ${tx.orderNumber}`;
  return `Check in ${vendor} whether it has ${what}. If it does, choose “Mark as delivered”; if it does not, choose “Resend”.`;
}
