import type { HistoryInput, DeliveryState, DestinationId } from '../../shared/sales/schemas';
import { attentionStates, destinationIds, pendingStates } from '../../shared/sales/schemas';
import type { Totals } from '../../shared/sales/totals';
import { isEmptyCustomer, type SaleCustomer } from '../../shared/sales/customer';
import type { Db } from '../core/store/database';

export interface SaleRow {
  id: number;
  orderNumber: string;
  recordedAt: number;
  nonTaxableCents: number;
  taxableCents: number;
  taxCents: number;
  customer?: SaleCustomer | null;
}
export type ReturnRow = Omit<SaleRow, 'orderNumber' | 'customer'> & { saleId: number };

export interface SaleLineRow {
  id: number;
  saleId: number;
  position: number;
  sku: string;
  name: string;
  unitPriceCents: number;
  quantity: number;
  taxable: boolean;
}

export interface ReturnLineRow {
  returnId: number;
  saleLineId: number;
  quantity: number;
}

export interface NewSale {
  customer?: SaleCustomer | null;
  orderNumber: string;
  recordedAt: number;
  totals: Totals;
  lines: { sku: string; name: string; unitPriceCents: number; quantity: number; taxable: boolean }[];
}

export interface NewReturn {
  saleId: number;
  recordedAt: number;
  totals: Totals;
  lines: { saleLineId: number; quantity: number }[];
}

export interface HistoryBaseRow extends SaleRow {
  kind: 'SALE' | 'RETURN';
  saleId: number;
  itemCount: number;
  /** The prefix of the workstation that recorded it, when another did. */
  origin: string | null;
}

const SALE_COLUMNS = `id, order_number AS orderNumber, recorded_at AS recordedAt, nontaxable_cents AS nonTaxableCents,
  taxable_cents AS taxableCents, tax_cents AS taxCents, customer`;
const toSale = (r: (Omit<SaleRow, 'customer'> & { customer: string | null }) | undefined): SaleRow | undefined =>
  r && { ...r, customer: r.customer ? (JSON.parse(r.customer) as SaleCustomer) : null };
const RETURN_COLUMNS = `id, sale_id AS saleId, recorded_at AS recordedAt, nontaxable_cents AS nonTaxableCents,
  taxable_cents AS taxableCents, tax_cents AS taxCents`;
const LINE_COLUMNS = `id, sale_id AS saleId, position, sku, name, unit_price_cents AS unitPriceCents, quantity, taxable`;

const toLine = (r: Omit<SaleLineRow, 'taxable'> & { taxable: number }): SaleLineRow => ({ ...r, taxable: r.taxable === 1 });

/** Every sale and return, one row each, with the columns history filters and sorts on. */
const TX_VIEW = `
  SELECT 'SALE' AS kind, s.id, s.id AS saleId, s.order_number AS orderNumber, s.recorded_at AS recordedAt,
    s.nontaxable_cents AS nonTaxableCents, s.taxable_cents AS taxableCents, s.tax_cents AS taxCents,
    (SELECT SUM(quantity) FROM sale_lines WHERE sale_id = s.id) AS itemCount, s.origin
  FROM sales s
  UNION ALL
  SELECT 'RETURN', r.id, r.sale_id, s.order_number, r.recorded_at, r.nontaxable_cents, r.taxable_cents, r.tax_cents,
    (SELECT SUM(quantity) FROM return_lines WHERE return_id = r.id), r.origin
  FROM returns r JOIN sales s ON s.id = r.sale_id`;

function statesFor(filter: NonNullable<HistoryInput['state']>): readonly DeliveryState[] {
  if (filter === 'pending') return pendingStates;
  if (filter === 'attention') return attentionStates;
  return [filter];
}

/** Sales, their lines and returns. Writes happen inside the caller's transaction. */
export class SalesRepo {
  constructor(private readonly db: Db) {}

  insertSale(sale: NewSale): number {
    const { lastInsertRowid } = this.db
      .prepare('INSERT INTO sales (order_number, recorded_at, nontaxable_cents, taxable_cents, tax_cents, customer) VALUES (?, ?, ?, ?, ?, ?)')
      .run(sale.orderNumber, sale.recordedAt, sale.totals.nonTaxableCents, sale.totals.taxableCents, sale.totals.taxCents, isEmptyCustomer(sale.customer) ? null : JSON.stringify(sale.customer));
    const saleId = Number(lastInsertRowid);
    const line = this.db.prepare('INSERT INTO sale_lines (sale_id, position, sku, name, unit_price_cents, quantity, taxable) VALUES (?, ?, ?, ?, ?, ?, ?)');
    sale.lines.forEach((l, i) => line.run(saleId, i + 1, l.sku, l.name, l.unitPriceCents, l.quantity, l.taxable ? 1 : 0));
    return saleId;
  }

  insertReturn(ret: NewReturn): number {
    const { lastInsertRowid } = this.db
      .prepare('INSERT INTO returns (sale_id, recorded_at, nontaxable_cents, taxable_cents, tax_cents) VALUES (?, ?, ?, ?, ?)')
      .run(ret.saleId, ret.recordedAt, ret.totals.nonTaxableCents, ret.totals.taxableCents, ret.totals.taxCents);
    const returnId = Number(lastInsertRowid);
    const line = this.db.prepare('INSERT INTO return_lines (return_id, sale_line_id, quantity) VALUES (?, ?, ?)');
    for (const l of ret.lines) line.run(returnId, l.saleLineId, l.quantity);
    return returnId;
  }

  /** Order numbers are unique without regard to case, so "a12" and "A12" cannot both be sales. */
  saleByOrderNumber(orderNumber: string): SaleRow | undefined {
    return toSale(this.db.prepare(`SELECT ${SALE_COLUMNS} FROM sales WHERE order_number = ?`).get(orderNumber) as Parameters<typeof toSale>[0]);
  }

  /**
   * The vendors the workstation that recorded a sale delivers it to, when another workstation recorded it
   * (null for this workstation's own sales: their deliveries are in the outbox).
   */
  originDestinations(saleId: number): DestinationId[] | null {
    const row = this.db.prepare('SELECT origin, origin_destinations AS destinations FROM sales WHERE id = ?').get(saleId) as { origin: string | null; destinations: string | null } | undefined;
    if (!row || row.origin === null) return null;
    const named = row.destinations ? (JSON.parse(row.destinations) as unknown[]) : [];
    return destinationIds.filter((id) => named.includes(id));
  }

  /** The workstation prefix a sale was recorded on, when it was another workstation. */
  originOf(saleId: number): string | null {
    return (this.db.prepare('SELECT origin FROM sales WHERE id = ?').pluck().get(saleId) as string | null | undefined) ?? null;
  }

  saleById(id: number): SaleRow | undefined {
    return toSale(this.db.prepare(`SELECT ${SALE_COLUMNS} FROM sales WHERE id = ?`).get(id) as Parameters<typeof toSale>[0]);
  }

  linesOf(saleId: number): SaleLineRow[] {
    return (this.db.prepare(`SELECT ${LINE_COLUMNS} FROM sale_lines WHERE sale_id = ? ORDER BY position`).all(saleId) as Parameters<typeof toLine>[0][]).map(toLine);
  }

  returnById(id: number): ReturnRow | undefined {
    return this.db.prepare(`SELECT ${RETURN_COLUMNS} FROM returns WHERE id = ?`).get(id) as ReturnRow | undefined;
  }

  /** Oldest first: IFPOS rebuilds the sale by applying them in this order. */
  returnsOf(saleId: number): ReturnRow[] {
    return this.db.prepare(`SELECT ${RETURN_COLUMNS} FROM returns WHERE sale_id = ? ORDER BY id`).all(saleId) as ReturnRow[];
  }

  returnLinesOfSale(saleId: number): ReturnLineRow[] {
    return this.db
      .prepare(
        `SELECT rl.return_id AS returnId, rl.sale_line_id AS saleLineId, rl.quantity
         FROM return_lines rl JOIN returns r ON r.id = rl.return_id WHERE r.sale_id = ? ORDER BY rl.return_id, rl.id`,
      )
      .all(saleId) as ReturnLineRow[];
  }

  /** How many of each line of the sale have been returned so far. */
  returnedQuantities(saleId: number): Map<number, number> {
    const rows = this.db
      .prepare(
        `SELECT rl.sale_line_id AS saleLineId, SUM(rl.quantity) AS quantity
         FROM return_lines rl JOIN returns r ON r.id = rl.return_id WHERE r.sale_id = ? GROUP BY rl.sale_line_id`,
      )
      .all(saleId) as { saleLineId: number; quantity: number }[];
    return new Map(rows.map((r) => [r.saleLineId, r.quantity]));
  }

  history(input: HistoryInput & { page: number; pageSize: number }): { rows: HistoryBaseRow[]; total: number } {
    const where: string[] = [];
    const params: (string | number)[] = [];
    const add = (sql: string, ...values: (string | number)[]) => {
      where.push(sql);
      params.push(...values);
    };
    if (input.from !== undefined) add('recordedAt >= ?', input.from);
    if (input.to !== undefined) add('recordedAt < ?', input.to);
    if (input.kind) add('kind = ?', input.kind);
    if (input.orderNumber) add(`orderNumber LIKE ? ESCAPE '\\'`, `${input.orderNumber.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    if (input.state) {
      const states = statesFor(input.state);
      add(
        `EXISTS (SELECT 1 FROM outbox o WHERE o.kind = tx.kind AND o.sale_id = tx.saleId
           AND (tx.kind = 'SALE' OR o.return_id = tx.id) AND o.state IN (${states.map(() => '?').join(', ')}))`,
        ...states,
      );
    }
    const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const total = (this.db.prepare(`SELECT COUNT(*) FROM (${TX_VIEW}) tx ${clause}`).pluck().get(...params) as number) ?? 0;
    const rows = this.db
      .prepare(`SELECT * FROM (${TX_VIEW}) tx ${clause} ORDER BY recordedAt DESC, kind = 'SALE', id DESC LIMIT ? OFFSET ?`)
      .all(...params, input.pageSize, (input.page - 1) * input.pageSize) as HistoryBaseRow[];
    return { rows, total };
  }
}
