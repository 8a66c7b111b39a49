import { useEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { formatDollars, parseDollars } from '../../../shared/money';
import { totalsOf } from '../../../shared/sales/totals';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { CustomerFields, customerInput, useCustomerDraft } from './CustomerFields';
import { DeliveryList } from './DeliveryStatus';
import { EntryRow } from './EntryRow';
import { useRecordSale, useSale } from './queries';
import { SaleLines } from './SaleLines';
import { useSaleDraft } from './sale-store';

/** The sale just recorded, with each vendor's delivery as it happens. */
function LastRecorded({ orderNumber }: { orderNumber: string }) {
  const sale = useSale({ orderNumber });
  if (!sale.data) return <ErrorMessage error={sale.error} />;
  return (
    <section className="card last-recorded" data-testid="last-recorded">
      <h3>
        Recorded sale <span data-testid="last-recorded-order">{sale.data.orderNumber}</span> · {formatDollars(sale.data.totalCents)}
      </h3>
      <DeliveryList deliveries={sale.data.deliveries} />
    </section>
  );
}

function Totals({ taxCents }: { taxCents: number | null }) {
  const lines = useSaleDraft((s) => s.lines);
  const t = totalsOf(lines, taxCents ?? 0);
  return (
    <dl className="sale-totals" data-testid="sale-totals">
      <dt>Non-taxable</dt>
      <dd data-testid="total-nontaxable">{formatDollars(t.nonTaxableCents)}</dd>
      <dt>Taxable</dt>
      <dd data-testid="total-taxable">{formatDollars(t.taxableCents)}</dd>
      <dt>Tax</dt>
      <dd data-testid="total-tax">{taxCents === null ? '—' : formatDollars(t.taxCents)}</dd>
      <dt className="grand">Total</dt>
      <dd className="grand" data-testid="total-grand">
        {formatDollars(t.totalCents)}
      </dd>
    </dl>
  );
}

/** Tax, order number and what each vendor receives. */
function SaleMeta({ taxBad }: { taxBad: boolean }) {
  const { tax, setTax, orderNumber, setOrderNumber } = useSaleDraft();
  return (
    <div className="sale-meta">
      <label>
        Tax collected ($)
        <input className="price" inputMode="decimal" value={tax} onChange={(e) => setTax(e.target.value)} aria-invalid={taxBad} data-testid="sale-tax" placeholder="0.00" />
      </label>
      {taxBad && <span className="warning">Type the tax in dollars, e.g. 4.32.</span>}
      <label>
        Order number
        <input value={orderNumber} onChange={(e) => setOrderNumber(e.target.value)} data-testid="sale-order-number" placeholder="Generated when empty" maxLength={30} />
      </label>
      <p className="muted vendor-note" data-testid="sale-vendor-note">
        SimpleConsign receives the items, the taxable and non-taxable totals and the tax. TRAX (IFPOS) receives the sale amount without tax and delivery, and returns
        as credits.
      </p>
    </div>
  );
}

/** F2 from anywhere on the screen (a tab, a line, the totals) goes back to scanning. */
function useF2Focus(target: RefObject<HTMLInputElement | null>) {
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.key !== 'F2') return;
      e.preventDefault();
      target.current?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [target]);
}

/** Ringing up a sale, keyboard first: Enter adds the item, Ctrl+Enter records the sale. */
export function RecordSale() {
  const draft = useSaleDraft();
  const record = useRecordSale();
  const skuRef = useRef<HTMLInputElement>(null);
  const pendingEntryRef = useRef<Promise<void> | null>(null);
  const [last, setLast] = useState<string | null>(null);
  const taxCents = draft.tax.trim() === '' ? 0 : parseDollars(draft.tax);
  const taxBad = taxCents === null || taxCents < 0;
  const canRecord = draft.lines.length > 0 && !taxBad && !record.isPending;
  useF2Focus(skuRef);

  const submit = async () => {
    // An item scanned just before Ctrl+Enter may still be looked up: it belongs to this sale.
    await pendingEntryRef.current;
    const now = useSaleDraft.getState();
    if (now.lines.length === 0 || taxBad || record.isPending) return;
    const input = {
      ...(now.orderNumber.trim() ? { orderNumber: now.orderNumber.trim() } : {}),
      lines: now.lines.map((l) => ({ sku: l.sku, name: l.name, unitPriceCents: l.unitPriceCents, quantity: l.quantity, taxable: l.taxable })),
      taxCents: taxCents ?? 0,
      ...customerInput(useCustomerDraft.getState().customer),
    };
    record.mutate(input, {
      onSuccess: (sale) => {
        setLast(sale.orderNumber);
        draft.clear();
        useCustomerDraft.getState().clear();
        skuRef.current?.focus();
      },
    });
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Enter' || !(e.ctrlKey || e.metaKey)) return;
    e.preventDefault();
    void submit();
  };

  return (
    <div className="record-sale" onKeyDown={onKeyDown} data-testid="record-sale">
      <p className="muted shortcuts" data-testid="sale-shortcuts">
        <kbd>Enter</kbd> adds the item · <kbd>Ctrl</kbd>+<kbd>Enter</kbd> records the sale · <kbd>Esc</kbd> clears the item being entered · <kbd>F2</kbd> back to the SKU
        field · <kbd>Tab</kbd> moves between fields
      </p>
      <EntryRow skuRef={skuRef} pendingRef={pendingEntryRef} />
      <SaleLines />
      <div className="sale-footer">
        <div>
          <SaleMeta taxBad={taxBad} />
          <CustomerFields />
        </div>
        <div className="sale-summary">
          <Totals taxCents={taxBad ? null : taxCents} />
          <button type="button" onClick={() => void submit()} disabled={!canRecord} data-testid="sale-record">
            {record.isPending ? 'Recording…' : 'Record sale (Ctrl+Enter)'}
          </button>
        </div>
      </div>
      <ErrorMessage error={record.error} testId="sale-error" />
      {last && <LastRecorded orderNumber={last} />}
    </div>
  );
}
