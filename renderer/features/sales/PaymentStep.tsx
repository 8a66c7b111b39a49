import { useEffect, useRef, type KeyboardEvent } from 'react';
import { paymentLabels, paymentMethods, type PaymentMethod } from '../../../shared/sales/counter';
import { quickCashAmounts } from '../../../shared/sales/quick-amounts';
import { useFormats } from '../../locale/formats';
import type { SaleFigures } from './sale-figures';
import { useSaleDraft } from './sale-store';

/** F5, F6, F7: the quick cash amounts, each finishing the sale at once. */
const QUICK_KEYS = ['F5', 'F6', 'F7'];

/**
 * The payment step, as a register's: the total large, the method, quick cash amounts, the change due. Enter finishes
 * (cash left empty is the exact amount), F5–F7 pay a round note and finish, Esc goes back to the sale.
 */
export function PaymentStep({ figures, onFinish, onClose }: { figures: SaleFigures; onFinish: () => void; onClose: () => void }) {
  const f = useFormats();
  const ref = useRef<HTMLDialogElement>(null);
  const cashRef = useRef<HTMLInputElement>(null);
  const { paymentMethod, tendered, set } = useSaleDraft();
  const total = figures.totals.totalCents;
  const quick = quickCashAmounts(total);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    cashRef.current?.focus();
  }, []);
  const finish = () => {
    if (figures.problems.tendered) return cashRef.current?.focus();
    // Cash left empty is the exact amount, so the change due (none) is said and printed.
    if (paymentMethod === 'cash' && tendered.trim() === '') set({ tendered: f.amount(total) });
    onFinish();
  };
  const pay = (cents: number) => {
    set({ paymentMethod: 'cash', tendered: f.amount(cents) });
    onFinish();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const q = QUICK_KEYS.indexOf(e.key);
    if (q >= 0 && quick[q] !== undefined) return (e.preventDefault(), pay(quick[q]));
    if (e.key === 'Enter' && !(e.target instanceof HTMLButtonElement)) return (e.preventDefault(), finish());
  };
  const choose = (m: PaymentMethod) => set({ paymentMethod: m, ...(m === 'cash' ? {} : { tendered: '' }) });
  return (
    <dialog ref={ref} className="confirm-dialog payment-step" aria-labelledby="payment-title" onCancel={(e) => (e.preventDefault(), onClose())} onKeyDown={onKeyDown} data-testid="payment-step">
      <h2 id="payment-title">
        Total <span className="payment-total" data-testid="payment-total">{f.money(total)}</span>
      </h2>
      <fieldset className="payment-methods">
        <legend>Paid by</legend>
        {paymentMethods.map((m) => (
          <label key={m} className="checkbox">
            <input type="radio" name="payment-method" checked={paymentMethod === m} onChange={() => choose(m)} data-testid={`payment-method-${m}`} /> {paymentLabels[m]}
          </label>
        ))}
      </fieldset>
      {paymentMethod === 'cash' && (
        <>
          <label className="payment-cash">
            Cash handed over (empty: the exact amount)
            <input
              ref={cashRef}
              className="price"
              inputMode="decimal"
              value={tendered}
              placeholder={f.amount(total)}
              onChange={(e) => set({ tendered: e.target.value })}
              aria-invalid={!!figures.problems.tendered}
              aria-describedby={figures.problems.tendered ? 'payment-cash-problem' : undefined}
              data-testid="payment-tendered"
            />
          </label>
          {figures.problems.tendered && (
            <p className="warning" id="payment-cash-problem" data-testid="payment-tendered-problem">
              {figures.problems.tendered}
            </p>
          )}
          <div className="quick-amounts" role="group" aria-label="Quick cash amounts">
            <button type="button" className="secondary" onClick={() => pay(total)} data-testid="payment-exact">
              Exact {f.money(total)} <kbd>Enter</kbd>
            </button>
            {quick.map((cents, i) => (
              <button key={cents} type="button" className="secondary" onClick={() => pay(cents)} data-testid="payment-quick">
                {f.money(cents)} <kbd>{QUICK_KEYS[i]}</kbd>
              </button>
            ))}
          </div>
          {figures.changeCents !== null && (
            <p className="change-due" data-testid="payment-change">
              Change due <strong>{f.money(figures.changeCents)}</strong>
            </p>
          )}
        </>
      )}
      <div className="dialog-actions">
        <button type="button" className="secondary" onClick={onClose} data-testid="payment-back">
          Back to the sale <kbd>Esc</kbd>
        </button>
        <button type="button" onClick={finish} data-testid="payment-finish">
          Finish sale <kbd>Enter</kbd>
        </button>
      </div>
    </dialog>
  );
}
