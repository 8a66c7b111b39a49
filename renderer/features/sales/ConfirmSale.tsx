import { useEffect, useRef } from 'react';
import type { DraftLine } from './sale-store';

/** Asks before recording a sale with lines that should not be sold without a second look. */
export function ConfirmSale({ warnings, onConfirm, onCancel }: { warnings: { line: DraftLine; warnings: string[] }[]; onConfirm: () => void; onCancel: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);
  return (
    <dialog ref={ref} className="confirm-dialog" aria-labelledby="confirm-sale-title" onCancel={(e) => (e.preventDefault(), onCancel())} data-testid="sale-confirm">
      <h2 id="confirm-sale-title">Record this sale anyway?</h2>
      <p>These items should not be sold without a second look:</p>
      <ul>
        {warnings.map(({ line, warnings: w }) => (
          <li key={line.key} data-testid="sale-confirm-item">
            <strong>
              {line.quantity} × {line.sku}
            </strong>{' '}
            {line.name}: {w.join('; ')}
          </li>
        ))}
      </ul>
      <div className="dialog-actions">
        <button type="button" className="secondary" autoFocus onClick={onCancel} data-testid="sale-confirm-cancel">
          Go back
        </button>
        <button type="button" onClick={onConfirm} data-testid="sale-confirm-record">
          Record anyway
        </button>
      </div>
    </dialog>
  );
}
