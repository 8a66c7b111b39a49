import type { Db } from '../core/store/database';
import { StoreAwayError, type StoreLink, type StoreQuery } from '../core/store-link';
import type { TransactionToDeliver } from './destination';
import type { OutboxRepo, OutboxRow } from './outbox-repo';

/** What the store server says about sending one delivery now. */
export type DeliveryGate =
  /** Send it; `othersTried`: another workstation took it over before, so it may be at the vendor already. */
  | { kind: 'go'; othersTried: boolean }
  /** Another workstation delivered it: mark it done here without a call. */
  | { kind: 'done'; summary: string }
  /** Another workstation holds it, or the server must be asked first: look again at `until`. */
  | { kind: 'wait'; until: number }
  /** It waits for another workstation's delivery (a return for its sale): the rest go on meanwhile. */
  | { kind: 'aside'; until: number; reason: string };

/** How soon a delivery that must wait for the server is looked at again (a return of the server nudges it sooner). */
export const GATE_RECHECK_MS = 5_000;
/** While the server is away, this workstation sends what the server knows it is sending for this share of the takeover time only. */
const AWAY_SHARE = 0.75;

export interface StoreDeliveriesDeps {
  db: Db;
  outbox: OutboxRepo;
  store: StoreLink;
  now: () => number;
  /** What the vendor gets for an entry, as this workstation builds it. */
  payloadOf: (entry: OutboxRow) => TransactionToDeliver;
  /** Seconds of silence after which another workstation takes a delivery over; the store's setting when absent (tests use seconds). */
  silenceSeconds?: number;
  /** Forward what is waiting to the server now. */
  nudgeShare: () => void;
}

/** A forwarded sale or return, with this workstation's outbox entries of its sale. */
export interface ListedRecord {
  kind: 'SALE' | 'RETURN';
  recordId: number;
  uid: string;
  entries: OutboxRow[];
}

interface EntryRef {
  uid: string;
  destination: string;
  /** The sale or return is on the server. */
  shared: boolean;
  /** The server knows this delivery may have been sent. */
  tried: boolean;
  /** For a return of a sale another workstation recorded: that sale's uid, whose delivery must go first. */
  othersSale: string | null;
}

const REF_SQL = `SELECT o.destination, COALESCE(r.uid, s.uid) AS uid, o.store_tried AS tried,
  (CASE WHEN o.kind = 'SALE' THEN s.shared_at ELSE r.shared_at END) IS NOT NULL AS shared,
  CASE WHEN o.kind = 'RETURN' AND s.origin IS NOT NULL THEN s.uid END AS others_sale
  FROM outbox o JOIN sales s ON s.id = o.sale_id LEFT JOIN returns r ON r.id = o.return_id WHERE o.id = ?`;

const SALE_FIRST = 'Waits until the workstation that recorded the sale has delivered it here: a return never reaches a vendor before its sale.';

/** Whether a sale's delivery to a vendor is still to be made (none listed: sent before the server listed deliveries, or never meant for it). */
const SALE_OPEN_SQL = `SELECT EXISTS (SELECT 1 FROM deliveries WHERE uid = $1 AND destination = $2 AND delivered_at IS NULL AND cancelled_at IS NULL) AS open`;

/** A person cancelled a delivery here ($3), or sent a cancelled one again: the server keeps it from a takeover, or no longer. */
const CANCELLED_SQL = `UPDATE deliveries SET cancelled_at = CASE WHEN $3 THEN now() END WHERE uid = $1 AND destination = $2 AND delivered_at IS NULL`;

/** Entries whose cancellation the server does not know yet (or that were sent again since), of records it has. */
const CANCEL_CHANGED_SQL = `SELECT o.id, o.destination, COALESCE(r.uid, s.uid) AS uid, o.state = 'cancelled' AS cancelled
  FROM outbox o JOIN sales s ON s.id = o.sale_id LEFT JOIN returns r ON r.id = o.return_id
  WHERE (o.state = 'cancelled') <> (o.store_cancelled = 1) AND (CASE WHEN o.kind = 'SALE' THEN s.shared_at ELSE r.shared_at END) IS NOT NULL
  ORDER BY o.id LIMIT 200`;

const LEASE_SQL = `UPDATE deliveries SET lease_holder = my_workstation(), lease_until = now() + make_interval(secs => $3), attempted = true
  WHERE uid = $1 AND destination = $2 AND delivered_at IS NULL
    AND (lease_until IS NULL OR lease_until < now() OR lease_holder = my_workstation())
  RETURNING taken_over`;

const STATE_SQL = `SELECT d.delivered_at IS NOT NULL AS delivered, d.summary, b.name AS by_name, b.prefix AS by_prefix,
  greatest(0, extract(epoch FROM d.lease_until - now()) * 1000)::float8 AS wait_ms
  FROM deliveries d LEFT JOIN store.workstations b ON b.id = coalesce(d.delivered_by, d.lease_holder)
  WHERE d.uid = $1 AND d.destination = $2`;

const MARK_SQL = `WITH marked AS (
    UPDATE deliveries SET delivered_at = now(), delivered_by = my_workstation(), summary = $3, lease_holder = NULL, lease_until = NULL
    WHERE uid = $1 AND destination = $2 AND delivered_at IS NULL RETURNING 1)
  SELECT EXISTS (SELECT 1 FROM deliveries WHERE uid = $1 AND destination = $2) AS listed`;

const DONE_ELSEWHERE_SQL = `SELECT d.uid, d.destination, d.summary, b.name AS by_name, b.prefix AS by_prefix
  FROM deliveries d JOIN unnest($1::uuid[], $2::text[]) AS u (uid, destination) ON u.uid = d.uid AND u.destination = d.destination
  LEFT JOIN store.workstations b ON b.id = d.delivered_by
  WHERE d.delivered_at IS NOT NULL`;

/** Lists deliveries of one or more records at once (a JSON array of rows); one already listed is left as it is. */
const LIST_SQL = `INSERT INTO deliveries (uid, destination, kind, order_number, payload, attempted, delivered_at, delivered_by, summary)
  SELECT d.uid, d.destination, d.kind, d.order_number, d.payload, d.attempted,
         CASE WHEN d.delivered THEN now() END, CASE WHEN d.delivered THEN my_workstation() END, d.summary
    FROM jsonb_to_recordset($1::jsonb) AS d (uid uuid, destination text, kind text, order_number text, payload jsonb, attempted boolean, delivered boolean, summary text)
  ON CONFLICT (uid, destination) DO NOTHING`;

/** Hex without dashes, as the workstation's store writes uids. */
export const localUid = (uid: string) => uid.replace(/-/g, '').toLowerCase();
const byWhom = (name: string | null, prefix: string | null) => (name ? `workstation ${prefix} (${name})` : 'another workstation');

/**
 * This workstation's deliveries as the store server knows them. The workstation that recorded a sale
 * delivers it and marks it delivered on the server; before each call it takes the delivery's lease there,
 * so a workstation that took it over while this one was silent is never doubled. Coming back, it marks done
 * here what another delivered, without a call.
 */
export class StoreDeliveries {
  constructor(private readonly deps: StoreDeliveriesDeps) {}

  /** Seconds of silence before another workstation takes a delivery over; also the length of a lease. */
  silenceSeconds(): number {
    return this.deps.silenceSeconds ?? this.deps.store.takeoverMinutes() * 60;
  }

  /** Asked before each call to a vendor; null when this workstation is on its own. */
  async gate(entry: OutboxRow): Promise<DeliveryGate | null> {
    if (!this.deps.store.paired) return null;
    const ref = this.ref(entry.id);
    if (!ref) return null;
    if (!this.deps.store.reachable()) return this.awayGate(ref);
    try {
      return await this.leaseGate(entry.id, ref);
    } catch (error) {
      if (error instanceof StoreAwayError) return this.awayGate(ref);
      throw error;
    }
  }

  private ref(id: number): EntryRef | undefined {
    const row = this.deps.db.prepare(REF_SQL).get(id) as { destination: string; uid: string; tried: number; shared: number; others_sale: string | null } | undefined;
    return row && { uid: row.uid, destination: row.destination, shared: row.shared === 1, tried: row.tried === 1, othersSale: row.others_sale };
  }

  /**
   * The server is away. A record it does not have yet is this workstation's alone. One it has is sent only
   * if the server knows this workstation may send it, and only until this workstation has been out of touch
   * for most of the takeover time (measured on this computer, from its last answer): after that, another
   * workstation may take it over.
   */
  private awayGate(ref: EntryRef): DeliveryGate {
    const now = this.deps.now();
    // Whether another workstation's sale has reached the vendor is known only to the server.
    if (ref.othersSale) return { kind: 'aside', until: now + GATE_RECHECK_MS, reason: SALE_FIRST };
    if (!ref.shared) return { kind: 'go', othersTried: false };
    const last = this.deps.store.lastContactAt();
    if (ref.tried && last !== null && now - last < this.silenceSeconds() * 1000 * AWAY_SHARE) return { kind: 'go', othersTried: false };
    return { kind: 'wait', until: now + GATE_RECHECK_MS };
  }

  private async leaseGate(id: number, ref: EntryRef): Promise<DeliveryGate> {
    const { store, db } = this.deps;
    // A return never reaches a vendor before its sale: SimpleConsign refuses a return of a sale it lacks, and
    // TRAX would take the changed sale as a new one, then lose the credit when the sale itself arrives.
    if (ref.othersSale) {
      const [sale] = await store.query<{ open: boolean }>(SALE_OPEN_SQL, [ref.othersSale, ref.destination]);
      if (sale?.open) return { kind: 'aside', until: this.deps.now() + GATE_RECHECK_MS, reason: SALE_FIRST };
    }
    const leased = await store.query<{ taken_over: boolean }>(LEASE_SQL, [ref.uid, ref.destination, this.silenceSeconds()]);
    if (leased[0]) {
      db.prepare('UPDATE outbox SET store_tried = 1 WHERE id = ?').run(id);
      return { kind: 'go', othersTried: leased[0].taken_over };
    }
    const [row] = await store.query<{ delivered: boolean; summary: string | null; by_name: string | null; by_prefix: string | null; wait_ms: number }>(STATE_SQL, [ref.uid, ref.destination]);
    const now = this.deps.now();
    if (!row) {
      // Sent before the server knew deliveries: this workstation's alone. Not on the server yet: forward it first.
      if (ref.shared) return { kind: 'go', othersTried: false };
      this.deps.nudgeShare();
      return { kind: 'wait', until: now + GATE_RECHECK_MS };
    }
    if (row.delivered) return { kind: 'done', summary: `Delivered by ${byWhom(row.by_name, row.by_prefix)}: ${row.summary ?? 'the vendor has it.'}` };
    return { kind: 'wait', until: now + Math.max(1_000, Math.ceil(Number(row.wait_ms))) };
  }

  /** The vendor has it: the server is told at once, or by the next round of sharing when it is away. */
  async delivered(id: number, summary: string): Promise<void> {
    const ref = this.ref(id);
    if (!ref || !this.deps.store.paired) return;
    const [row] = await this.deps.store.query<{ listed: boolean }>(MARK_SQL, [ref.uid, ref.destination, summary]);
    // Not on the server yet: it is listed as delivered when the record is forwarded.
    if (row?.listed || ref.shared) this.deps.db.prepare('UPDATE outbox SET store_marked_at = ? WHERE id = ?').run(this.deps.now(), id);
  }

  /**
   * Brings this workstation and the server into line: what this one delivered is marked on the server, and
   * what another delivered is marked done here. Answers how many entries changed here.
   */
  async sync(): Promise<number> {
    const { db } = this.deps;
    const toMark = db.prepare(`SELECT id, summary FROM outbox WHERE state = 'sent' AND store_marked_at IS NULL ORDER BY id LIMIT 200`).all() as { id: number; summary: string | null }[];
    for (const e of toMark) await this.delivered(e.id, e.summary ?? 'The vendor has it.');
    await this.syncCancelled();
    const open = db
      .prepare(
        `SELECT o.id, o.destination, COALESCE(r.uid, s.uid) AS uid FROM outbox o JOIN sales s ON s.id = o.sale_id LEFT JOIN returns r ON r.id = o.return_id
         WHERE o.state IN ('waiting', 'retrying', 'failed', 'uncertain') AND (CASE WHEN o.kind = 'SALE' THEN s.shared_at ELSE r.shared_at END) IS NOT NULL
         ORDER BY o.id LIMIT 500`,
      )
      .all() as { id: number; destination: string; uid: string }[];
    if (open.length === 0) return 0;
    const done = await this.deps.store.query<{ uid: string; destination: string; summary: string | null; by_name: string | null; by_prefix: string | null }>(DONE_ELSEWHERE_SQL, [
      open.map((e) => e.uid),
      open.map((e) => e.destination),
    ]);
    const found = new Map(done.map((d) => [`${localUid(d.uid)} ${d.destination}`, d]));
    let changed = 0;
    for (const e of open) {
      const d = found.get(`${e.uid} ${e.destination}`);
      if (d) changed += this.deps.outbox.recordDeliveredElsewhere(e.id, this.deps.now(), `Delivered by ${byWhom(d.by_name, d.by_prefix)}: ${d.summary ?? 'the vendor has it.'}`);
    }
    return changed;
  }

  /** Tells the server which deliveries a person cancelled here (or sent again since), so no one takes them over. */
  private async syncCancelled(): Promise<void> {
    const { db, store } = this.deps;
    const changed = db.prepare(CANCEL_CHANGED_SQL).all() as { id: number; destination: string; uid: string; cancelled: number }[];
    const note = db.prepare('UPDATE outbox SET store_cancelled = ? WHERE id = ?');
    for (const e of changed) {
      await store.query(CANCELLED_SQL, [e.uid, e.destination, e.cancelled === 1]);
      note.run(e.cancelled, e.id);
    }
  }

  /**
   * Lists forwarded records' deliveries on the server, inside the forwarding transaction, each with the
   * payload this workstation built for it, in one statement. Answers what to note here once the server has committed.
   */
  async list(q: StoreQuery, records: ListedRecord[]): Promise<{ id: number; tried: boolean; delivered: boolean }[]> {
    const listed: { id: number; tried: boolean; delivered: boolean }[] = [];
    const rows: Record<string, unknown>[] = [];
    for (const { kind, recordId, uid, entries } of records) {
      for (const e of entries) {
        if (e.state === 'cancelled' || e.kind !== kind || (kind === 'SALE' ? e.saleId : e.returnId) !== recordId) continue;
        const payload = { ...this.deps.payloadOf(e), attempt: 0, previousAttemptUncertain: false, emptyAnswers: 0 };
        const tried = e.attempts > 0 || e.state === 'sending' || e.mayHaveApplied;
        const delivered = e.state === 'sent';
        rows.push({ uid, destination: e.destination, kind, order_number: payload.orderNumber, payload, attempted: tried, delivered, summary: delivered ? e.summary : null });
        listed.push({ id: e.id, tried, delivered });
      }
    }
    if (rows.length > 0) await q.query(LIST_SQL, [JSON.stringify(rows)]);
    return listed;
  }

  /** After the server committed a forwarded record: what it now knows about each delivery. */
  noteListed(listed: { id: number; tried: boolean; delivered: boolean }[]): void {
    const now = this.deps.now();
    const note = this.deps.db.prepare('UPDATE outbox SET store_tried = MAX(store_tried, ?), store_marked_at = CASE WHEN ? THEN COALESCE(store_marked_at, ?) ELSE store_marked_at END WHERE id = ?');
    this.deps.db.transaction(() => {
      for (const l of listed) note.run(l.tried ? 1 : 0, l.delivered ? 1 : 0, now, l.id);
    })();
  }
}
