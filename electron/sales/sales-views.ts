import type { DeliveryState, Delivery, HistoryInput, HistoryPage, ReturnDetail, SaleDetail, SalesSummary } from '../../shared/sales/schemas';
import { attentionStates, historyInputSchema, pendingStates } from '../../shared/sales/schemas';
import type { AppMode } from '../../shared/connections';
import { vendors } from '../../shared/vendors';
import { AppError } from '../core/app-error';
import type { Destination } from './destination';
import type { OutboxRepo, OutboxRow } from './outbox-repo';
import type { StoreView } from './store-share';
import type { ReturnLineRow, ReturnRow, SaleLineRow, SaleRow, SalesRepo } from './sales-repo';

const amountsOf = (r: Pick<SaleRow, 'nonTaxableCents' | 'taxableCents' | 'taxCents'>) => ({
  nonTaxableCents: r.nonTaxableCents,
  taxableCents: r.taxableCents,
  taxCents: r.taxCents,
  totalCents: r.nonTaxableCents + r.taxableCents + r.taxCents,
});

/** Read side of sales: what history, the sale view and the status bar show. */
export class SalesViews {
  constructor(
    private readonly deps: { sales: SalesRepo; outbox: OutboxRepo; destinations: Destination[]; now: () => number; mode: AppMode; store?: () => StoreView | null },
  ) {}

  delivery(row: OutboxRow): Delivery {
    const dest = this.deps.destinations.find((d) => d.id === row.destination);
    const moving = row.state === 'waiting' || row.state === 'retrying';
    return {
      id: row.id,
      destination: row.destination,
      destinationName: dest?.name ?? vendors[row.destination].name,
      state: row.state,
      attempts: row.attempts,
      nextAttemptAt: moving ? row.nextAttemptAt : null,
      lastReason: row.lastReason,
      action: row.action,
      summary: row.summary,
      held: row.held,
      updatedAt: row.updatedAt,
      sentAt: row.sentAt,
    };
  }

  findSale(by: { orderNumber?: string; saleId?: number }): SaleRow {
    const sale = by.saleId !== undefined ? this.deps.sales.saleById(by.saleId) : this.deps.sales.saleByOrderNumber(by.orderNumber ?? '');
    if (!sale) {
      const which = by.saleId !== undefined ? `id ${by.saleId}` : `order number “${by.orderNumber}”`;
      throw new AppError('not-found', `No sale with ${which} is recorded in this app. Check the number, or pick the sale from history.`);
    }
    return sale;
  }

  sale(by: { orderNumber?: string; saleId?: number }): SaleDetail {
    const { sales, outbox } = this.deps;
    const sale = this.findSale(by);
    const lines = sales.linesOf(sale.id);
    const returned = sales.returnedQuantities(sale.id);
    const returns = sales.returnsOf(sale.id);
    const deliveries = outbox.forSale(sale.id);
    const refunded = returns.reduce((sum, r) => sum + r.taxCents, 0);
    return {
      id: sale.id,
      orderNumber: sale.orderNumber,
      recordedAt: sale.recordedAt,
      lines: lines.map((l) => {
        const returnedQuantity = returned.get(l.id) ?? 0;
        return { ...txLine(l, l.quantity), returnedQuantity, returnableQuantity: l.quantity - returnedQuantity };
      }),
      ...amountsOf(sale),
      taxRefundableCents: Math.max(0, sale.taxCents - refunded),
      customer: sale.customer ?? null,
      deliveries: deliveries.filter((d) => d.kind === 'SALE').map((d) => this.delivery(d)),
      returns: this.returnDetails(returns, lines, sales.returnLinesOfSale(sale.id), deliveries),
    };
  }

  private returnDetails(returns: ReturnRow[], lines: SaleLineRow[], returnLines: ReturnLineRow[], deliveries: OutboxRow[]): ReturnDetail[] {
    const byId = new Map(lines.map((l) => [l.id, l]));
    return returns.map((r) => ({
      id: r.id,
      recordedAt: r.recordedAt,
      lines: returnLines.filter((rl) => rl.returnId === r.id).map((rl) => txLine(byId.get(rl.saleLineId)!, rl.quantity)),
      ...amountsOf(r),
      deliveries: deliveries.filter((d) => d.returnId === r.id).map((d) => this.delivery(d)),
    }));
  }

  history(raw: HistoryInput): HistoryPage {
    const input = historyInputSchema.parse(raw);
    const { rows, total } = this.deps.sales.history(input);
    const deliveries = this.deps.outbox.forSales([...new Set(rows.map((r) => r.saleId))]);
    return {
      rows: rows.map((r) => ({
        kind: r.kind,
        mode: this.deps.mode,
        id: r.id,
        saleId: r.saleId,
        orderNumber: r.orderNumber,
        recordedAt: r.recordedAt,
        recordedOn: r.origin ?? null,
        itemCount: r.itemCount ?? 0,
        ...amountsOf(r),
        deliveries: deliveries
          .filter((d) => d.saleId === r.saleId && d.kind === r.kind && (r.kind === 'SALE' || d.returnId === r.id))
          .map((d) => this.delivery(d)),
      })),
      total,
      page: input.page,
      pageSize: input.pageSize,
      pending: this.deps.outbox.anyPending(),
      store: this.deps.store?.() ?? null,
    };
  }

  /** Before a mode switch: what stays behind in this mode. */
  async pendingWork(): Promise<string[]> {
    return pendingSentences(await this.summary(), this.deps.outbox.countsByState());
  }

  async summary(): Promise<SalesSummary> {
    const counts = this.deps.outbox.countsByState();
    const sum = (pred: (c: (typeof counts)[number]) => boolean) => counts.filter(pred).reduce((n, c) => n + c.n, 0);
    const now = this.deps.now();
    const held = this.deps.outbox.heldByDestination();
    const destinations = await Promise.all(
      this.deps.destinations.map(async (d) => {
        const own = this.deps.outbox.pauseOf(d.id);
        const shared = d.pausedUntil?.() ?? null;
        const paused = [own, shared].filter((p): p is { until: number; reason: string } => !!p && p.until > now).sort((a, b) => b.until - a.until)[0];
        const waiting = sum((c) => c.destination === d.id && pendingStates.includes(c.state));
        const off = waiting > 0 && !(await d.isEnabled().catch(() => false));
        return {
          id: d.id,
          name: d.name,
          waiting,
          held: held.get(d.id) ?? 0,
          pausedUntil: paused?.until ?? null,
          pauseReason: paused?.reason ?? (off ? `${d.name} is turned off; its deliveries wait until it is turned on again.` : null),
        };
      }),
    );
    return {
      waiting: sum((c) => pendingStates.includes(c.state)),
      held: [...held.values()].reduce((a, b) => a + b, 0),
      attention: sum((c) => attentionStates.includes(c.state)),
      destinations,
    };
  }
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** One sentence per vendor with deliveries still on their way or stopped for a person; none when all is settled. */
export function pendingSentences(summary: SalesSummary, counts: { destination: string; state: DeliveryState; n: number }[]): string[] {
  return summary.destinations.flatMap((d) => {
    const attention = counts.filter((c) => c.destination === d.id && attentionStates.includes(c.state)).reduce((n, c) => n + c.n, 0);
    const parts: string[] = [];
    if (d.waiting > 0) parts.push(`${plural(d.waiting, 'delivery is', 'deliveries are')} still on the way${d.held > 0 ? ` (${d.held} held behind one that needs a person)` : ''}`);
    if (attention > 0) parts.push(`${plural(attention, 'delivery needs', 'deliveries need')} a person (failed or uncertain)`);
    return parts.length > 0 ? [`${d.name}: ${parts.join('; ')}.`] : [];
  });
}

function txLine(l: SaleLineRow, quantity: number) {
  return { saleLineId: l.id, sku: l.sku, name: l.name, unitPriceCents: l.unitPriceCents, quantity, taxable: l.taxable };
}
