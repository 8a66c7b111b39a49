import { useState } from 'react';
import { formatDollars } from '../../../shared/money';
import type { HistoryInput, HistoryRow } from '../../../shared/sales/schemas';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { DeliveryList } from './DeliveryStatus';
import { useSalesHistory } from './queries';
import { useSalesUi } from './sale-store';

const PAGE_SIZE = 25;
const stateOptions: { value: NonNullable<HistoryInput['state']> | ''; label: string }[] = [
  { value: '', label: 'Any state' },
  { value: 'pending', label: 'On its way (waiting, sending, retrying)' },
  { value: 'attention', label: 'Needs attention (failed, uncertain)' },
  { value: 'sent', label: 'Sent' },
  { value: 'retrying', label: 'Retrying' },
  { value: 'failed', label: 'Failed' },
  { value: 'uncertain', label: 'Uncertain' },
  { value: 'cancelled', label: 'Cancelled' },
];

/** "2026-03-14" → local midnight in ms; empty → undefined. */
function dayStart(value: string, plusDays = 0): number | undefined {
  if (!value) return undefined;
  const [y, m, d] = value.split('-').map(Number);
  return new Date(y, m - 1, d + plusDays).getTime();
}

function Row({ row }: { row: HistoryRow }) {
  return (
    <tr data-testid="history-row" data-kind={row.kind} data-order={row.orderNumber}>
      <td>{new Date(row.recordedAt).toLocaleString()}</td>
      <td>{row.kind === 'SALE' ? 'Sale' : 'Return'}</td>
      <td>{row.orderNumber}</td>
      <td className="money">{row.itemCount}</td>
      <td className="money">{row.kind === 'RETURN' ? `−${formatDollars(row.totalCents)}` : formatDollars(row.totalCents)}</td>
      <td>
        <DeliveryList deliveries={row.deliveries} />
      </td>
    </tr>
  );
}

/** Every sale and return with each vendor's delivery state; refreshed every second while anything is on its way. */
export function HistoryView() {
  const initialState = useSalesUi((s) => s.historyState);
  const [state, setState] = useState<NonNullable<HistoryInput['state']> | ''>(initialState);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [orderNumber, setOrderNumber] = useState('');
  const [page, setPage] = useState(1);
  const filter: HistoryInput = {
    page,
    pageSize: PAGE_SIZE,
    ...(state ? { state } : {}),
    ...(orderNumber.trim() ? { orderNumber: orderNumber.trim() } : {}),
    ...(from ? { from: dayStart(from) } : {}),
    ...(to ? { to: dayStart(to, 1) } : {}),
  };
  const history = useSalesHistory(filter);
  const reset = <T,>(set: (v: T) => void) => (v: T) => (set(v), setPage(1));
  const pages = history.data ? Math.max(1, Math.ceil(history.data.total / PAGE_SIZE)) : 1;
  return (
    <div className="sales-history" data-testid="sales-history">
      <div className="history-filters">
        <label>
          From
          <input type="date" value={from} onChange={(e) => reset(setFrom)(e.target.value)} data-testid="history-from" />
        </label>
        <label>
          To
          <input type="date" value={to} onChange={(e) => reset(setTo)(e.target.value)} data-testid="history-to" />
        </label>
        <label>
          Delivery
          <select value={state} onChange={(e) => reset(setState)(e.target.value as typeof state)} data-testid="history-state">
            {stateOptions.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Order number
          <input value={orderNumber} onChange={(e) => reset(setOrderNumber)(e.target.value)} placeholder="Starts with…" data-testid="history-order" />
        </label>
      </div>
      <ErrorMessage error={history.error} />
      {history.data && history.data.rows.length === 0 && (
        <EmptyState title="Nothing here" testId="history-empty">
          No sale or return matches. Record a sale, or widen the filter.
        </EmptyState>
      )}
      {history.data && history.data.rows.length > 0 && (
        <table className="table history-table">
          <thead>
            <tr>
              <th>Recorded</th>
              <th>Kind</th>
              <th>Order number</th>
              <th className="money">Items</th>
              <th className="money">Total</th>
              <th>Delivery to each vendor</th>
            </tr>
          </thead>
          <tbody>
            {history.data.rows.map((r) => (
              <Row key={`${r.kind}-${r.id}`} row={r} />
            ))}
          </tbody>
        </table>
      )}
      <div className="pager">
        <button type="button" className="secondary" disabled={page <= 1} onClick={() => setPage(page - 1)}>
          Previous
        </button>
        <span className="muted">
          Page {page} of {pages} · {history.data?.total ?? 0} in all
        </span>
        <button type="button" className="secondary" disabled={page >= pages} onClick={() => setPage(page + 1)}>
          Next
        </button>
      </div>
    </div>
  );
}
