import type { DeliveryLine, TransactionToDeliver } from './destination';
import type { SaleLineRow, SaleRow, SalesRepo } from './sales-repo';

/** A sale as recorded, with its returns oldest first. */
export interface SalePicture {
  sale: SaleRow;
  lines: SaleLineRow[];
  returns: { id: number; recordedAt: number; taxCents: number; lines: { saleLineId: number; quantity: number }[] }[];
}

export function loadPicture(sales: SalesRepo, saleId: number): SalePicture {
  const sale = sales.saleById(saleId);
  if (!sale) throw new Error(`sale ${saleId} is missing`);
  const returnLines = sales.returnLinesOfSale(saleId);
  return {
    sale,
    lines: sales.linesOf(saleId),
    returns: sales.returnsOf(saleId).map((r) => ({ id: r.id, recordedAt: r.recordedAt, taxCents: r.taxCents, lines: returnLines.filter((l) => l.returnId === r.id) })),
  };
}

const deliveryLine = (l: SaleLineRow, quantity: number): DeliveryLine => ({ sku: l.sku, name: l.name, unitPriceCents: l.unitPriceCents, quantity, taxable: l.taxable });

/**
 * What a destination is given. A sale carries no returns; a return carries the returns up to and including
 * itself, so each delivery describes the sale as it stood right after that transaction and a vendor keeping
 * one record per sale (IFPOS) ends with the right picture whatever order retries happen in.
 */
export function composeTransaction(
  p: SalePicture,
  target: { kind: 'SALE' } | { kind: 'RETURN'; returnId: number },
  attempt: number,
  previousAttemptUncertain: boolean,
  emptyAnswers = 0,
): TransactionToDeliver {
  const byId = new Map(p.lines.map((l) => [l.id, l]));
  const upTo = target.kind === 'SALE' ? 0 : p.returns.findIndex((r) => r.id === target.returnId) + 1;
  if (target.kind === 'RETURN' && upTo === 0) throw new Error(`return ${target.returnId} is missing`);
  const returns = p.returns.slice(0, upTo).map((r) => ({
    transactionId: r.id,
    recordedAt: r.recordedAt,
    taxCents: r.taxCents,
    lines: r.lines.map((l) => deliveryLine(byId.get(l.saleLineId)!, l.quantity)),
  }));
  const sale = { orderNumber: p.sale.orderNumber, recordedAt: p.sale.recordedAt, lines: p.lines.map((l) => deliveryLine(l, l.quantity)), taxCents: p.sale.taxCents, returns };
  const common = { orderNumber: p.sale.orderNumber, sale, attempt, previousAttemptUncertain, emptyAnswers, customer: p.sale.customer ?? null };
  if (target.kind === 'SALE') return { ...common, transactionId: p.sale.id, kind: 'SALE', recordedAt: sale.recordedAt, lines: sale.lines, taxCents: sale.taxCents };
  const ret = returns[upTo - 1];
  return { ...common, transactionId: ret.transactionId, kind: 'RETURN', recordedAt: ret.recordedAt, lines: ret.lines, taxCents: ret.taxCents };
}

/** The transaction for one outbox entry, read from the store at send time. */
export function buildTransaction(
  sales: SalesRepo,
  entry: { kind: 'SALE' | 'RETURN'; saleId: number; returnId: number | null; attempts: number; mayHaveApplied: boolean; emptyAnswers?: number },
): TransactionToDeliver {
  const target = entry.kind === 'SALE' ? { kind: 'SALE' as const } : { kind: 'RETURN' as const, returnId: entry.returnId! };
  return composeTransaction(loadPicture(sales, entry.saleId), target, entry.attempts, entry.mayHaveApplied, entry.emptyAnswers ?? 0);
}
