import type { AmountTotal } from '../../ui/AmountTable';
import type { LocalSale } from '../../../shared/heavytruckparts/records';
import { lineAmount, type CartLine, type SaleAddress } from '../../../shared/heavytruckparts/sale';
import { lineTotal } from '../../../shared/money';
import { money, when } from './format';

/** What a quote or a confirmation is made from: the cart as it is, or a sales document the app asked for. */
export interface SheetSource {
  lines: (Pick<CartLine, 'vendorId' | 'store' | 'inventoryId' | 'label' | 'quantity' | 'priceCents'> & Partial<Pick<CartLine, 'corePriceCents' | 'shippingCents' | 'taxCents'>>)[];
  billing: SaleAddress;
  shipping: SaleAddress;
  shippingMethod: string;
  comments: string;
  poNumber: string;
  userId: string;
  saleDate: string;
}

export interface SheetLine {
  text: string;
  detail: string;
  amount: string;
  left: boolean;
}

/** A quote (before the sales document) or a confirmation (after it), for the printer and the PDF alike. */
export interface SaleSheet {
  kind: 'quote' | 'confirmation';
  title: string;
  fileName: string;
  reference: string[];
  parties: { heading: string; lines: string[] }[];
  lines: SheetLine[];
  totals: AmountTotal[];
  notes: string[];
}

const addressLines = (a: SaleAddress) =>
  [a.contact, a.company, a.street, [a.city, a.state, a.postalCode].filter(Boolean).join(', '), a.country, a.phone && `Phone ${a.phone}`, a.email, a.fax && `Fax ${a.fax}`].filter((x): x is string => !!x);

function lineDetail(l: SheetSource['lines'][number]): string {
  const parts = [`${money(l.priceCents)} each`];
  if (l.corePriceCents) parts.push(`core ${money(l.corePriceCents)}`);
  if (l.shippingCents) parts.push(`shipping ${money(l.shippingCents)}`);
  if (l.taxCents) parts.push(`tax ${money(l.taxCents)}`);
  return `${l.vendorId}/${l.store}/${l.inventoryId} · ${parts.join(' · ')}`;
}

/** Only the lines HeavyTruckParts added count in a confirmation; every line in a quote. */
function leftOut(sale: LocalSale | null, l: SheetSource['lines'][number]): boolean {
  return (sale?.answer?.errors ?? []).some((e) => e.inventoryId === l.inventoryId && (!e.vendorId || e.vendorId === l.vendorId));
}

function totals(lines: SheetSource['lines']) {
  const sum = (f: (l: SheetSource['lines'][number]) => number | null | undefined) => lines.reduce((s, l) => s + lineTotal(f(l) ?? 0, l.quantity), 0);
  const rows = [
    { label: 'Parts', amount: sum((l) => l.priceCents) },
    { label: 'Core charges', amount: sum((l) => l.corePriceCents) },
    { label: 'Shipping', amount: sum((l) => l.shippingCents) },
    { label: 'Tax', amount: sum((l) => l.taxCents) },
  ].filter((r, i) => i === 0 || r.amount > 0);
  const total = lines.reduce((s, l) => s + lineAmount(l), 0);
  return [...rows.map((r) => ({ label: r.label, amount: money(r.amount) })), { label: 'Total', amount: money(total), strong: true }];
}

export function saleSheet(kind: SaleSheet['kind'], src: SheetSource, sale: LocalSale | null, now: Date): SaleSheet {
  const tx = sale?.onlineTransactionId ?? null;
  const reference = [
    kind === 'confirmation' && tx ? `Online transaction ${tx} at HeavyTruckParts` : `Prepared ${when(now.getTime())}`,
    sale?.answer?.created ? `Created ${sale.answer.created}` : null,
    src.poNumber ? `PO ${src.poNumber}` : null,
    src.userId ? `Customer (end user) ${src.userId}` : null,
    src.saleDate ? `Sale date ${src.saleDate}` : null,
    `Shipping: ${src.shippingMethod}`,
  ].filter((x): x is string => x !== null);
  const lines = src.lines.map((l) => ({ text: `${l.label || `Item ${l.inventoryId}`} × ${l.quantity}`, detail: lineDetail(l), amount: money(lineAmount(l)), left: kind === 'confirmation' && leftOut(sale, l) }));
  const counted = src.lines.filter((_, i) => !lines[i].left);
  const notes = [
    src.comments ? `Comments: ${src.comments}` : null,
    kind === 'quote' ? 'Prices as HeavyTruckParts gave them when this was prepared; the parts are not held.' : null,
    lines.some((l) => l.left) ? 'Lines marked “not added” were refused by HeavyTruckParts and are not in the total.' : null,
  ].filter((x): x is string => x !== null);
  const name = kind === 'quote' ? `quote-${now.toISOString().slice(0, 10)}${src.poNumber ? `-${src.poNumber}` : ''}` : `confirmation-${tx ?? sale?.id ?? 'pending'}`;
  return {
    kind,
    title: kind === 'quote' ? 'Quote' : 'Sales document confirmation',
    fileName: `${name.replace(/[^\w.-]+/g, '_')}.pdf`,
    reference,
    parties: [
      { heading: 'Bill to', lines: addressLines(src.billing) },
      { heading: 'Ship to', lines: addressLines(src.shipping) },
    ],
    lines: lines.map((l) => (l.left ? { ...l, amount: 'not added' } : l)),
    totals: totals(counted),
    notes,
  };
}
