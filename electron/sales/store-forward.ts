import { storeOrderCounter } from '../../shared/sales/order-number';
import type { Db } from '../core/store/database';
import type { StoreLink, StoreQuery } from '../core/store-link';
import type { OrderNumbers } from './order-numbers';
import type { OutboxRepo } from './outbox-repo';
import { localUid, type ListedRecord, type StoreDeliveries } from './store-deliveries';

/** Columns that say where a record is in the store, not what it is: they are not sent. */
const PLACE_COLUMNS = new Set(['id', 'sale_id', 'uid', 'origin', 'origin_destinations', 'shared_at', 'share_problem']);
const BATCH = 50;

/** Sales in one statement (a JSON array of rows, in the order forwarded); answers those the server did not have. */
const INSERT_SALES_SQL = `INSERT INTO sales (uid, order_number, recorded_at, body)
  SELECT r.uid, r.order_number, r.recorded_at, r.body FROM jsonb_to_recordset($1::jsonb) AS r (uid uuid, order_number text, recorded_at bigint, body jsonb)
  ON CONFLICT (uid) DO NOTHING RETURNING uid`;
/**
 * Flags one-off items each new sale sold that another sale sold too. Newest first: a sale is flagged
 * against every other one holding the item, and a pair flagged once is not flagged again the other way,
 * so the sale forwarded later is always the second of a pair, as when each is forwarded on its own.
 */
const FLAG_SQL = `SELECT t.u::text AS uid, flag_one_offs(t.u) AS n FROM unnest($1::uuid[]) WITH ORDINALITY AS t (u, i) ORDER BY t.i DESC`;

type Row = Record<string, unknown>;
interface Outgoing {
  sale: Row;
  body: { sale: Row; lines: Row[]; destinations: unknown[] };
  counter: number | null;
  record: ListedRecord;
}
const what = (row: Row) => Object.fromEntries(Object.entries(row).filter(([k]) => !PLACE_COLUMNS.has(k)));

export interface ForwardDeps {
  db: Db;
  store: StoreLink;
  orderNumbers: OrderNumbers;
  outbox: OutboxRepo;
  deliveries: StoreDeliveries;
  now: () => number;
  /** Something a person must see (kept on the Store screen). */
  warn: (message: string) => void;
  /** Test hook: runs after the server committed and before this workstation notes it (a lost answer, a crash). */
  afterCommit?: (uid: string) => void | Promise<void>;
}

/**
 * Forwards what this workstation recorded to the store server, oldest first, through its own durable
 * outbox: a record is noted as shared only after the server committed it, and the server stores a record
 * it already has once (`ON CONFLICT (uid) DO NOTHING`), so a lost answer or a crash between the two sends
 * it again harmlessly. Sales go before returns, so a return's sale is always there first.
 */
export class StoreForwarder {
  constructor(private readonly deps: ForwardDeps) {}

  /** Forwards everything waiting; answers how many records the server took or already had. */
  async forwardAll(): Promise<number> {
    let count = 0;
    for (;;) {
      const sales = this.waiting('sales');
      count += await this.forwardSales(sales);
      const returns = this.waiting('returns');
      for (const ret of returns) count += await this.forwardReturn(ret);
      if (sales.length < BATCH && returns.length < BATCH) return count;
    }
  }

  private waiting(table: 'sales' | 'returns'): Row[] {
    return this.deps.db
      .prepare(`SELECT * FROM ${table} WHERE origin IS NULL AND shared_at IS NULL AND share_problem IS NULL ORDER BY id LIMIT ${BATCH}`)
      .all() as Row[];
  }

  /**
   * Sales waiting, oldest first, in one transaction of a few statements however many there are (sales
   * recorded while the server was away, or at a busy till). When one of them has an order number another
   * sale has on the server, each is sent again on its own, so the others go and that one is named.
   */
  private async forwardSales(sales: Row[]): Promise<number> {
    if (sales.length === 0) return 0;
    const batch = sales.map((sale) => this.outgoing(sale));
    let listed: Awaited<ReturnType<StoreDeliveries['list']>>;
    try {
      listed = await this.deps.store.transaction((q) => this.send(q, batch));
    } catch (error) {
      if (!isOrderNumberClash(error)) throw error;
      if (batch.length === 1) return this.setAside(batch[0].sale);
      let count = 0;
      for (const sale of sales) count += await this.forwardSales([sale]);
      return count;
    }
    this.deps.deliveries.noteListed(listed);
    const noted: Row[] = [];
    try {
      for (const { sale } of batch) {
        await this.deps.afterCommit?.(String(sale.uid));
        noted.push(sale);
      }
    } finally {
      const shared = this.deps.db.prepare('UPDATE sales SET shared_at = ? WHERE id = ? AND shared_at IS NULL');
      this.deps.db.transaction(() => {
        for (const sale of noted) shared.run(this.deps.now(), sale.id);
      })();
    }
    return batch.length;
  }

  /** A sale as the server keeps it, with what the forwarding transaction needs. */
  private outgoing(sale: Row): Outgoing {
    const { db } = this.deps;
    const lines = (db.prepare('SELECT * FROM sale_lines WHERE sale_id = ? ORDER BY position').all(sale.id) as Row[]).map(what);
    const destinations = db.prepare(`SELECT DISTINCT destination FROM outbox WHERE kind = 'SALE' AND sale_id = ? AND state <> 'cancelled'`).pluck().all(sale.id);
    const prefix = this.deps.orderNumbers.prefix();
    // A number typed by hand that looks like one of ours never moves the server's counter past ours.
    const parsed = prefix === null ? null : storeOrderCounter(prefix, String(sale.order_number));
    const counter = parsed === null || prefix === null ? null : Math.min(parsed, this.deps.orderNumbers.last(prefix));
    const record = { kind: 'SALE' as const, recordId: Number(sale.id), uid: String(sale.uid), entries: this.deps.outbox.forSale(Number(sale.id)) };
    return { sale, body: { sale: what(sale), lines, destinations }, counter, record };
  }

  /** The forwarding transaction's statements; answers the deliveries listed. */
  private async send(q: StoreQuery, batch: Outgoing[]): Promise<Awaited<ReturnType<StoreDeliveries['list']>>> {
    const rows = batch.map(({ sale, body }) => ({ uid: sale.uid, order_number: sale.order_number, recorded_at: sale.recorded_at, body }));
    const added = await q.query<{ uid: string }>(INSERT_SALES_SQL, [JSON.stringify(rows)]);
    const listed = await this.deps.deliveries.list(q, batch.map((b) => b.record));
    const counters = batch.map((b) => b.counter).filter((c): c is number => c !== null);
    if (counters.length > 0) await q.query('SELECT raise_counter($1)', [Math.max(...counters)]);
    // A one-off item another sale sold too is flagged for a person, and both sales are kept.
    const fresh = new Set(added.map((a) => localUid(a.uid)));
    const newOnes = batch.map((b) => String(b.sale.uid)).filter((uid) => fresh.has(localUid(uid)));
    const flagged = newOnes.length > 0 ? await q.query<{ uid: string; n: number }>(FLAG_SQL, [newOnes]) : [];
    const twice = new Set(flagged.filter((f) => f.n > 0).map((f) => localUid(f.uid)));
    if (twice.size > 0) await q.query(this.deps.store.notifySql('conflicts'));
    for (const { sale } of batch) {
      if (twice.has(localUid(String(sale.uid)))) this.deps.warn(`Sale ${String(sale.order_number)} sold a one-off item another sale sold too. Both are kept; settle it under Sales → History.`);
    }
    await q.query(this.deps.store.notifySql('sales'));
    return listed;
  }

  /** The sale's order number is another sale's on the server: it stays here until a person settles it. */
  private setAside(sale: Row): number {
    const problem = `Order number ${String(sale.order_number)} is already another sale’s on the store server. This sale stays on this workstation until a person settles it.`;
    this.deps.db.prepare('UPDATE sales SET share_problem = ? WHERE id = ?').run(problem, sale.id);
    this.deps.warn(problem);
    return 0;
  }

  private async forwardReturn(ret: Row): Promise<number> {
    const { db } = this.deps;
    const sale = db.prepare('SELECT uid, origin, shared_at AS sharedAt FROM sales WHERE id = ?').get(ret.sale_id) as { uid: string; origin: string | null; sharedAt: number | null };
    // The sale is not on the server yet (it waits for a person): its return waits with it.
    if (sale.origin === null && sale.sharedAt === null) return 0;
    const lines = db
      .prepare('SELECT sl.position, rl.quantity FROM return_lines rl JOIN sale_lines sl ON sl.id = rl.sale_line_id WHERE rl.return_id = ? ORDER BY sl.position')
      .all(ret.id);
    const body = { return: what(ret), lines };
    const entries = this.deps.outbox.forSale(Number(ret.sale_id));
    const listed = await this.deps.store.transaction(async (q: StoreQuery) => {
      await q.query('INSERT INTO returns (uid, sale_uid, recorded_at, body) VALUES ($1, $2, $3, $4) ON CONFLICT (uid) DO NOTHING', [
        ret.uid,
        sale.uid,
        ret.recorded_at,
        JSON.stringify(body),
      ]);
      const noted = await this.deps.deliveries.list(q, [{ kind: 'RETURN', recordId: Number(ret.id), uid: String(ret.uid), entries }]);
      await q.query(this.deps.store.notifySql('sales'));
      return noted;
    });
    this.deps.deliveries.noteListed(listed);
    await this.deps.afterCommit?.(String(ret.uid));
    db.prepare('UPDATE returns SET shared_at = ? WHERE id = ? AND shared_at IS NULL').run(this.deps.now(), ret.id);
    return 1;
  }

  /**
   * A workstation whose counter is behind what the server saw from it was restored from a backup, or its
   * disk was copied to another computer: its counter jumps past the server's, and a person is told.
   */
  async checkCounter(): Promise<void> {
    const prefix = this.deps.orderNumbers.prefix();
    if (prefix === null) return;
    const [row] = await this.deps.store.query<{ last: string | null }>('SELECT my_counter() AS last');
    const serverLast = row?.last === null || row?.last === undefined ? 0 : Number(row.last);
    const local = this.deps.orderNumbers.last(prefix);
    if (serverLast <= local) return;
    this.deps.orderNumbers.raiseTo(prefix, serverLast);
    this.deps.warn(
      `This workstation’s order numbers were behind the store server’s (it had used up to ${local}, the server has seen ${serverLast}): ` +
        'its records were restored from a backup, or its disk was copied from another computer. Order numbers now continue after the server’s, so none is used twice. ' +
        'If its disk was copied, leave the store on one of the two computers and join again with a new code.',
    );
  }
}

function isOrderNumberClash(error: unknown): boolean {
  const e = error as { code?: string; constraint?: string };
  return e.code === '23505' && e.constraint === 'sales_order_number';
}
