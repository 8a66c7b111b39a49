import { useState, type KeyboardEvent } from 'react';
import { centsToDecimal, formatDollars, lineTotal, parseDollars } from '../../../shared/money';
import type { SaleDetail } from '../../../shared/sales/schemas';
import { proportionalTax } from '../../../shared/sales/totals';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { DeliveryList } from './DeliveryStatus';
import { useRecordReturn } from './queries';

function EarlierReturns({ sale }: { sale: SaleDetail }) {
  if (sale.returns.length === 0) return null;
  return (
    <section className="earlier-returns">
      <h3>Returns of this sale</h3>
      {sale.returns.map((r) => (
        <div key={r.id} className="card return-card" data-testid="return-card">
          <div>
            {new Date(r.recordedAt).toLocaleString()} · {r.lines.map((l) => `${l.quantity} × ${l.sku}`).join(', ')} · −{formatDollars(r.totalCents)}
          </div>
          <DeliveryList deliveries={r.deliveries} />
        </div>
      ))}
    </section>
  );
}

/** Choose what comes back, at most what was sold minus what earlier returns took; Ctrl+Enter records it. */
export function ReturnForm({ sale }: { sale: SaleDetail }) {
  const record = useRecordReturn();
  const [qty, setQty] = useState<Record<number, string>>({});
  const [taxText, setTaxText] = useState<string | null>(null);
  const chosen = sale.lines.map((l) => ({ line: l, quantity: Number(qty[l.saleLineId] ?? '0') })).filter((c) => c.quantity !== 0);
  const over = chosen.filter((c) => !Number.isInteger(c.quantity) || c.quantity < 0 || c.quantity > c.line.returnableQuantity);
  const taxableBack = chosen.filter((c) => c.line.taxable).reduce((n, c) => n + lineTotal(c.line.unitPriceCents, Math.max(0, Math.floor(c.quantity))), 0);
  const suggested = proportionalTax(sale.taxableCents, sale.taxCents, taxableBack, sale.taxRefundableCents);
  const taxCents = taxText === null ? suggested : parseDollars(taxText);
  const total = chosen.reduce((n, c) => n + (over.includes(c) ? 0 : lineTotal(c.line.unitPriceCents, c.quantity)), 0) + (taxCents ?? 0);
  const ready = chosen.length > 0 && over.length === 0 && taxCents !== null && taxCents >= 0 && !record.isPending;

  const submit = () => {
    if (!ready) return;
    const lines = chosen.map((c) => ({ saleLineId: c.line.saleLineId, quantity: c.quantity }));
    record.mutate({ orderNumber: sale.orderNumber, lines, taxCents: taxCents ?? 0 }, { onSuccess: () => (setQty({}), setTaxText(null)) });
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      submit();
    }
  };

  return (
    <div className="return-form" onKeyDown={onKeyDown} data-testid="return-form">
      <h2>
        Order {sale.orderNumber} · {new Date(sale.recordedAt).toLocaleString()} · {formatDollars(sale.totalCents)}
      </h2>
      <table className="table">
        <thead>
          <tr>
            <th>SKU</th>
            <th>Name</th>
            <th className="money">Unit price</th>
            <th className="money">Sold</th>
            <th className="money">Returned</th>
            <th>Return now</th>
          </tr>
        </thead>
        <tbody>
          {sale.lines.map((l) => (
            <tr key={l.saleLineId} data-testid="return-line" data-sku={l.sku}>
              <td>{l.sku}</td>
              <td>{l.name}</td>
              <td className="money">{formatDollars(l.unitPriceCents)}</td>
              <td className="money">{l.quantity}</td>
              <td className="money">{l.returnedQuantity}</td>
              <td>
                <input
                  className="qty"
                  type="number"
                  min={0}
                  max={l.returnableQuantity}
                  disabled={l.returnableQuantity === 0}
                  value={qty[l.saleLineId] ?? ''}
                  placeholder="0"
                  onChange={(e) => setQty({ ...qty, [l.saleLineId]: e.target.value })}
                  data-testid="return-quantity"
                />{' '}
                <span className="muted">of {l.returnableQuantity}</span>
                {over.some((c) => c.line === l) && <div className="warning">At most {l.returnableQuantity} can be returned.</div>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="return-footer">
        <label>
          Tax refunded ($)
          <input className="price" value={taxText ?? centsToDecimal(suggested)} onChange={(e) => setTaxText(e.target.value)} data-testid="return-tax" />
        </label>
        <span className="muted">Suggested from the sale’s tax; {formatDollars(sale.taxRefundableCents)} left to refund.</span>
        <strong data-testid="return-total">Refund {formatDollars(total)}</strong>
        <button type="button" onClick={submit} disabled={!ready} data-testid="return-record">
          {record.isPending ? 'Recording…' : 'Record return (Ctrl+Enter)'}
        </button>
      </div>
      <p className="muted">SimpleConsign records it as a RETURN under order {sale.orderNumber}; TRAX (IFPOS) gets the sale again with this return as a credit.</p>
      <ErrorMessage error={record.error} testId="return-error" />
      {record.isSuccess && (
        <p className="ok-message" role="status" data-testid="return-recorded">
          Return recorded. Its delivery to each vendor shows below.
        </p>
      )}
      <EarlierReturns sale={sale} />
    </div>
  );
}
