import type { DraftBody, FoundSale, PaymentMethod, RefundMethod, ReturnReason } from '../../shared/sales/counter';
import type { Db } from '../core/store/database';

export interface SaleExtras {
  paymentMethod: PaymentMethod | null;
  tenderedCents: number | null;
  taxRateMilli: number | null;
}

export interface ReturnExtras {
  reason: ReturnReason | null;
  refundMethod: RefundMethod | null;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The counter's additions to sales: drafts, payment, tax rate, return reasons, and finding a sale to return. */
export class CounterRepo {
  constructor(private readonly db: Db) {}

  currentDraft(): { body: string; updatedAt: number } | undefined {
    return this.db.prepare(`SELECT body, updated_at AS updatedAt FROM sale_drafts WHERE status = 'current'`).get() as { body: string; updatedAt: number } | undefined;
  }

  saveCurrent(body: DraftBody, now: number): void {
    this.db
      .prepare(
        `INSERT INTO sale_drafts (status, body, updated_at) VALUES ('current', ?, ?)
         ON CONFLICT (status) WHERE status = 'current' DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at`,
      )
      .run(JSON.stringify(body), now);
  }

  clearCurrent(): void {
    this.db.prepare(`DELETE FROM sale_drafts WHERE status = 'current'`).run();
  }

  park(body: DraftBody, now: number): number {
    return Number(this.db.prepare(`INSERT INTO sale_drafts (status, body, updated_at) VALUES ('parked', ?, ?)`).run(JSON.stringify(body), now).lastInsertRowid);
  }

  parked(): { id: number; body: string; updatedAt: number }[] {
    return this.db.prepare(`SELECT id, body, updated_at AS updatedAt FROM sale_drafts WHERE status = 'parked' ORDER BY id`).all() as { id: number; body: string; updatedAt: number }[];
  }

  takeParked(id: number): string | undefined {
    const row = this.db.prepare(`SELECT body FROM sale_drafts WHERE id = ? AND status = 'parked'`).get(id) as { body: string } | undefined;
    if (row) this.db.prepare('DELETE FROM sale_drafts WHERE id = ?').run(id);
    return row?.body;
  }

  /** Brings a retrying delivery's next attempt forward to now. */
  retryAt(deliveryId: number, now: number): void {
    this.db.prepare(`UPDATE outbox SET next_attempt_at = ?, updated_at = ? WHERE id = ? AND state = 'retrying'`).run(now, now, deliveryId);
  }

  setSaleExtras(saleId: number, extras: SaleExtras): void {
    this.db.prepare('UPDATE sales SET payment_method = ?, tendered_cents = ?, tax_rate_milli = ? WHERE id = ?').run(extras.paymentMethod, extras.tenderedCents, extras.taxRateMilli, saleId);
  }

  saleExtras(saleId: number): SaleExtras {
    const row = this.db
      .prepare('SELECT payment_method AS paymentMethod, tendered_cents AS tenderedCents, tax_rate_milli AS taxRateMilli FROM sales WHERE id = ?')
      .get(saleId) as SaleExtras | undefined;
    return row ?? { paymentMethod: null, tenderedCents: null, taxRateMilli: null };
  }

  setReturnExtras(returnId: number, extras: ReturnExtras): void {
    this.db.prepare('UPDATE returns SET reason = ?, refund_method = ? WHERE id = ?').run(extras.reason, extras.refundMethod, returnId);
  }

  returnExtras(saleId: number): Map<number, ReturnExtras> {
    const rows = this.db.prepare('SELECT id, reason, refund_method AS refundMethod FROM returns WHERE sale_id = ?').all(saleId) as (ReturnExtras & { id: number })[];
    return new Map(rows.map((r) => [r.id, { reason: r.reason, refundMethod: r.refundMethod }]));
  }

  /** Sales whose order number contains the text or that sold a SKU starting with it, within the dates; newest first. */
  findSales(input: { text: string; from?: number; to?: number }, limit = 25): FoundSale[] {
    const where: string[] = [];
    const params: (string | number)[] = [];
    if (input.text) {
      where.push(`(s.order_number LIKE ? ESCAPE '\\' OR EXISTS (SELECT 1 FROM sale_lines f WHERE f.sale_id = s.id AND f.sku LIKE ? ESCAPE '\\'))`);
      params.push(`%${escapeLike(input.text)}%`, `${escapeLike(input.text)}%`);
    }
    if (input.from !== undefined) {
      where.push('s.recorded_at >= ?');
      params.push(input.from);
    }
    if (input.to !== undefined) {
      where.push('s.recorded_at < ?');
      params.push(input.to);
    }
    const rows = this.db
      .prepare(
        `SELECT s.id AS saleId, s.order_number AS orderNumber, s.recorded_at AS recordedAt,
           s.nontaxable_cents + s.taxable_cents + s.tax_cents AS totalCents,
           (SELECT SUM(quantity) FROM sale_lines WHERE sale_id = s.id) AS itemCount,
           (SELECT group_concat(sku, char(31)) FROM sale_lines WHERE sale_id = s.id) AS skus
         FROM sales s ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
         ORDER BY s.recorded_at DESC, s.id DESC LIMIT ?`,
      )
      .all(...params, limit) as (Omit<FoundSale, 'skus'> & { skus: string | null })[];
    return rows.map((r) => ({ ...r, itemCount: r.itemCount ?? 0, skus: [...new Set((r.skus ?? '').split('\u001f').filter(Boolean))] }));
  }
}
