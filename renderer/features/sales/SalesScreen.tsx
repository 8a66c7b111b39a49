import { HistoryView } from './HistoryView';
import { RecordSale } from './RecordSale';
import { useSalesUi } from './sale-store';

/** Record a sale, or look through every sale and return and how each vendor received it. */
export function SalesScreen() {
  const { tab, show, historyState } = useSalesUi();
  return (
    <div className="screen sales-screen" data-testid="screen-sales">
      <header className="sales-header">
        <h1>Sales</h1>
        <div className="tabs" role="tablist">
          <button type="button" role="tab" aria-selected={tab === 'record'} className={tab === 'record' ? 'tab active' : 'tab'} onClick={() => show('record')} data-testid="sales-tab-record">
            Record sale
          </button>
          <button type="button" role="tab" aria-selected={tab === 'history'} className={tab === 'history' ? 'tab active' : 'tab'} onClick={() => show('history')} data-testid="sales-tab-history">
            History
          </button>
        </div>
      </header>
      {/* Keyed by the filter the status bar asks for, so following its link shows that filter. */}
      {tab === 'record' ? <RecordSale /> : <HistoryView key={historyState} />}
    </div>
  );
}
