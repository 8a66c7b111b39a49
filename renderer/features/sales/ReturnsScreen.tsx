import { useState, type FormEvent } from 'react';
import { formatDollars } from '../../../shared/money';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { useSale, useSalesHistory } from './queries';
import { ReturnForm } from './ReturnForm';

type Choice = { orderNumber: string } | { saleId: number } | null;

/** The latest sales, to pick the one being returned without typing its number. */
function RecentSales({ onPick }: { onPick: (saleId: number) => void }) {
  const history = useSalesHistory({ kind: 'SALE', page: 1, pageSize: 10 });
  if (!history.data || history.data.rows.length === 0) return null;
  return (
    <section className="recent-sales">
      <h3>Or pick a recent sale</h3>
      <ul>
        {history.data.rows.map((r) => (
          <li key={r.id}>
            <button type="button" className="link" onClick={() => onPick(r.saleId)} data-testid="recent-sale" data-order={r.orderNumber}>
              {r.orderNumber}
            </button>{' '}
            <span className="muted">
              {new Date(r.recordedAt).toLocaleString()} · {r.itemCount} item(s) · {formatDollars(r.totalCents)}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Find the original sale (by order number or from the latest sales), then choose what comes back. */
export function ReturnsScreen() {
  const [typed, setTyped] = useState('');
  const [choice, setChoice] = useState<Choice>(null);
  const sale = useSale(choice);
  const find = (e: FormEvent) => {
    e.preventDefault();
    if (typed.trim()) setChoice({ orderNumber: typed.trim() });
  };
  return (
    <div className="screen returns-screen" data-testid="screen-returns">
      <h1>Returns</h1>
      <form className="find-sale" onSubmit={find}>
        <label>
          Order number of the original sale
          <input autoFocus value={typed} onChange={(e) => setTyped(e.target.value)} data-testid="return-find-order" placeholder="e.g. S260314K7QX2" />
        </label>
        <button type="submit" data-testid="return-find">
          Find sale
        </button>
      </form>
      {choice && sale.isPending && <p className="muted">Looking up the sale…</p>}
      <ErrorMessage error={sale.error} testId="return-find-error" />
      {sale.data ? (
        <ReturnForm key={sale.data.id} sale={sale.data} />
      ) : (
        !choice && (
          <>
            <EmptyState title="Return items" testId="returns-empty">
              Type the order number of the sale and press Enter, or pick it below. Only what was sold, less what earlier returns took, can come back.
            </EmptyState>
            <RecentSales onPick={(saleId) => setChoice({ saleId })} />
          </>
        )
      )}
      {choice && !sale.data && <RecentSales onPick={(saleId) => setChoice({ saleId })} />}
    </div>
  );
}
