import { useRef, type KeyboardEvent } from 'react';
import { HistoryView } from './HistoryView';
import { ReceiptPrintArea } from './Receipt';
import { RecordSale } from './RecordSale';
import { useSalesUi } from './sale-store';

const tabs = [
  { id: 'record', label: 'Record sale' },
  { id: 'history', label: 'History' },
] as const;

/** Tabs as a tab list: arrow keys (and Home/End) move between them, Tab moves into the panel. */
function SalesTabs() {
  const { tab, show } = useSalesUi();
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const onKeyDown = (e: KeyboardEvent) => {
    const i = tabs.findIndex((t) => t.id === tab);
    const next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    const j = (next + tabs.length) % tabs.length;
    show(tabs[j].id);
    refs.current[j]?.focus();
  };
  return (
    <div className="tabs" role="tablist" aria-label="Sales" onKeyDown={onKeyDown}>
      {tabs.map((t, i) => (
        <button
          key={t.id}
          ref={(el) => {
            refs.current[i] = el;
          }}
          type="button"
          role="tab"
          id={`sales-tab-${t.id}`}
          aria-selected={tab === t.id}
          aria-controls="sales-tabpanel"
          tabIndex={tab === t.id ? 0 : -1}
          className={tab === t.id ? 'tab active' : 'tab'}
          onClick={() => show(t.id)}
          data-testid={`sales-tab-${t.id}`}
        >
          {t.label}
        </button>
      ))}
    </div>
  );
}

/** Record a sale, or look through every sale and return and how each vendor received it. */
export function SalesScreen() {
  const { tab, historyState } = useSalesUi();
  return (
    <div className="screen sales-screen" data-testid="screen-sales">
      <header className="sales-header">
        <h1>Sales</h1>
        <SalesTabs />
      </header>
      <div role="tabpanel" id="sales-tabpanel" aria-labelledby={`sales-tab-${tab}`}>
        {/* Keyed by the filter the status bar asks for, so following its link shows that filter. */}
        {tab === 'record' ? <RecordSale /> : <HistoryView key={historyState} />}
      </div>
      <ReceiptPrintArea />
    </div>
  );
}
