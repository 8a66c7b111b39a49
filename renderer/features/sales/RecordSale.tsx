import { useEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useFormats } from '../../locale/formats';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { CustomerFields, customerInput, useCustomerDraft } from './CustomerFields';
import { ConfirmSale } from './ConfirmSale';
import { CounterSettingsForm } from './CounterSettingsForm';
import { StoreDetailsCard } from '../store-profile/StoreDetailsCard';
import { EntryRow } from './EntryRow';
import { InventoryEmptyNotice } from './InventoryEmptyNotice';
import { ParkedSales } from './ParkedSales';
import { useCounterSettings, useRecordSale } from './queries';
import { PaymentStep } from './PaymentStep';
import { SaleComplete } from './SaleComplete';
import { saleFigures, type SaleFigures } from './sale-figures';
import { SaleLines, saleWarnings } from './SaleLines';
import { SalePayment } from './SalePayment';
import { useSaleDraft } from './sale-store';
import { useDraftSync } from './use-draft-sync';

function Totals({ figures }: { figures: SaleFigures }) {
  const t = figures.totals;
  const f = useFormats();
  return (
    <dl className="sale-totals" data-testid="sale-totals">
      <dt>Non-taxable</dt>
      <dd data-testid="total-nontaxable">{f.money(t.nonTaxableCents)}</dd>
      <dt>Taxable</dt>
      <dd data-testid="total-taxable">{f.money(t.taxableCents)}</dd>
      <dt>Tax</dt>
      <dd data-testid="total-tax">{figures.rateMilli === null ? '—' : f.money(t.taxCents)}</dd>
      {figures.untaxed && (
        <dd className="muted totals-note" data-testid="total-untaxed">
          No tax at this rate: taxable items are recorded as non-taxable.
        </dd>
      )}
      <dt className="grand">Total</dt>
      <dd className="grand" data-testid="total-grand">
        {f.money(t.totalCents)}
      </dd>
    </dl>
  );
}

/** F2 from anywhere on the screen (a tab, a line, the totals) goes back to scanning; F4 opens the payment step. */
function useCounterKeys(target: RefObject<HTMLInputElement | null>, pay: () => void) {
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.key === 'F4' && !document.querySelector('dialog[open]')) return (e.preventDefault(), pay());
      if (e.key !== 'F2') return;
      e.preventDefault();
      target.current?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [target, pay]);
}

/** Ringing up a sale, keyboard first: Enter adds the item, Ctrl+Enter records the sale. */
export function RecordSale() {
  const hydrated = useDraftSync();
  const settings = useCounterSettings();
  const f = useFormats();
  if (!hydrated || !settings.data) return <p className="muted">Opening the sale in progress…</p>;
  // A new sale starts at the counter's rate, written as the workstation writes decimals.
  return <RecordSaleForm taxRate={f.decimal(settings.data.taxRate)} />;
}

function RecordSaleForm({ taxRate }: { taxRate: string }) {
  // Only what the figures need: a keystroke in the manual item's form does not redraw the whole counter.
  const draft = useSaleDraft(useShallow((s) => ({ lines: s.lines, taxRate: s.taxRate, tendered: s.tendered, paymentMethod: s.paymentMethod, orderNumber: s.orderNumber, badFields: s.badFields })));
  const settings = useCounterSettings();
  const record = useRecordSale();
  const fmt = useFormats();
  const skuRef = useRef<HTMLInputElement>(null);
  const pendingEntryRef = useRef<Promise<void> | null>(null);
  const [last, setLast] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<ReturnType<typeof saleWarnings> | null>(null);
  const [paying, setPaying] = useState(false);
  const figures = saleFigures(draft, fmt);
  const blocked = Object.keys(figures.problems).length > 0;
  const canRecord = draft.lines.length > 0 && !blocked && !record.isPending;
  const openPayment = () => {
    const now = useSaleDraft.getState();
    if (now.lines.length > 0 && !record.isPending) setPaying(true);
  };
  useCounterKeys(skuRef, openPayment);

  const send = () => {
    const now = useSaleDraft.getState();
    const f = saleFigures(now, fmt);
    record.mutate(
      {
        ...(now.orderNumber.trim() ? { orderNumber: now.orderNumber.trim() } : {}),
        lines: f.lines.map((l) => ({ sku: l.sku, name: l.name, unitPriceCents: l.unitPriceCents, quantity: l.quantity, taxable: l.taxable })),
        taxCents: f.totals.taxCents,
        taxRateMilli: f.rateMilli ?? 0,
        paymentMethod: now.paymentMethod,
        ...(now.paymentMethod === 'cash' && f.tenderedCents !== null ? { tenderedCents: f.tenderedCents } : {}),
        ...customerInput(useCustomerDraft.getState().customer),
      },
      {
        onSuccess: (sale) => {
          setLast(sale.orderNumber);
          useSaleDraft.getState().load(null, taxRate);
          useCustomerDraft.getState().clear();
          skuRef.current?.focus();
        },
      },
    );
  };
  const submit = async () => {
    // An item scanned just before Ctrl+Enter may still be looked up: it belongs to this sale.
    await pendingEntryRef.current;
    const now = useSaleDraft.getState();
    if (now.lines.length === 0 || Object.keys(saleFigures(now, fmt).problems).length > 0 || record.isPending) return;
    const warnings = saleWarnings(now.lines);
    if (warnings.length > 0) return setConfirming(warnings);
    send();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Enter' || !(e.ctrlKey || e.metaKey) || confirming || paying) return;
    e.preventDefault();
    void submit();
  };

  return (
    <div className="record-sale" onKeyDown={onKeyDown} data-testid="record-sale">
      <InventoryEmptyNotice />
      <p className="muted shortcuts" data-testid="sale-shortcuts">
        <kbd>Enter</kbd> adds the item · <kbd>F4</kbd> pays · <kbd>Ctrl</kbd>+<kbd>Enter</kbd> records the sale · <kbd>Esc</kbd> clears the item being entered · <kbd>F2</kbd> back to the SKU
        field · <kbd>↓</kbd> picks from items found by name
      </p>
      <EntryRow skuRef={skuRef} pendingRef={pendingEntryRef} scanning={!confirming && !paying} cleared={last} />
      {last && draft.lines.length === 0 && <SaleComplete key={last} orderNumber={last} />}
      <SaleLines />
      <div className="sale-footer">
        <div>
          <SalePayment figures={figures} />
          <CustomerFields />
        </div>
        <div className="sale-summary">
          <Totals figures={figures} />
          <button type="button" onClick={openPayment} disabled={!canRecord} data-testid="sale-pay">
            Pay (F4)
          </button>
          <button type="button" className="secondary" onClick={() => void submit()} disabled={!canRecord} data-testid="sale-record">
            {record.isPending ? 'Recording…' : 'Record sale (Ctrl+Enter)'}
          </button>
          <ParkedSales taxRate={taxRate} />
        </div>
      </div>
      <ErrorMessage error={record.error} testId="sale-error" />
      {settings.data && <CounterSettingsForm key={JSON.stringify(settings.data)} settings={settings.data} />}
      <StoreDetailsCard />
      {paying && (
        <PaymentStep
          figures={figures}
          onClose={() => (setPaying(false), skuRef.current?.focus())}
          onFinish={() => {
            setPaying(false);
            void submit();
          }}
        />
      )}
      {confirming && (
        <ConfirmSale
          warnings={confirming}
          onCancel={() => (setConfirming(null), skuRef.current?.focus())}
          onConfirm={() => {
            setConfirming(null);
            send();
          }}
        />
      )}
    </div>
  );
}
