import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type Ref } from 'react';
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

/** Prints once the receipt is on the page: in Electron the window prints (with the system dialog), in a browser window.print does. */
export function ReceiptPrintArea() {
  const { receipt, seq } = usePrintArea();
  useEffect(() => {
    if (seq > 0) window.print();
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
 * out once, as soon as the receipt is there. `keys` lets P and S do the same from the panel that holds the buttons.
 */
export function ReceiptButtons({ model, auto, printRef, label = 'receipt' }: { model: () => ReceiptModel; auto?: boolean; printRef?: Ref<HTMLButtonElement>; label?: string }) {
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
      <button type="button" className="secondary" ref={printRef} onClick={() => show(model())} data-testid="receipt-print-button">
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
export function ReceiptActions({ sale, auto, printRef }: { sale: SaleDetail; auto?: boolean; printRef?: Ref<HTMLButtonElement> }) {
  const model = useSaleReceipt(sale);
  return <ReceiptButtons model={model} auto={auto} printRef={printRef} />;
}

/** P prints the receipt and S saves it, from a panel's buttons (never from a field being typed in). */
export function receiptKeys(model: () => ReceiptModel) {
  return (e: KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey || !(e.target instanceof HTMLButtonElement)) return;
    const key = e.key.toLowerCase();
    if (key !== 'p' && key !== 's') return;
    e.preventDefault();
    if (key === 'p') usePrintArea.getState().show(model());
    else void savePdf(model());
  };
}
