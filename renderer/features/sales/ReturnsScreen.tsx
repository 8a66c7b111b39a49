import { useRef, useState, type FormEvent } from 'react';
import { useFormats } from '../../locale/formats';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { useFindSales, useSale, useSalesHistory, type FindSalesInput } from './queries';
import { ReceiptPrintArea } from './Receipt';
import { ReturnForm } from './ReturnForm';
import { useScanCapture } from './use-scan-capture';

/** "2026-03-14" → that local day as [start, end) in ms. */
function dayRange(value: string): { from: number; to: number } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return { from: new Date(y, mo - 1, d).getTime(), to: new Date(y, mo - 1, d + 1).getTime() };
}

interface SaleChoice {
  saleId: number;
  orderNumber: string;
  recordedAt: number;
  itemCount: number;
  totalCents: number;
  skus?: string[];
}

function SaleList({ title, sales, onPick, testId }: { title: string; sales: SaleChoice[]; onPick: (saleId: number) => void; testId: string }) {
  const f = useFormats();
  return (
    <section className="recent-sales" aria-label={title} data-testid={testId}>
      <h2 className="small-heading">{title}</h2>
      <ul>
        {sales.map((r) => (
          <li key={r.saleId}>
            <button type="button" className="link" onClick={() => onPick(r.saleId)} data-testid="recent-sale" data-order={r.orderNumber}>
              {r.orderNumber}
            </button>{' '}
            <span className="muted">
              {f.dateTime(r.recordedAt)} · {f.count(r.itemCount, 'item', 'items')} · {f.money(r.totalCents)}
              {r.skus && r.skus.length > 0 && ` · ${r.skus.slice(0, 4).join(', ')}${r.skus.length > 4 ? '…' : ''}`}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The latest sales, to pick the one being returned without typing anything. */
function RecentSales({ onPick }: { onPick: (saleId: number) => void }) {
  const history = useSalesHistory({ kind: 'SALE', page: 1, pageSize: 10 });
  if (!history.data || history.data.rows.length === 0) return null;
  return <SaleList title="Or pick a recent sale" sales={history.data.rows} onPick={onPick} testId="recent-sales" />;
}

function FindSale({ onSearch }: { onSearch: (input: FindSalesInput) => void }) {
  const [text, setText] = useState('');
  const [day, setDay] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  // A receipt's barcode scanned anywhere on the screen looks up that order, whatever field has the cursor.
  useScanCapture((code) => (setText(code), setDay(''), setProblem(null), onSearch({ text: code })), true, inputRef);
  const find = (e: FormEvent) => {
    e.preventDefault();
    const range = day ? dayRange(day) : null;
    if (!text.trim() && !range) return setProblem('Type part of the order number or a SKU, or pick the day of the sale.');
    setProblem(null);
    onSearch({ text: text.trim(), ...(range ?? {}) });
  };
  return (
    <form className="find-sale" onSubmit={find} aria-label="Find the sale">
      <label>
        Scan the receipt, or type the order number (or part of it) or a SKU sold
        <input ref={inputRef} id="return-find-order" autoFocus value={text} onChange={(e) => setText(e.target.value)} data-testid="return-find-order" placeholder="e.g. K7QX2 or a SKU" />
      </label>
      <label>
        Day of the sale
        <input type="date" value={day} onChange={(e) => setDay(e.target.value)} data-testid="return-find-date" />
      </label>
      <button type="submit" data-testid="return-find">
        Find sale
      </button>
      {problem && (
        <p className="warning field-problem" role="alert" data-testid="return-find-problem">
          {problem}
        </p>
      )}
    </form>
  );
}

/** Find the original sale (by part of its order number, a SKU it sold, or its day), then choose what comes back. */
export function ReturnsScreen() {
  const [search, setSearch] = useState<FindSalesInput | null>(null);
  const [saleId, setSaleId] = useState<number | null>(null);
  const found = useFindSales(search);
  const results = found.data?.sales ?? [];
  // One match is the sale; several are listed to pick from.
  const chosen = saleId ?? (search && results.length === 1 ? results[0].saleId : null);
  const detail = useSale(chosen === null ? null : { saleId: chosen });
  return (
    <div className="screen returns-screen" data-testid="screen-returns">
      <h1>Returns</h1>
      <FindSale onSearch={(input) => (setSearch(input), setSaleId(null))} />
      <ErrorMessage error={found.error ?? detail.error} testId="return-find-error" />
      {search && found.data && results.length === 0 && (
        <p className="warning" role="status" data-testid="return-find-none">
          No recorded sale matches. Check the number or SKU, or try the day of the sale.
        </p>
      )}
      {chosen === null && results.length > 1 && <SaleList title={`${results.length} sales match: pick one`} sales={results} onPick={setSaleId} testId="return-matches" />}
      {detail.data ? (
        <ReturnForm key={detail.data.id} sale={detail.data} />
      ) : (
        !search && (
          <>
            <EmptyState title="Return items" testId="returns-empty">
              Find the sale by part of its order number, a SKU it sold, or its day, or pick it below. Only what was sold, less what earlier returns took, can come back.
            </EmptyState>
            <RecentSales onPick={setSaleId} />
          </>
        )
      )}
      <ReceiptPrintArea />
    </div>
  );
}
