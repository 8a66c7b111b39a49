import type { AmountLine, AmountTotal } from '../../ui/AmountTable';
import type { StoreProfile } from '../../../shared/contract/store-profile';
import type { Formats } from '../../../shared/locale/formats';
import { lineTotal } from '../../../shared/money';
import { paymentLabels, refundMethodLabels, returnReasonLabels } from '../../../shared/sales/counter';
import type { ReturnDetail, SaleDetail, TxLine } from '../../../shared/sales/schemas';

/** A receipt as lines of text, the same for the printed page and the PDF. */
export interface ReceiptModel {
  title: 'Receipt' | 'Refund receipt';
  storeName: string;
  /** The store's address lines and phone, under its name. */
  storeLines: string[];
  /** Printed as text and as a Code 128 barcode that the Returns screen reads. */
  orderNumber: string;
  when: string;
  lines: AmountLine[];
  totals: AmountTotal[];
  footer: string[];
}

type Store = Pick<StoreProfile, 'name' | 'address' | 'phone' | 'returnPolicy' | 'receiptFooter'>;

const nonEmpty = (lines: string[]) => lines.map((l) => l.trim()).filter((l) => l !== '');

function head(store: Store) {
  return { storeName: store.name.trim(), storeLines: nonEmpty([...store.address.split('\n'), store.phone ? `Tel. ${store.phone}` : '']) };
}

function itemLines(lines: TxLine[], f: Formats) {
  return lines.map((l) => ({
    text: `${f.number(l.quantity)} × ${l.name || l.sku} (${l.sku})${l.quantity > 1 ? ` @ ${f.money(l.unitPriceCents)}` : ''}${l.taxable ? ' T' : ''}`,
    amount: f.money(lineTotal(l.unitPriceCents, l.quantity)),
  }));
}

export function receiptModel(sale: SaleDetail, store: Store, f: Formats): ReceiptModel {
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
  const footer = nonEmpty(['T = taxable item', returned > 0 ? `Returned since: ${f.money(returned)}` : '', store.returnPolicy, store.receiptFooter]);
  return { title: 'Receipt', ...head(store), orderNumber: sale.orderNumber, when: f.dateTime(sale.recordedAt), lines: itemLines(sale.lines, f), totals, footer };
}

/** What one return gave back: its items, the tax refunded, the total and how it went back. */
export function refundReceiptModel(sale: SaleDetail, ret: ReturnDetail, store: Store, f: Formats): ReceiptModel {
  const totals: ReceiptModel['totals'] = [
    { label: 'Items', amount: f.money(ret.nonTaxableCents + ret.taxableCents) },
    { label: 'Tax refunded', amount: f.money(ret.taxCents) },
    { label: 'Refunded', amount: f.money(ret.totalCents), strong: true },
  ];
  if (ret.refundMethod) totals.push({ label: `Refund: ${refundMethodLabels[ret.refundMethod].toLowerCase()}`, amount: '' });
  const footer = nonEmpty([
    `Return of the sale of ${f.dateTime(sale.recordedAt)}`,
    ret.reason ? `Reason: ${returnReasonLabels[ret.reason]}` : '',
    store.returnPolicy,
    store.receiptFooter,
  ]);
  return { title: 'Refund receipt', ...head(store), orderNumber: sale.orderNumber, when: f.dateTime(ret.recordedAt), lines: itemLines(ret.lines, f), totals, footer };
}
