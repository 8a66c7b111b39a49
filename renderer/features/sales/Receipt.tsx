import { useEffect, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { create } from 'zustand';
import type { SaleDetail } from '../../../shared/sales/schemas';
import { useFormats, useStoreProfile } from '../../locale/formats';
import { AmountTable } from '../../ui/AmountTable';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { barcodeDataUri, orderBarcode } from './receipt-barcode';
import { receiptModel, type ReceiptModel } from './receipt-model';

/** The receipt on paper: the print area holds it; only it prints. */
const usePrintArea = create<{ receipt: ReceiptModel | null; seq: number; show: (r: ReceiptModel) => void }>((set) => ({
  receipt: null,
  seq: 0,
  show: (receipt) => set((s) => ({ receipt, seq: s.seq + 1 })),
}));

function OrderBarcode({ orderNumber }: { orderNumber: string }) {
  const src = useMemo(() => barcodeDataUri(orderBarcode(orderNumber)), [orderNumber]);
  return <img className="receipt-barcode" src={src} alt={`Barcode of order ${orderNumber}`} data-testid="receipt-barcode" />;
}

export function ReceiptView({ r, testId }: { r: ReceiptModel; testId?: string }) {
  return (
    <div className="receipt" data-testid={testId}>
      {r.storeName && (
        <div className="receipt-store" data-testid="receipt-store">
          {r.storeName}
        </div>
      )}
      {r.storeLines.map((l) => (
        <div key={l} className="receipt-store-line">
          {l}
        </div>
      ))}
      <h1 className="receipt-title">{r.title}</h1>
      <div className="receipt-order" data-testid="receipt-order">
        Order {r.orderNumber}
      </div>
      <div className="receipt-when">{r.when}</div>
      <AmountTable className="receipt-lines" lines={r.lines} totals={r.totals} />
      {r.footer.map((f) => (
        <div key={f} className="receipt-footer">
          {f}
        </div>
      ))}
      <OrderBarcode orderNumber={r.orderNumber} />
    </div>
  );
}

/**
 * Prints once the receipt is on the page: in Electron the window prints (with the system dialog), in a browser
 * window.print does. Only a receipt asked for since the area was put on the page: opening another screen that has
 * one does not print the last receipt again.
 */
export function ReceiptPrintArea() {
  const { receipt, seq } = usePrintArea();
  const printed = useRef(seq);
  useEffect(() => {
    if (seq === printed.current) return;
    printed.current = seq;
    window.print();
  }, [seq]);
  if (!receipt) return null;
  return createPortal(
    <main className="print-area" aria-label={receipt.title} data-testid="receipt-print">
      <ReceiptView r={receipt} />
    </main>,
    document.body,
  );
}

/** Saves the receipt as a PDF; the PDF library loads only when a receipt is first saved. */
const savePdf = (r: ReceiptModel) => import('./receipt-pdf').then(({ downloadReceiptPdf }) => downloadReceiptPdf(r));

/**
 * Print and PDF buttons for a receipt. With `auto`, the store's choice ("print it" or "save it as a PDF") is carried
 * out once, as soon as the receipt is there; `useReceiptKeys` gives the panel holding them Ctrl+P and Ctrl+S.
 */
export function ReceiptButtons({ model, auto, label = 'receipt' }: { model: () => ReceiptModel; auto?: boolean; label?: string }) {
  const show = usePrintArea((s) => s.show);
  const profile = useStoreProfile();
  const [error, setError] = useState<unknown>(null);
  const done = useRef(false);
  const choice = profile.data?.profile.receiptAfterSale ?? 'none';
  useEffect(() => {
    if (!auto || done.current || choice === 'none') return;
    done.current = true;
    if (choice === 'print') show(model());
    else savePdf(model()).catch(setError);
  }, [auto, choice, model, show]);
  return (
    <div className="receipt-actions">
      <button type="button" className="secondary" onClick={() => show(model())} data-testid="receipt-print-button">
        Print {label}
      </button>
      <button type="button" className="secondary" onClick={() => savePdf(model()).then(() => setError(null), setError)} data-testid="receipt-pdf-button">
        Save {label} as PDF
      </button>
      <ErrorMessage error={error} testId="receipt-error" />
    </div>
  );
}

/** The receipt model of a recorded sale, in the store's details and formats. */
export function useSaleReceipt(sale: SaleDetail | undefined): () => ReceiptModel {
  const profile = useStoreProfile();
  const f = useFormats();
  return () => receiptModel(sale!, profile.data!.profile, f);
}

/** Print and PDF buttons for a recorded sale (just recorded, or from history). */
export function ReceiptActions({ sale, auto }: { sale: SaleDetail; auto?: boolean }) {
  const model = useSaleReceipt(sale);
  return <ReceiptButtons model={model} auto={auto} />;
}

/**
 * Ctrl+P (Cmd+P) prints the receipt and Ctrl+S saves it, wherever the cursor is, while the panel holding it is shown.
 * Plain letters never do: a scanner types them, and the next customer's scan must start the next sale.
 */
export function useReceiptKeys(model: (() => ReceiptModel) | null): void {
  const latest = useRef(model);
  useEffect(() => {
    latest.current = model;
  });
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      const model = latest.current;
      if (!model || !(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey || document.querySelector('dialog[open]')) return;
      const key = e.key.toLowerCase();
      if (key !== 'p' && key !== 's') return;
      e.preventDefault();
      if (key === 'p') usePrintArea.getState().show(model());
      else void savePdf(model());
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
