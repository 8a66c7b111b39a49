import { z } from 'zod';
import type { Db } from '../core/store/database';
import type { StoreLink } from '../core/store-link';
import { localUid } from './store-deliveries';

const value = z.union([z.string(), z.number(), z.null()]);
const columns = z.record(z.string(), value);
const saleBody = z.object({ sale: columns, lines: z.array(columns.and(z.object({ position: z.number().int() }))), destinations: z.array(z.string()) });
const returnBody = z.object({ return: columns, lines: z.array(z.object({ position: z.number().int(), quantity: z.number().int().positive() })) });

interface ServerSale {
  uid: string;
  prefix: string;
  body: unknown;
}
interface ServerReturn extends ServerSale {
  sale_uid: string;
}

export interface CopyDeps {
  db: Db;
  store: StoreLink;
  now: () => number;
  warn: (message: string) => void;
}


/**
 * Copies the store's sales and returns from the server into this workstation's store, so History, the
 * return search and receipt reprints see every workstation's. It reads everything written since the oldest
 * transaction that was still running when it last looked (PostgreSQL's snapshot xmin), so a row committed
 * late is never skipped; rows it has already are passed over.
 */
export class StoreCopier {
  private readonly saleColumns: Set<string>;
  private readonly lineColumns: Set<string>;
  private readonly returnColumns: Set<string>;

  constructor(private readonly deps: CopyDeps) {
    const cols = (table: string) => new Set((deps.db.prepare(`SELECT name FROM pragma_table_info('${table}')`).pluck().all() as string[]));
    this.saleColumns = cols('sales');
    this.lineColumns = cols('sale_lines');
    this.returnColumns = cols('returns');
  }

  /** When this workstation last copied the store's records (null: never). */
  copiedAt(): number | null {
    return (this.deps.db.prepare('SELECT copied_at FROM store_copy WHERE singleton = 1').pluck().get() as number | undefined) ?? null;
  }

  /** Copies what is new; answers how many records were added here. */
  async copy(): Promise<number> {
    const from = (this.deps.db.prepare('SELECT horizon FROM store_copy WHERE singleton = 1').pluck().get() as string | undefined) ?? '0';
    const read = await this.deps.store.transaction(async (q) => {
      await q.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const [{ horizon }] = await q.query<{ horizon: string }>('SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS horizon');
      const sales = await q.query<ServerSale>(
        'SELECT s.uid, w.prefix, s.body FROM sales s JOIN store.workstations w ON w.id = s.workstation_id WHERE s.txid >= $1::xid8 ORDER BY s.recorded_at, s.uid',
        [from],
      );
      const returns = await q.query<ServerReturn>(
        'SELECT r.uid, r.sale_uid, w.prefix, r.body FROM returns r JOIN store.workstations w ON w.id = r.workstation_id WHERE r.txid >= $1::xid8 ORDER BY r.recorded_at, r.uid',
        [from],
      );
      return { horizon, sales, returns };
    });
    const now = this.deps.now();
    return this.deps.db.transaction(() => {
      let added = 0;
      for (const s of read.sales) added += this.addSale(s, now);
      for (const r of read.returns) added += this.addReturn(r, now);
      this.deps.db
        .prepare('INSERT INTO store_copy (singleton, horizon, copied_at) VALUES (1, ?, ?) ON CONFLICT (singleton) DO UPDATE SET horizon = excluded.horizon, copied_at = excluded.copied_at')
        .run(read.horizon, now);
      return added;
    })();
  }

  private has(table: 'sales' | 'returns', uid: string): boolean {
    return this.deps.db.prepare(`SELECT 1 FROM ${table} WHERE uid = ?`).pluck().get(uid) !== undefined;
  }

  private addSale(row: ServerSale, now: number): number {
    const uid = localUid(row.uid);
    if (this.has('sales', uid)) return 0;
    const body = saleBody.parse(row.body);
    const clash = this.deps.db.prepare('SELECT 1 FROM sales WHERE order_number = ?').pluck().get(body.sale.order_number);
    if (clash !== undefined) {
      this.deps.warn(`Workstation ${row.prefix} recorded a sale with order number ${String(body.sale.order_number)}, which a sale on this workstation has too. A person must settle which is which.`);
      return 0;
    }
    const saleId = this.insert('sales', this.saleColumns, { ...body.sale, uid, origin: row.prefix, origin_destinations: JSON.stringify(body.destinations), shared_at: now });
    for (const line of body.lines) this.insert('sale_lines', this.lineColumns, { ...line, sale_id: saleId });
    return 1;
  }

  private addReturn(row: ServerReturn, now: number): number {
    const uid = localUid(row.uid);
    if (this.has('returns', uid)) return 0;
    const body = returnBody.parse(row.body);
    const saleId = this.deps.db.prepare('SELECT id FROM sales WHERE uid = ?').pluck().get(localUid(row.sale_uid)) as number | undefined;
    // Its sale could not be copied (an order number two sales share): the warning about that sale stands for both.
    if (saleId === undefined) return 0;
    const returnId = this.insert('returns', this.returnColumns, { ...body.return, sale_id: saleId, uid, origin: row.prefix, shared_at: now });
    const lineOf = this.deps.db.prepare('SELECT id FROM sale_lines WHERE sale_id = ? AND position = ?').pluck();
    for (const l of body.lines) {
      this.deps.db.prepare('INSERT INTO return_lines (return_id, sale_line_id, quantity) VALUES (?, ?, ?)').run(returnId, lineOf.get(saleId, l.position), l.quantity);
    }
    return 1;
  }

  /** Inserts the columns this store has (a newer workstation may send more; they are left out). */
  private insert(table: string, known: Set<string>, values: Record<string, unknown>): number {
    const names = Object.keys(values).filter((k) => known.has(k) && k !== 'id');
    const sql = `INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`;
    return Number(this.deps.db.prepare(sql).run(...names.map((n) => values[n] as string | number | null)).lastInsertRowid);
  }
}
