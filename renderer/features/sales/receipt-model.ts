import { formatDollars, lineTotal } from '../../../shared/money';
import { formatTaxRate, paymentLabels } from '../../../shared/sales/counter';
import type { SaleDetail } from '../../../shared/sales/schemas';

/** A receipt as lines of text, the same for the printed page and the PDF. */
export interface ReceiptModel {
  storeName: string;
  orderNumber: string;
  when: string;
  lines: { text: string; amount: string }[];
  totals: { label: string; amount: string; strong?: boolean }[];
  footer: string[];
}

export function receiptModel(sale: SaleDetail, storeName: string): ReceiptModel {
  const lines = sale.lines.map((l) => ({
    text: `${l.quantity} × ${l.name || l.sku} (${l.sku})${l.quantity > 1 ? ` @ ${formatDollars(l.unitPriceCents)}` : ''}${l.taxable ? ' T' : ''}`,
    amount: formatDollars(lineTotal(l.unitPriceCents, l.quantity)),
  }));
  const rate = sale.taxRateMilli !== null && sale.taxRateMilli !== undefined ? ` (${formatTaxRate(sale.taxRateMilli)}%)` : '';
  const totals: ReceiptModel['totals'] = [
    { label: 'Subtotal', amount: formatDollars(sale.nonTaxableCents + sale.taxableCents) },
    { label: `Tax${rate}`, amount: formatDollars(sale.taxCents) },
    { label: 'Total', amount: formatDollars(sale.totalCents), strong: true },
  ];
  const p = sale.payment;
  if (p) {
    totals.push({ label: `Paid by ${paymentLabels[p.method].toLowerCase()}`, amount: formatDollars(p.tenderedCents ?? sale.totalCents) });
    if (p.changeCents !== null) totals.push({ label: 'Change', amount: formatDollars(p.changeCents) });
  }
  const returned = sale.returns.reduce((n, r) => n + r.totalCents, 0);
  const footer = ['T = taxable item', ...(returned > 0 ? [`Returned since: ${formatDollars(returned)}`] : []), 'Thank you!'];
  return { storeName: storeName.trim() || 'Store name not set', orderNumber: sale.orderNumber, when: new Date(sale.recordedAt).toLocaleString(), lines, totals, footer };
}
