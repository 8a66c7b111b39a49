import { useEffect, useRef } from 'react';
import { refundMethodLabels } from '../../../shared/sales/counter';
import type { ReturnDetail, SaleDetail } from '../../../shared/sales/schemas';
import { useFormats, useStoreProfile } from '../../locale/formats';
import { ReceiptButtons, receiptKeys } from './Receipt';
import { refundReceiptModel } from './receipt-model';

/** What the return just recorded gave back, and its refund receipt (printed or saved as the store chose; P and S as well). */
export function RefundDone({ sale, ret }: { sale: SaleDetail; ret: ReturnDetail }) {
  const f = useFormats();
  const profile = useStoreProfile();
  const printRef = useRef<HTMLButtonElement>(null);
  const model = () => refundReceiptModel(sale, ret, profile.data!.profile, f);
  useEffect(() => printRef.current?.focus(), []);
  const items = ret.lines.reduce((n, l) => n + l.quantity, 0);
  return (
    <section className="card refund-done" aria-labelledby="refund-done-title" onKeyDown={receiptKeys(model)} data-testid="refund-done">
      <h3 id="refund-done-title" className="ok-message" role="status" data-testid="return-recorded">
        Return recorded: {f.count(items, 'item', 'items')} back, {f.money(ret.totalCents)} refunded
        {ret.refundMethod && ` (${refundMethodLabels[ret.refundMethod].toLowerCase()})`}.
      </h3>
      <ul data-testid="refund-lines">
        {ret.lines.map((l) => (
          <li key={l.saleLineId}>
            {f.number(l.quantity)} × {l.name || l.sku} ({l.sku}) · {f.money(l.unitPriceCents * l.quantity)}
          </li>
        ))}
        <li>Tax refunded · {f.money(ret.taxCents)}</li>
      </ul>
      <ReceiptButtons model={model} auto printRef={printRef} label="refund receipt" />
      <p className="muted">
        <kbd>P</kbd> prints the refund receipt · <kbd>S</kbd> saves it as a PDF. Its delivery to each vendor shows under “Returns of this sale”.
      </p>
    </section>
  );
}
