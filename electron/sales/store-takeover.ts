import { z } from 'zod';
import { saleCustomerSchema } from '../../shared/sales/customer';
import { backoffDelay } from '../core/http/vendor-error';
import { StoreAwayError, type StoreLink } from '../core/store-link';
import type { DeliveryOutcome, Destination, TransactionToDeliver } from './destination';

const line = z.object({ sku: z.string(), name: z.string(), unitPriceCents: z.number().int(), quantity: z.number().int().positive(), taxable: z.boolean() });
const lines = z.array(line);
const cents = z.number().int();
/** A payload as its recorder built it (read from the server, so checked like any answer). */
const payloadSchema = z.object({
  transactionId: z.number().int(),
  kind: z.enum(['SALE', 'RETURN']),
  orderNumber: z.string().min(1),
  recordedAt: z.number(),
  lines,
  taxCents: cents,
  sale: z.object({
    orderNumber: z.string().min(1),
    recordedAt: z.number(),
    lines,
    taxCents: cents,
    returns: z.array(z.object({ transactionId: z.number().int(), recordedAt: z.number(), lines, taxCents: cents })),
  }),
  customer: saleCustomerSchema.nullable().optional(),
});

interface TakenRow {
  uid: string;
  destination: string;
  order_number: string;
  payload: unknown;
  /** Someone may have sent it before this workstation took it. */
  was: boolean;
  recorder: string;
}

/**
 * One delivery of a workstation silent longer than the takeover time (by the server's clock), whose lease
 * is free, oldest first, and never ahead of an earlier undelivered one of the same order to the same
 * vendor. The row is locked while it is taken and the conditions are checked again on it, so exactly one
 * workstation gets it.
 */
const TAKE_SQL = `UPDATE deliveries d SET lease_holder = my_workstation(), lease_until = now() + make_interval(secs => $1), attempted = true, taken_over = true
  FROM (SELECT c.uid, c.destination, c.attempted AS was, w.name || ' (' || w.prefix || ')' AS recorder
          FROM deliveries c JOIN store.workstations w ON w.id = c.recorder_id
         WHERE c.delivered_at IS NULL AND c.cancelled_at IS NULL AND c.problem IS NULL AND c.destination = ANY($2::text[]) AND c.recorder_id <> my_workstation()
           AND (w.last_seen_at IS NULL OR w.last_seen_at < now() - make_interval(secs => $1))
           AND (c.lease_until IS NULL OR c.lease_until < now())
           AND NOT EXISTS (SELECT 1 FROM deliveries e WHERE e.destination = c.destination AND e.order_number = c.order_number AND e.seq < c.seq AND e.delivered_at IS NULL AND e.cancelled_at IS NULL)
         ORDER BY c.seq LIMIT 1 FOR UPDATE OF c SKIP LOCKED) pick
  WHERE d.uid = pick.uid AND d.destination = pick.destination AND d.delivered_at IS NULL AND d.cancelled_at IS NULL AND (d.lease_until IS NULL OR d.lease_until < now())
  RETURNING d.uid, d.destination, d.order_number, d.payload, pick.was, pick.recorder`;

const RENEW_SQL = `UPDATE deliveries SET lease_until = now() + make_interval(secs => $3) WHERE uid = $1 AND destination = $2 AND lease_holder = my_workstation() AND delivered_at IS NULL`;
const MARK_SQL = `UPDATE deliveries SET delivered_at = now(), delivered_by = my_workstation(), summary = $3, lease_holder = NULL, lease_until = NULL
  WHERE uid = $1 AND destination = $2 AND delivered_at IS NULL`;
const AGAIN_SQL = `UPDATE deliveries SET lease_until = now() + make_interval(secs => $3), attempted = $4 WHERE uid = $1 AND destination = $2 AND lease_holder = my_workstation()`;
const PROBLEM_SQL = `UPDATE deliveries SET problem = $3, attempted = $4, lease_holder = NULL, lease_until = NULL WHERE uid = $1 AND destination = $2 AND lease_holder = my_workstation()`;

/** Takes at most this many deliveries over in one round, so forwarding and copying are not held up for long. */
const PER_ROUND = 20;

export interface TakeoverDeps {
  store: StoreLink;
  destinations: Destination[];
  silenceSeconds: () => number;
  warn: (message: string) => void;
  log: (message: string) => void;
  random?: () => number;
}

/**
 * Delivers what a silent workstation recorded, under a lease on the server: with the payload, order
 * number and SaleID its recorder built, the lease renewed while the call runs, and the delivery marked on
 * the server when the vendor has it. Since the recorder may have sent it before it fell silent, the vendor
 * is asked to recognise a repeat wherever someone may have sent it, as after a lost answer.
 */
export class DeliveryTakeover {
  /** Delivered here, not yet marked on the server (it went away in between). */
  private readonly unmarked = new Map<string, { uid: string; destination: string; summary: string }>();

  constructor(private readonly deps: TakeoverDeps) {}

  /** Answers how many deliveries this workstation took over and sent. */
  async round(): Promise<number> {
    await this.markPending();
    const ids: string[] = [];
    for (const d of this.deps.destinations) if (await d.isEnabled()) ids.push(d.id);
    if (ids.length === 0) return 0;
    let taken = 0;
    for (; taken < PER_ROUND; taken++) {
      const [row] = await this.deps.store.query<TakenRow>(TAKE_SQL, [this.deps.silenceSeconds(), ids]);
      if (!row) break;
      await this.deliver(row);
    }
    return taken;
  }

  private async markPending(): Promise<void> {
    for (const [key, m] of [...this.unmarked]) {
      await this.deps.store.query(MARK_SQL, [m.uid, m.destination, m.summary]);
      this.unmarked.delete(key);
    }
  }

  private async deliver(row: TakenRow): Promise<void> {
    const dest = this.deps.destinations.find((d) => d.id === row.destination)!;
    const parsed = payloadSchema.safeParse(row.payload);
    if (!parsed.success) return this.problem(row, `The sale the store server holds for ${row.order_number} could not be read, so it was not sent.`, row.was);
    const tx = { ...parsed.data, attempt: row.was ? 2 : 1, previousAttemptUncertain: row.was, emptyAnswers: 0 } as TransactionToDeliver;
    const silence = this.deps.silenceSeconds();
    const renew = setInterval(() => void this.deps.store.query(RENEW_SQL, [row.uid, row.destination, silence]).catch(() => {}), Math.max(500, (silence * 1000) / 3));
    renew.unref();
    let outcome: DeliveryOutcome;
    try {
      outcome = await dest.deliver(tx);
    } catch (error) {
      this.deps.log(`store server: delivery to ${dest.name} taken over threw: ${error instanceof Error ? error.message : String(error)}`);
      outcome = { kind: 'retry', reason: `An unexpected problem occurred while sending to ${dest.name}.`, mayHaveApplied: true };
    } finally {
      clearInterval(renew);
    }
    await this.settle(row, dest, tx, outcome);
  }

  private async settle(row: TakenRow, dest: Destination, tx: TransactionToDeliver, outcome: DeliveryOutcome): Promise<void> {
    const what = `${tx.kind === 'SALE' ? 'sale' : 'a return of'} ${row.order_number}, recorded on ${row.recorder}`;
    if (outcome.kind === 'delivered') {
      const summary = `${outcome.summary} Taken over from ${row.recorder}, which was silent.`;
      try {
        await this.deps.store.query(MARK_SQL, [row.uid, row.destination, summary]);
      } catch (error) {
        if (!(error instanceof StoreAwayError)) throw error;
        this.unmarked.set(`${row.uid} ${row.destination}`, { uid: row.uid, destination: row.destination, summary });
      }
      return;
    }
    if (outcome.kind === 'retry') {
      const waitMs = outcome.retryAfterMs ?? backoffDelay(1, { random: this.deps.random });
      const seconds = Math.min(this.deps.silenceSeconds(), Math.max(1, Math.ceil(waitMs / 1000)));
      await this.deps.store.query(AGAIN_SQL, [row.uid, row.destination, seconds, row.was || (outcome.mayHaveApplied ?? false)]);
      return;
    }
    const reason = outcome.kind === 'rejected' ? `${outcome.reason} ${outcome.action}` : `${outcome.reason} ${outcome.action ?? ''}`.trim();
    await this.problem(row, `${dest.name}: ${what}: ${reason}`, row.was || outcome.kind === 'uncertain');
  }

  private async problem(row: TakenRow, message: string, attempted: boolean): Promise<void> {
    await this.deps.store.query(PROBLEM_SQL, [row.uid, row.destination, message, attempted]);
    this.deps.warn(`A delivery taken over from a silent workstation needs a person. ${message}`);
  }
}
