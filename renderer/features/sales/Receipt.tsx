import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { create } from 'zustand';
import type { SaleDetail } from '../../../shared/sales/schemas';
import { useFormats, useStoreProfile } from '../../locale/formats';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { receiptModel, type ReceiptModel } from './receipt-model';

/** The receipt on paper: the print area holds it; only it prints. */
const usePrintArea = create<{ receipt: ReceiptModel | null; seq: number; show: (r: ReceiptModel) => void }>((set) => ({
  receipt: null,
  seq: 0,
  show: (receipt) => set((s) => ({ receipt, seq: s.seq + 1 })),
}));

export function ReceiptView({ r, testId }: { r: ReceiptModel; testId?: string }) {
  return (
    <div className="receipt" data-testid={testId}>
      {r.storeName && (
        <div className="receipt-store" data-testid="receipt-store">
          {r.storeName}
        </div>
      )}
      <div className="receipt-order" data-testid="receipt-order">
        Order {r.orderNumber}
      </div>
      <div className="receipt-when">{r.when}</div>
      <table className="receipt-lines">
        <tbody>
          {r.lines.map((l, i) => (
            <tr key={i}>
              <td>{l.text}</td>
              <td className="money">{l.amount}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          {r.totals.map((t) => (
            <tr key={t.label} className={t.strong ? 'strong' : undefined}>
              <td>{t.label}</td>
              <td className="money">{t.amount}</td>
            </tr>
          ))}
        </tfoot>
      </table>
      {r.footer.map((f) => (
        <div key={f} className="receipt-footer">
          {f}
        </div>
      ))}
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
    <div className="print-area" data-testid="receipt-print">
      <ReceiptView r={receipt} />
    </div>,
    document.body,
  );
}

/** Print and PDF buttons for a recorded sale (just recorded, or from history). */
export function ReceiptActions({ sale }: { sale: SaleDetail }) {
  const profile = useStoreProfile();
  const show = usePrintArea((s) => s.show);
  const [error, setError] = useState<unknown>(null);
  const f = useFormats();
  const model = () => receiptModel(sale, profile.data?.profile.name ?? '', f);
  return (
    <div className="receipt-actions">
      <button type="button" className="secondary" onClick={() => show(model())} data-testid="receipt-print-button">
        Print receipt
      </button>
      <button type="button" className="secondary" onClick={() =>
          // The PDF library loads only when a receipt is first saved.
          import('./receipt-pdf').then(({ downloadReceiptPdf }) => downloadReceiptPdf(model())).then(() => setError(null), setError)
        } data-testid="receipt-pdf-button">
        Save receipt as PDF
      </button>
      <ErrorMessage error={error} testId="receipt-error" />
    </div>
  );
}
