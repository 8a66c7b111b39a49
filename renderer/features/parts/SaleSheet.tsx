import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { AmountTable } from '../../ui/AmountTable';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { saleSheet, type SaleSheet, type SheetSource } from './sale-sheet';
import type { LocalSale } from '../../../shared/heavytruckparts/records';

/** The quote or confirmation on paper: what the print area holds (only it prints). */
function SaleSheetView({ sheet }: { sheet: SaleSheet }) {
  return (
    <div className="parts-sheet">
      <h2>{sheet.title}</h2>
      {sheet.reference.map((r) => <p key={r}>{r}</p>)}
      <div className="parts-sheet-parties">
        {sheet.parties.map((p) => (
          <div key={p.heading}>
            <strong>{p.heading}</strong>
            {p.lines.map((l) => <div key={l}>{l}</div>)}
          </div>
        ))}
      </div>
      <AmountTable lines={sheet.lines} totals={sheet.totals} />
      {sheet.notes.map((n) => <p key={n}>{n}</p>)}
    </div>
  );
}

/** Print or save a quote (the cart before its sales document) or a confirmation (the sales document made). */
export function SaleSheetActions({ kind, source, sale = null }: { kind: SaleSheet['kind']; source: SheetSource; sale?: LocalSale | null }) {
  const [printing, setPrinting] = useState<{ sheet: SaleSheet; seq: number } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const sheet = () => saleSheet(kind, source, sale, new Date());
  useEffect(() => {
    if (printing) window.print();
  }, [printing]);
  const what = kind === 'quote' ? 'quote' : 'confirmation';
  const save = () =>
    // The PDF library loads only when a sheet is first saved.
    import('./sale-sheet-pdf').then(({ downloadSaleSheet }) => downloadSaleSheet(sheet())).then(() => setError(null), setError);
  return (
    <div className="parts-sheet-actions">
      <button type="button" className="secondary" onClick={() => setPrinting((p) => ({ sheet: sheet(), seq: (p?.seq ?? 0) + 1 }))} data-testid={`parts-${kind}-print`}>
        Print {what}
      </button>
      <button type="button" className="secondary" onClick={save} data-testid={`parts-${kind}-pdf`}>
        Save {what} as PDF
      </button>
      <ErrorMessage error={error} testId={`parts-${kind}-error`} />
      {printing &&
        createPortal(
          <div className="print-area" data-testid="parts-sheet-print">
            <SaleSheetView sheet={printing.sheet} />
          </div>,
          document.body,
        )}
    </div>
  );
}
