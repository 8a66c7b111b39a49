import { useEffect } from 'react';
import { refundMethodLabels } from '../../../shared/sales/counter';
import type { ReturnDetail, SaleDetail } from '../../../shared/sales/schemas';
import { useFormats, useStoreProfile } from '../../locale/formats';
import { ReceiptButtons, useReceiptKeys } from './Receipt';
import { refundReceiptModel } from './receipt-model';

/**
 * What the return just recorded gave back, and its refund receipt (printed or saved as the store chose; Ctrl+P and
 * Ctrl+S as well). The cursor goes back to finding a sale, so the next receipt scanned is looked up, never printed.
 */
export function RefundDone({ sale, ret }: { sale: SaleDetail; ret: ReturnDetail }) {
  const f = useFormats();
  const profile = useStoreProfile();
  const model = () => refundReceiptModel(sale, ret, profile.data!.profile, f);
  useReceiptKeys(model);
  useEffect(() => {
    // Selected, so the next scan or typed number replaces the order number found before.
    const find = document.getElementById('return-find-order');
    if (!(find instanceof HTMLInputElement)) return;
    find.focus();
    find.select();
  }, []);
  const items = ret.lines.reduce((n, l) => n + l.quantity, 0);
  return (
    <section className="card refund-done" aria-labelledby="refund-done-title" data-testid="refund-done">
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
      <ReceiptButtons model={model} auto label="refund receipt" />
      <p className="muted">
        <kbd>Ctrl</kbd>+<kbd>P</kbd> prints the refund receipt · <kbd>Ctrl</kbd>+<kbd>S</kbd> saves it as a PDF. Its delivery to each vendor shows under “Returns of this sale”.
      </p>
    </section>
  );
}
