import { useFormats } from '../../locale/formats';
import { paymentLabels, paymentMethods, type PaymentMethod } from '../../../shared/sales/counter';
import type { SaleFigures } from './sale-figures';
import { useSaleDraft } from './sale-store';

function Problem({ id, text }: { id: string; text: string | undefined }) {
  if (!text) return null;
  return (
    <span className="warning field-problem" id={id} data-testid={id}>
      {text}
    </span>
  );
}

/** Tax rate, payment, cash tendered and order number, each checked where it is typed. */
export function SalePayment({ figures }: { figures: SaleFigures }) {
  const { taxRate, paymentMethod, tendered, orderNumber, set } = useSaleDraft();
  const p = figures.problems;
  const f = useFormats();
  return (
    <div className="sale-meta">
      <div className="sale-meta-row">
        <label>
          Tax rate (%)
          <input className="price" inputMode="decimal" value={taxRate} onChange={(e) => set({ taxRate: e.target.value })} aria-invalid={!!p.taxRate} aria-describedby={p.taxRate ? 'sale-tax-rate-problem' : undefined} data-testid="sale-tax-rate" />
        </label>
        <label>
          Payment
          <select value={paymentMethod} onChange={(e) => set({ paymentMethod: e.target.value as PaymentMethod })} data-testid="sale-payment-method">
            {paymentMethods.map((m) => (
              <option key={m} value={m}>
                {paymentLabels[m]}
              </option>
            ))}
          </select>
        </label>
        {paymentMethod === 'cash' && (
          <label>
            Cash tendered
            <input className="price" inputMode="decimal" value={tendered} onChange={(e) => set({ tendered: e.target.value })} aria-invalid={!!p.tendered} aria-describedby={p.tendered ? 'sale-tendered-problem' : undefined} placeholder="Optional" data-testid="sale-tendered" />
          </label>
        )}
        <label>
          Order number
          <input value={orderNumber} onChange={(e) => set({ orderNumber: e.target.value })} aria-invalid={!!p.orderNumber} aria-describedby={p.orderNumber ? 'sale-order-problem' : undefined} data-testid="sale-order-number" placeholder="Made when empty" maxLength={30} />
        </label>
      </div>
      <Problem id="sale-tax-rate-problem" text={p.taxRate} />
      <Problem id="sale-tendered-problem" text={p.tendered} />
      <Problem id="sale-order-problem" text={p.orderNumber} />
      <Problem id="sale-lines-problem" text={p.lines} />
      {figures.changeCents !== null && (
        <p className="change-due" data-testid="sale-change">
          Change due: <strong>{f.money(figures.changeCents)}</strong>
        </p>
      )}
      <p className="muted vendor-note" data-testid="sale-vendor-note">
        SimpleConsign receives the items, the taxable and non-taxable totals and the tax. TRAX (IFPOS) receives the sale amount without tax and delivery, and returns
        as credits.
      </p>
    </div>
  );
}
