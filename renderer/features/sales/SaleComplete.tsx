import type { Formats } from '../../../shared/locale/formats';
import { paymentLabels } from '../../../shared/sales/counter';
import type { Delivery } from '../../../shared/sales/schemas';
import { useFormats } from '../../locale/formats';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { useSale } from './queries';
import { ReceiptActions, useReceiptKeys, useSaleReceipt } from './Receipt';

/** Where the sale stands with the vendors, in a few words: the vendors' own answers are in History. */
export function deliveryInWords(deliveries: Delivery[], f: Formats): string {
  if (deliveries.length === 0) return 'Not sent to any vendor: none is turned on.';
  const names = [...new Set(deliveries.map((d) => d.destinationName))].join(' and ');
  const attention = deliveries.filter((d) => d.state === 'failed' || d.state === 'uncertain').length;
  if (attention > 0) return `${f.count(attention, 'delivery needs', 'deliveries need')} attention: see History.`;
  if (deliveries.every((d) => d.state === 'sent' || d.state === 'cancelled')) return `Sent to ${names}.`;
  return `On its way to ${names}.`;
}

/**
 * The end of a sale, for the customer at the counter: the change due, large; the receipt (Ctrl+P prints it, Ctrl+S
 * saves it); where the sale stands with the vendors in a few words. The cursor stays in the SKU field, so the next
 * scan starts the next sale and clears this away; none of its keys can print or save.
 */
export function SaleComplete({ orderNumber }: { orderNumber: string }) {
  const sale = useSale({ orderNumber });
  const f = useFormats();
  const model = useSaleReceipt(sale.data);
  useReceiptKeys(sale.data ? model : null);
  if (!sale.data) return <ErrorMessage error={sale.error} />;
  const p = sale.data.payment;
  return (
    <section className="card sale-complete last-recorded" aria-labelledby="sale-complete-title" data-testid="last-recorded">
      <h2 id="sale-complete-title" className="small-heading">
        Sale <span data-testid="last-recorded-order">{sale.data.orderNumber}</span> recorded · total {f.money(sale.data.totalCents)}
        {p && ` · ${paymentLabels[p.method].toLowerCase()}${p.tenderedCents !== null ? ` ${f.money(p.tenderedCents)}` : ''}`}
      </h2>
      {p?.changeCents != null && (
        <p className="change-due-large" role="status" data-testid="sale-complete-change">
          Change due <strong>{f.money(p.changeCents)}</strong>
        </p>
      )}
      <ReceiptActions sale={sale.data} auto />
      <p className="muted">
        <kbd>Ctrl</kbd>+<kbd>P</kbd> prints the receipt · <kbd>Ctrl</kbd>+<kbd>S</kbd> saves it as a PDF · scan the next item to start the next sale.
      </p>
      <p className="muted" data-testid="last-recorded-delivery">
        {deliveryInWords(sale.data.deliveries, f)}
      </p>
    </section>
  );
}
