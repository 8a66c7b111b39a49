import type { Formats } from '../../../shared/locale/formats';
import { lineTotal } from '../../../shared/money';
import { paymentLabels } from '../../../shared/sales/counter';
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

export function receiptModel(sale: SaleDetail, storeName: string, f: Formats): ReceiptModel {
  const lines = sale.lines.map((l) => ({
    text: `${f.number(l.quantity)} × ${l.name || l.sku} (${l.sku})${l.quantity > 1 ? ` @ ${f.money(l.unitPriceCents)}` : ''}${l.taxable ? ' T' : ''}`,
    amount: f.money(lineTotal(l.unitPriceCents, l.quantity)),
  }));
  const rate = sale.taxRateMilli !== null && sale.taxRateMilli !== undefined ? ` (${f.percentMilli(sale.taxRateMilli)})` : '';
  const totals: ReceiptModel['totals'] = [
    { label: 'Subtotal', amount: f.money(sale.nonTaxableCents + sale.taxableCents) },
    { label: `Tax${rate}`, amount: f.money(sale.taxCents) },
    { label: 'Total', amount: f.money(sale.totalCents), strong: true },
  ];
  const p = sale.payment;
  if (p) {
    totals.push({ label: `Paid by ${paymentLabels[p.method].toLowerCase()}`, amount: f.money(p.tenderedCents ?? sale.totalCents) });
    if (p.changeCents !== null) totals.push({ label: 'Change', amount: f.money(p.changeCents) });
  }
  const returned = sale.returns.reduce((n, r) => n + r.totalCents, 0);
  const footer = ['T = taxable item', ...(returned > 0 ? [`Returned since: ${f.money(returned)}`] : []), 'Thank you!'];
  return { storeName: storeName.trim(), orderNumber: sale.orderNumber, when: f.dateTime(sale.recordedAt), lines, totals, footer };
}
