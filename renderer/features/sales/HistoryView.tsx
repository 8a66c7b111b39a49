import { Fragment, useState } from 'react';
import { useFormats } from '../../locale/formats';
import type { HistoryInput, HistoryPage, HistoryRow } from '../../../shared/sales/schemas';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { DeliveryList } from './DeliveryStatus';
import { HistoryItems } from './HistoryItems';
import { useSalesHistory } from './queries';
import { SaleConflicts } from './SaleConflicts';
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
  const [open, setOpen] = useState(false);
  const f = useFormats();
  const id = `history-items-${row.kind}-${row.id}`;
  return (
    <Fragment>
      <tr data-testid="history-row" data-kind={row.kind} data-order={row.orderNumber}>
        <td>{f.dateTime(row.recordedAt)}</td>
        <td>{row.kind === 'SALE' ? 'Sale' : 'Return'}</td>
        <td>
          <span className={`mode-badge mode-${row.mode}`} data-testid="history-mode">
            {row.mode === 'training' ? 'Training' : 'Live'}
          </span>
        </td>
        <td>
          {row.orderNumber}
          {row.recordedOn && (
            <span className="muted history-origin" data-testid="history-origin">
              {' '}
              · workstation {row.recordedOn}
            </span>
          )}
        </td>
        <td className="money">
          <button type="button" className="link" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)} data-testid="history-toggle-items">
            {f.number(row.itemCount)} {open ? '▾' : '▸'}
            <span className="visually-hidden"> {f.plural(row.itemCount, 'item', 'items')} of {row.orderNumber}</span>
          </button>
        </td>
        <td className="money">{f.money(row.kind === 'RETURN' ? -row.totalCents : row.totalCents)}</td>
        <td>
          <DeliveryList deliveries={row.deliveries} />
        </td>
      </tr>
      {open && (
        <tr id={id} className="history-items-row">
          <td colSpan={7}>
            <HistoryItems row={row} />
          </td>
        </tr>
      )}
    </Fragment>
  );
}

interface Filter {
  from: string;
  to: string;
  state: NonNullable<HistoryInput['state']> | '';
  orderNumber: string;
}

function HistoryFilters({ filter, onChange }: { filter: Filter; onChange: (patch: Partial<Filter>) => void }) {
  return (
    <div className="history-filters">
      <label>
        From
        <input type="date" value={filter.from} onChange={(e) => onChange({ from: e.target.value })} data-testid="history-from" />
      </label>
      <label>
        To
        <input type="date" value={filter.to} onChange={(e) => onChange({ to: e.target.value })} data-testid="history-to" />
      </label>
      <label>
        Delivery
        <select value={filter.state} onChange={(e) => onChange({ state: e.target.value as Filter['state'] })} data-testid="history-state">
          {stateOptions.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Order number
        <input value={filter.orderNumber} onChange={(e) => onChange({ orderNumber: e.target.value })} placeholder="Starts with…" data-testid="history-order" />
      </label>
    </div>
  );
}

function query(filter: Filter, page: number): HistoryInput {
  return {
    page,
    pageSize: PAGE_SIZE,
    ...(filter.state ? { state: filter.state } : {}),
    ...(filter.orderNumber.trim() ? { orderNumber: filter.orderNumber.trim() } : {}),
    ...(filter.from ? { from: dayStart(filter.from) } : {}),
    ...(filter.to ? { to: dayStart(filter.to, 1) } : {}),
  };
}

function HistoryTable({ rows }: { rows: HistoryRow[] }) {
  return (
    <table className="table history-table">
      <thead>
        <tr>
          <th>Recorded</th>
          <th>Kind</th>
          <th>Mode</th>
          <th>Order number</th>
          <th className="money">Items</th>
          <th className="money">Total</th>
          <th>Delivery to each vendor</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <Row key={`${r.kind}-${r.id}`} row={r} />
        ))}
      </tbody>
    </table>
  );
}

/** In a store: while the server is away, the other workstations' records are shown as last copied. */
function StoreCopyNote({ store }: { store: NonNullable<HistoryPage['store']> }) {
  const f = useFormats();
  if (store.live) return null;
  return (
    <p className="warning" role="status" data-testid="history-store-as-of">
      The store server does not answer: this workstation’s own sales are all here; the other workstations’ are shown{' '}
      {store.copiedAt === null ? 'once the server has answered.' : `as of ${f.dateTime(store.copiedAt)}.`}
    </p>
  );
}

/** Every sale and return with each vendor's delivery state; refreshed every second while anything is on its way. */
export function HistoryView() {
  const initialState = useSalesUi((s) => s.historyState);
  const [filter, setFilter] = useState<Filter>({ from: '', to: '', state: initialState, orderNumber: '' });
  const [page, setPage] = useState(1);
  const history = useSalesHistory(query(filter, page));
  const pages = history.data ? Math.max(1, Math.ceil(history.data.total / PAGE_SIZE)) : 1;
  return (
    <div className="sales-history" data-testid="sales-history">
      <HistoryFilters filter={filter} onChange={(patch) => (setFilter({ ...filter, ...patch }), setPage(1))} />
      {history.data?.store && <StoreCopyNote store={history.data.store} />}
      <SaleConflicts />
      <ErrorMessage error={history.error} />
      {history.data && history.data.rows.length === 0 && (
        <EmptyState title="Nothing here" testId="history-empty">
          No sale or return matches. Record a sale, or widen the filter.
        </EmptyState>
      )}
      {history.data && history.data.rows.length > 0 && <HistoryTable rows={history.data.rows} />}
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
