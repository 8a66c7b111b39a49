import type { DeliveryState, DestinationId } from '../../shared/sales/schemas';
import { AppError } from '../core/app-error';
import type { Db } from '../core/store/database';

export interface OutboxRow {
  id: number;
  kind: 'SALE' | 'RETURN';
  saleId: number;
  returnId: number | null;
  destination: DestinationId;
  state: DeliveryState;
  attempts: number;
  nextAttemptAt: number;
  mayHaveApplied: boolean;
  lastReason: string | null;
  action: string | null;
  summary: string | null;
  response: string | null;
  createdAt: number;
  updatedAt: number;
  sentAt: number | null;
  /** Answers "OK" that recorded nothing, so far. */
  emptyAnswers: number;
  /** An earlier delivery of the same sale to the same vendor failed or is uncertain, so this one waits. */
  held: boolean;
}

export interface NewEntry {
  kind: 'SALE' | 'RETURN';
  saleId: number;
  returnId: number | null;
  destination: DestinationId;
}

const HELD = `EXISTS (SELECT 1 FROM outbox p WHERE p.sale_id = o.sale_id AND p.destination = o.destination AND p.id < o.id
  AND p.state IN ('failed', 'uncertain'))`;
/** Set aside by the store server at `now` (the statement's second parameter), or behind an earlier entry of its sale that is. */
const ASIDE = `EXISTS (SELECT 1 FROM outbox p WHERE p.sale_id = o.sale_id AND p.destination = o.destination AND p.id <= o.id
  AND p.state IN ('waiting', 'retrying') AND p.store_wait_until > ?)`;
const COLUMNS = `o.id, o.kind, o.sale_id AS saleId, o.return_id AS returnId, o.destination, o.state, o.attempts,
  o.next_attempt_at AS nextAttemptAt, o.may_have_applied AS mayHaveApplied, o.last_reason AS lastReason, o.action,
  o.summary, o.response, o.created_at AS createdAt, o.updated_at AS updatedAt, o.sent_at AS sentAt, o.empty_answers AS emptyAnswers,
  (o.state IN ('waiting', 'retrying') AND ${HELD}) AS held`;

type RawRow = Omit<OutboxRow, 'mayHaveApplied' | 'held'> & { mayHaveApplied: number; held: number };
const toRow = (r: RawRow | undefined): OutboxRow | undefined => r && { ...r, mayHaveApplied: r.mayHaveApplied === 1, held: r.held === 1 };

/**
 * The delivery queue: one row per (sale or return, destination). Every change of state is a conditional
 * update, so the worker and a person acting on the same row can never both win.
 */
export class OutboxRepo {
  constructor(private readonly db: Db) {}

  enqueue(entries: NewEntry[], now: number): void {
    const insert = this.db.prepare(
      `INSERT INTO outbox (kind, sale_id, return_id, destination, state, next_attempt_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, 'waiting', ?, ?, ?)`,
    );
    for (const e of entries) insert.run(e.kind, e.saleId, e.returnId, e.destination, now, now, now);
  }

  get(id: number): OutboxRow | undefined {
    return toRow(this.db.prepare(`SELECT ${COLUMNS} FROM outbox o WHERE o.id = ?`).get(id) as RawRow | undefined);
  }

  /**
   * The one entry this destination may send next: the oldest still moving that is not held, and not set aside
   * at `now` by the store server (with every later entry of its sale). Nothing else overtakes it.
   */
  head(destination: DestinationId, now = 0): OutboxRow | undefined {
    const raw = this.db
      .prepare(`SELECT ${COLUMNS} FROM outbox o WHERE o.destination = ? AND o.state IN ('waiting', 'retrying', 'sending') AND NOT ${HELD} AND NOT ${ASIDE} ORDER BY o.id LIMIT 1`)
      .get(destination, now) as RawRow | undefined;
    return toRow(raw);
  }

  /** The store server says this entry waits for something another workstation does: it steps aside until `until`. */
  setAside(id: number, until: number, reason: string): void {
    this.db.prepare(`UPDATE outbox SET store_wait_until = ?, last_reason = ? WHERE id = ? AND state IN ('waiting', 'retrying')`).run(until, reason, id);
  }

  /** The earliest time an entry of this destination set aside by the store server is looked at again. */
  asideUntil(destination: DestinationId): number | null {
    return this.db.prepare(`SELECT MIN(store_wait_until) FROM outbox WHERE destination = ? AND state IN ('waiting', 'retrying') AND store_wait_until IS NOT NULL`).pluck().get(destination) as number | null;
  }

  /** Marks the entry `sending` and counts the attempt, durably, before the vendor is called. */
  claim(id: number, now: number): OutboxRow | undefined {
    const changed = this.db
      .prepare(`UPDATE outbox SET state = 'sending', attempts = attempts + 1, store_wait_until = NULL, updated_at = ? WHERE id = ? AND state IN ('waiting', 'retrying')`)
      .run(now, id).changes;
    return changed === 1 ? this.get(id) : undefined;
  }

  /** After a crash: whatever was `sending` may have reached the vendor, so the next attempt says so. */
  recoverInterrupted(now: number, destination?: DestinationId): number {
    return this.db
      .prepare(
        `UPDATE outbox SET state = 'retrying', may_have_applied = 1, next_attempt_at = ?, updated_at = ?,
           last_reason = 'The app stopped while this was being sent; it is being checked and sent again.'
         WHERE state = 'sending' AND (? IS NULL OR destination = ?)`,
      )
      .run(now, now, destination ?? null, destination ?? null).changes;
  }

  recordDelivered(id: number, now: number, summary: string, response: unknown): void {
    this.settle(id, `state = 'sent', summary = ?, response = ?, sent_at = ?, last_reason = NULL, action = NULL`, [summary, safeJson(response), now], now);
  }

  /** Another workstation of the store delivered it (the store server says so): done here without a call. */
  recordDeliveredElsewhere(id: number, now: number, summary: string): number {
    return this.db
      .prepare(
        `UPDATE outbox SET state = 'sent', summary = ?, sent_at = ?, store_marked_at = ?, last_reason = NULL, action = NULL, updated_at = ?
         WHERE id = ? AND state IN ('waiting', 'retrying', 'failed', 'uncertain')`,
      )
      .run(summary, now, now, now, id).changes;
  }

  /** Another workstation may have sent it already: the next attempt says so to the vendor. */
  noteMayHaveApplied(id: number): void {
    this.db.prepare('UPDATE outbox SET may_have_applied = 1 WHERE id = ?').run(id);
  }

  recordRetry(id: number, now: number, nextAttemptAt: number, reason: string, mayHaveApplied: boolean, emptyAnswer = false): void {
    this.settle(
      id,
      `state = 'retrying', next_attempt_at = ?, last_reason = ?, may_have_applied = MAX(may_have_applied, ?), empty_answers = empty_answers + ?`,
      [nextAttemptAt, reason, mayHaveApplied ? 1 : 0, emptyAnswer ? 1 : 0],
      now,
    );
  }

  recordStopped(id: number, now: number, state: 'uncertain' | 'failed', reason: string, action: string): void {
    this.settle(id, `state = ?, last_reason = ?, action = ?`, [state, reason, action], now);
  }

  private settle(id: number, set: string, params: unknown[], now: number): void {
    this.db.prepare(`UPDATE outbox SET ${set}, updated_at = ? WHERE id = ? AND state = 'sending'`).run(...params, now, id);
  }

  /**
   * Back in the queue at its place. Resending an uncertain one means staff checked the vendor and did not
   * find it, so its earlier attempt no longer counts as maybe arrived; a failed one keeps what is known.
   */
  resend(id: number, now: number): OutboxRow {
    return this.act(
      id,
      ['failed', 'uncertain', 'cancelled'],
      'sent again',
      `state = 'waiting', next_attempt_at = ?, may_have_applied = CASE WHEN state = 'uncertain' THEN 0 ELSE may_have_applied END, empty_answers = 0, action = NULL`,
      [now],
      now,
    );
  }

  cancel(id: number, now: number): OutboxRow {
    return this.act(id, ['waiting', 'retrying', 'failed'], 'cancelled', `state = 'cancelled', action = NULL`, [], now);
  }

  /** A person found it at the vendor (uncertain), or did by hand what a failed one asked (mark this delivery as done). */
  markDelivered(id: number, now: number, summary: string): OutboxRow {
    return this.act(id, ['uncertain', 'failed'], 'marked as delivered', `state = 'sent', sent_at = ?, summary = ?, action = NULL`, [now, summary], now);
  }

  private act(id: number, from: DeliveryState[], verb: string, set: string, params: unknown[], now: number): OutboxRow {
    const changed = this.db
      .prepare(`UPDATE outbox SET ${set}, updated_at = ? WHERE id = ? AND state IN (${from.map(() => '?').join(', ')})`)
      .run(...params, now, id, ...from).changes;
    const row = this.get(id);
    if (!row) throw new AppError('not-found', `There is no delivery ${id}.`);
    if (changed !== 1) {
      throw new AppError('conflict', `This delivery is ${row.state}, so it cannot be ${verb}. Only ${orList(from)} deliveries can.`);
    }
    return row;
  }

  forSale(saleId: number): OutboxRow[] {
    return (this.db.prepare(`SELECT ${COLUMNS} FROM outbox o WHERE o.sale_id = ? ORDER BY o.id`).all(saleId) as RawRow[]).map((r) => toRow(r)!);
  }

  /** Deliveries of many sales at once, for a page of history. */
  forSales(saleIds: number[]): OutboxRow[] {
    if (saleIds.length === 0) return [];
    return (this.db.prepare(`SELECT ${COLUMNS} FROM outbox o WHERE o.sale_id IN (SELECT value FROM json_each(?)) ORDER BY o.id`).all(JSON.stringify(saleIds)) as RawRow[]).map((r) => toRow(r)!);
  }

  countsByState(): { destination: DestinationId; state: DeliveryState; n: number }[] {
    return this.db.prepare('SELECT destination, state, COUNT(*) AS n FROM outbox GROUP BY destination, state').all() as { destination: DestinationId; state: DeliveryState; n: number }[];
  }

  /** Entries that would be sent but wait behind an earlier delivery of their sale that needs attention. */
  heldByDestination(): Map<DestinationId, number> {
    const rows = this.db
      .prepare(`SELECT o.destination, COUNT(*) AS n FROM outbox o WHERE o.state IN ('waiting', 'retrying') AND ${HELD} GROUP BY o.destination`)
      .all() as { destination: DestinationId; n: number }[];
    return new Map(rows.map((r) => [r.destination, r.n]));
  }

  /** Something is on its way without anyone's help (held entries wait for a person, so they do not count). */
  anyPending(): boolean {
    return this.db.prepare(`SELECT EXISTS (SELECT 1 FROM outbox o WHERE o.state IN ('waiting', 'sending', 'retrying') AND NOT ${HELD})`).pluck().get() === 1;
  }

  pause(destination: DestinationId, until: number, reason: string): void {
    this.db
      .prepare('INSERT INTO delivery_pauses (destination, until, reason) VALUES (?, ?, ?) ON CONFLICT(destination) DO UPDATE SET until = MAX(until, excluded.until), reason = CASE WHEN excluded.until >= until THEN excluded.reason ELSE reason END')
      .run(destination, until, reason);
  }

  pauseOf(destination: DestinationId): { until: number; reason: string } | undefined {
    return this.db.prepare('SELECT until, reason FROM delivery_pauses WHERE destination = ?').get(destination) as { until: number; reason: string } | undefined;
  }

  clearPause(destination: DestinationId): void {
    this.db.prepare('DELETE FROM delivery_pauses WHERE destination = ?').run(destination);
  }
}

const orList = (words: string[]) => (words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`);

/** The vendor's answer is kept for the record; a value JSON cannot hold is stored as its text. */
function safeJson(value: unknown): string | null {
  if (value === undefined) return null;
  try {
    return JSON.stringify(value).slice(0, 20_000);
  } catch {
    return String(value).slice(0, 20_000);
  }
}
