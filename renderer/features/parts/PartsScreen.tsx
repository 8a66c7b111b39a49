import { useEffect, useRef } from 'react';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { CallsView } from './CallsView';
import { CartView } from './CartView';
import { CustomerBar } from './CustomerBar';
import { CustomersPanel } from './CustomersPanel';
import { DocumentsView } from './DocumentsView';
import { FeedPanel } from './FeedPanel';
import { flushSync } from 'react-dom';
import { focusTestId, selectFocused, showView } from './format';
import { ItemView } from './ItemView';
import { useParts, type PartsView } from './parts-store';
import { useSearch, useSearchNow } from './queries';
import { RecentSearches } from './RecentSearches';
import { ResultsHeader, ResultsList } from './ResultsList';
import { SearchForm } from './SearchForm';
import { TypesPanel } from './TypesPanel';
import './parts.css';

const tabs: { id: PartsView; label: string; key: string }[] = [
  { id: 'search', label: 'Search', key: 'F2' },
  { id: 'cart', label: 'Cart', key: 'F6' },
  { id: 'documents', label: 'Sales documents', key: 'F7' },
  { id: 'calls', label: 'Calls', key: 'F8' },
  { id: 'more', label: 'Types, customers, feed', key: 'F9' },
];

/** The item opened from the results belongs to the search tab. */
const tabOf = (view: PartsView): PartsView => (view === 'item' ? 'search' : view);

/** The views as tabs: the selected one says so; the arrows move between them, each with its function key too. */
function Tabs({ view, cartCount, setView }: { view: PartsView; cartCount: number; setView: (v: PartsView) => void }) {
  const selected = tabOf(view);
  const onKey = (e: React.KeyboardEvent, i: number) => {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    e.preventDefault();
    const next = tabs[(i + step + tabs.length) % tabs.length];
    showView(setView, next.id, `parts-tab-${next.id}`);
  };
  return (
    <div className="parts-tabs" role="tablist" aria-label="Parts views">
      {tabs.map((t, i) => (
        <button
          key={t.id}
          type="button"
          role="tab"
          id={`parts-tab-${t.id}`}
          aria-selected={selected === t.id}
          aria-controls="parts-view"
          tabIndex={selected === t.id ? 0 : -1}
          className={selected === t.id ? 'tab active' : 'tab'}
          onClick={() => setView(t.id)}
          onKeyDown={(e) => onKey(e, i)}
          data-testid={`parts-tab-${t.id}`}
        >
          {t.label}
          {t.id === 'cart' && cartCount > 0 ? ` (${cartCount})` : ''} <kbd>{t.key}</kbd>
        </button>
      ))}
    </div>
  );
}

/** F2 search, F3 recent searches, F4 customer, F6 cart, F7 sales documents, F8 calls, F9 the rest. */
function useFunctionKeys() {
  const setView = useParts((s) => s.setView);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const actions: Record<string, () => void> = {
        // A new search starts over the last one: the part type is selected, so typing replaces it.
        F2: () => (showView(setView, 'search', 'parts-part-type'), selectFocused()),
        F3: () => showView(setView, 'search', 'parts-recent-0'),
        F4: () => focusTestId('parts-customer-input'),
        F6: () => showView(setView, 'cart', 'parts-cart-po'),
        F7: () => flushSync(() => setView('documents')),
        F8: () => flushSync(() => setView('calls')),
        F9: () => flushSync(() => setView('more')),
      };
      const run = actions[e.key];
      if (run && !e.altKey && !e.ctrlKey) {
        e.preventDefault();
        run();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [setView]);
}

function Results() {
  const run = useParts((s) => s.run);
  const userId = useParts((s) => s.endUser?.userId ?? '');
  const search = useSearchNow();
  const result = useSearch(run, userId);
  const focused = useRef<unknown>(null);
  // Enter searches, then the results take the focus so the arrows move through them at once.
  useEffect(() => {
    if (result.data && !result.isPlaceholderData && focused.current !== run) {
      focused.current = run;
      focusTestId('parts-results');
    }
  }, [result.data, result.isPlaceholderData, run]);
  if (!run) return <RecentSearches />;
  // A slow search leaves the last rows on screen, dimmed and marked as old, until its own arrive.
  const stale = result.isFetching && result.isPlaceholderData;
  const onPage = (page: number) => run.kind === 'form' && search(run.criteria, page);
  return (
    <section className="parts-results-section" data-testid="parts-results-section" aria-busy={result.isFetching}>
      <RecentSearches />
      {run.kind === 'uri' && <p className="muted">Narrowed to {run.label}.</p>}
      <ErrorMessage error={result.error} testId="parts-search-error" />
      {result.isFetching && (
        <p className="parts-searching" role="status" data-testid="parts-searching">
          Searching…{stale ? ' The rows below are from the previous search.' : ''}
        </p>
      )}
      <div className={stale ? 'parts-stale' : undefined} data-testid="parts-results-area" data-stale={stale}>
        {result.data && <ResultsHeader page={result.data} onPage={onPage} />}
        {result.data && result.data.hits.length === 0 && <p className="muted" data-testid="parts-no-results">No parts match. Log a part request from the Calls tab if the customer wants one found.</p>}
        {result.data && result.data.hits.length > 0 && <ResultsList page={result.data} onPage={onPage} />}
      </div>
    </section>
  );
}

/** Parts lookup for the clerk on the phone: search, item, the customer on the line, logging, cart and sales documents. */
export function PartsScreen() {
  const view = useParts((s) => s.view);
  const item = useParts((s) => s.item);
  const cartCount = useParts((s) => s.cart.length);
  const setView = useParts((s) => s.setView);
  const customer = useParts((s) => s.endUser?.userId ?? '');
  useFunctionKeys();
  return (
    <div className="screen parts-screen" data-testid="screen-parts">
      <header className="parts-head">
        <h1>Parts</h1>
        <Tabs view={view} cartCount={cartCount} setView={setView} />
      </header>
      <CustomerBar />
      <div role="tabpanel" id="parts-view" aria-labelledby={`parts-tab-${tabOf(view)}`} className="parts-view">
        {view === 'search' && (
          <>
            <SearchForm />
            <Results />
          </>
        )}
        {view === 'item' && item && <ItemView itemRef={item} />}
        {view === 'cart' && <CartView key={customer} />}
        {view === 'documents' && <DocumentsView />}
        {view === 'calls' && <CallsView />}
        {view === 'more' && (
          <div className="parts-more">
            <TypesPanel />
            <CustomersPanel />
            <FeedPanel />
          </div>
        )}
      </div>
    </div>
  );
}
