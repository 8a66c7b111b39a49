import { lineTotal } from '../../../shared/money';
import { useFormats, useStoreProfile } from '../../locale/formats';
import { paymentLabels, refundMethodLabels, returnReasonLabels } from '../../../shared/sales/counter';
import type { HistoryRow } from '../../../shared/sales/schemas';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { useSale } from './queries';
import { ReceiptActions, ReceiptButtons } from './Receipt';
import { refundReceiptModel } from './receipt-model';

/** The lines of one sale or return in history, with its payment or reason, and the receipt again for a sale. */
export function HistoryItems({ row }: { row: HistoryRow }) {
  const sale = useSale({ saleId: row.saleId });
  const f = useFormats();
  const profile = useStoreProfile();
  if (!sale.data) return <ErrorMessage error={sale.error} />;
  const ret = row.kind === 'RETURN' ? sale.data.returns.find((r) => r.id === row.id) : undefined;
  const lines = ret ? ret.lines : sale.data.lines;
  const p = sale.data.payment;
  return (
    <div className="history-items" data-testid="history-items">
      <table className="table compact">
        <thead>
          <tr>
            <th>SKU</th>
            <th>Name</th>
            <th className="money">Qty</th>
            <th className="money">Unit price</th>
            <th className="money">Line total</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l) => (
            <tr key={l.saleLineId} data-testid="history-item" data-sku={l.sku}>
              <td>{l.sku}</td>
              <td>
                {l.name}
                {l.taxable && <span className="muted"> · taxable</span>}
              </td>
              <td className="money">{f.number(l.quantity)}</td>
              <td className="money">{f.money(l.unitPriceCents)}</td>
              <td className="money">{f.money(lineTotal(l.unitPriceCents, l.quantity))}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">
        Tax {f.money(ret ? ret.taxCents : sale.data.taxCents)}
        {!ret && p && ` · paid by ${paymentLabels[p.method].toLowerCase()}`}
        {!ret && p?.changeCents != null && ` · change ${f.money(p.changeCents)}`}
        {ret?.reason && ` · reason: ${returnReasonLabels[ret.reason]}`}
        {ret?.refundMethod && ` · refund: ${refundMethodLabels[ret.refundMethod]}`}
      </p>
      {ret ? <ReceiptButtons model={() => refundReceiptModel(sale.data!, ret, profile.data!.profile, f)} label="refund receipt" /> : <ReceiptActions sale={sale.data} />}
    </div>
  );
}
