import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useFormats } from '../../locale/formats';
import { refundMethodLabels, refundMethods, returnReasonLabels, returnReasons, type RefundMethod, type ReturnReason } from '../../../shared/sales/counter';
import { returnSelection } from '../../../shared/sales/return-selection';
import type { SaleDetail } from '../../../shared/sales/schemas';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { DeliveryList } from './DeliveryStatus';
import { useRecordReturn } from './queries';
import { RefundDone } from './RefundDone';

function EarlierReturns({ sale }: { sale: SaleDetail }) {
  const f = useFormats();
  if (sale.returns.length === 0) return null;
  return (
    <section className="earlier-returns">
      <h3>Returns of this sale</h3>
      {sale.returns.map((r) => (
        <div key={r.id} className="card return-card" data-testid="return-card">
          <div>
            {f.dateTime(r.recordedAt)} · {r.lines.map((l) => `${f.number(l.quantity)} × ${l.sku}`).join(', ')} · {f.money(-r.totalCents)}
            {r.reason && ` · ${returnReasonLabels[r.reason]}`}
            {r.refundMethod && ` · refund: ${refundMethodLabels[r.refundMethod]}`}
          </div>
          <DeliveryList deliveries={r.deliveries} />
        </div>
      ))}
    </section>
  );
}

interface LinesProps {
  sale: SaleDetail;
  typed: Record<number, string>;
  invalid: Map<number, string>;
  onType: (saleLineId: number, value: string) => void;
}

function ReturnLines({ sale, typed, invalid, onType }: LinesProps) {
  const f = useFormats();
  const firstRef = useRef<HTMLInputElement>(null);
  // The sale found (by a scan, usually): the cursor waits in the first line that can come back.
  useEffect(() => firstRef.current?.focus(), []);
  const first = sale.lines.find((l) => l.returnableQuantity > 0)?.saleLineId;
  return (
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
            <td className="money">{f.money(l.unitPriceCents)}</td>
            <td className="money">{f.number(l.quantity)}</td>
            <td className="money">{f.number(l.returnedQuantity)}</td>
            <td>
              <input
                className="qty"
                inputMode="numeric"
                ref={l.saleLineId === first ? firstRef : undefined}
                aria-invalid={invalid.has(l.saleLineId)}
                aria-describedby={invalid.has(l.saleLineId) ? `return-quantity-problem-${l.saleLineId}` : undefined}
                disabled={l.returnableQuantity === 0}
                value={typed[l.saleLineId] ?? ''}
                placeholder="0"
                onChange={(e) => onType(l.saleLineId, e.target.value)}
                aria-label={`Quantity of ${l.sku} to return`}
                data-testid="return-quantity"
              />{' '}
              <span className="muted">of {f.number(l.returnableQuantity)}</span>
              {invalid.has(l.saleLineId) && (
                <div className="warning" id={`return-quantity-problem-${l.saleLineId}`} data-testid="return-quantity-problem">
                  {invalid.get(l.saleLineId)}
                </div>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Choose what comes back, at most what was sold minus what earlier returns took; Ctrl+Enter records it. */
export function ReturnForm({ sale }: { sale: SaleDetail }) {
  const record = useRecordReturn();
  const f = useFormats();
  const [typed, setTyped] = useState<Record<number, string>>({});
  const [taxText, setTaxText] = useState<string | null>(null);
  const [reason, setReason] = useState<ReturnReason | ''>('');
  const [refund, setRefund] = useState<RefundMethod>('original');
  const [done, setDone] = useState<number | null>(null);
  const reasonRef = useRef<HTMLSelectElement>(null);
  const selection = returnSelection(sale, typed, taxText, f);
  const ready = selection.ready && reason !== '' && !record.isPending;

  const submit = () => {
    // Items chosen but no reason yet: the cursor goes to the reason, one key from done.
    if (reason === '' && selection.chosen.length > 0) return reasonRef.current?.focus();
    if (reason === '' || !ready) return;
    const input = { orderNumber: sale.orderNumber, lines: selection.chosen, taxCents: selection.taxCents ?? 0, reason, refundMethod: refund };
    record.mutate(input, {
      onSuccess: (after) => {
        setTyped({});
        setTaxText(null);
        setReason('');
        setDone(Math.max(...after.returns.map((r) => r.id)));
      },
    });
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
        Order {sale.orderNumber} · {f.dateTime(sale.recordedAt)} · {f.money(sale.totalCents)}
      </h2>
      <ReturnLines sale={sale} typed={typed} invalid={selection.invalid} onType={(id, value) => setTyped({ ...typed, [id]: value })} />
      <div className="return-footer">
        <label>
          Reason
          <select ref={reasonRef} value={reason} onChange={(e) => setReason(e.target.value as ReturnReason | '')} aria-invalid={reason === '' && selection.chosen.length > 0} data-testid="return-reason">
            <option value="">Choose…</option>
            {returnReasons.map((r) => (
              <option key={r} value={r}>
                {returnReasonLabels[r]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Refund
          <select value={refund} onChange={(e) => setRefund(e.target.value as RefundMethod)} data-testid="return-refund-method">
            {refundMethods.map((m) => (
              <option key={m} value={m}>
                {refundMethodLabels[m]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Tax refunded
          <input
            className="price"
            value={taxText ?? f.amount(selection.suggestedTaxCents)}
            inputMode="decimal"
            onChange={(e) => setTaxText(e.target.value)}
            aria-invalid={selection.taxProblem !== null}
            aria-describedby={selection.taxProblem ? 'return-tax-problem' : undefined}
            data-testid="return-tax"
          />
        </label>
        <span className="muted">Suggested from the sale’s tax; {f.money(sale.taxRefundableCents)} left to refund.</span>
        {selection.chosen.length > 0 && <strong data-testid="return-total">Refund {f.money(selection.totalCents)}</strong>}
        <button type="button" onClick={submit} disabled={!ready} data-testid="return-record">
          {record.isPending ? 'Recording…' : 'Record return (Ctrl+Enter)'}
        </button>
      </div>
      {selection.taxProblem && (
        <p className="warning" id="return-tax-problem" data-testid="return-tax-problem">
          {selection.taxProblem}
        </p>
      )}
      {selection.chosen.length > 0 && reason === '' && (
        <p className="muted" data-testid="return-reason-needed">
          Choose the reason for the return.
        </p>
      )}
      <p className="muted">SimpleConsign records it as a RETURN under order {sale.orderNumber}; TRAX (IFPOS) gets the sale again with this return as a credit.</p>
      <ErrorMessage error={record.error} testId="return-error" />
      {done !== null && sale.returns.some((r) => r.id === done) && selection.chosen.length === 0 && <RefundDone sale={sale} ret={sale.returns.find((r) => r.id === done)!} />}
      <EarlierReturns sale={sale} />
    </div>
  );
}
