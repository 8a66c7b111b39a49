import { EmptyState } from '../../ui/EmptyState';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { ItemPanel } from './ItemPanel';
import { useCategories, useFirstPage, useSyncStatus } from './queries';
import { ResultsTable } from './ResultsTable';
import { SearchBar } from './SearchBar';
import { useInventoryUi } from './search-store';
import { SyncPanel } from './SyncPanel';
import { SyncSettingsForm } from './SyncSettingsForm';

/** The local copy of the SimpleConsign inventory: its sync, its search and one item at a time. */
export function InventoryScreen() {
  const status = useSyncStatus();
  const filters = useInventoryUi((s) => s.filters);
  const selected = useInventoryUi((s) => s.selectedSku);
  const select = useInventoryUi((s) => s.select);
  const loaded = status.data?.loaded ?? false;
  const dataVersion = status.data?.dataVersion ?? 0;
  const categories = useCategories(dataVersion, loaded);
  const first = useFirstPage(filters, dataVersion, loaded);
  return (
    <div className="screen inventory-screen" data-testid="screen-inventory">
      <h1>Inventory</h1>
      <ErrorMessage error={status.error} />
      {status.data && (
        <>
          <SyncPanel status={status.data} />
          <SyncSettingsForm key={JSON.stringify(status.data.settings)} settings={status.data.settings} categories={(categories.data?.categories ?? []).map((c) => c.name)} />
        </>
      )}
      {status.data && !loaded && (
        <EmptyState title="No inventory copy yet" testId="inventory-empty">
          “Load inventory” brings every active item from SimpleConsign into this computer once; after that only changes are loaded, every{' '}
          {status.data.settings.intervalMinutes} minutes.
        </EmptyState>
      )}
      {loaded && (
        <div className={selected ? 'inventory-body with-panel' : 'inventory-body'}>
          {/* The query whose rows are on screen (not while the previous answer stands in), for measuring typing. */}
          <div className="inventory-results" data-shown-query={first.data && !first.isPlaceholderData ? filters.query : undefined}>
            <SearchBar categories={categories.data?.categories ?? []} result={first.data ?? null} />
            <ErrorMessage error={first.error} testId="inventory-search-error" />
            {first.data?.correctedQuery && (
              <p className="muted" role="status" data-testid="inventory-corrected">
                Nothing matches “{filters.query}”; showing items matching “{first.data.correctedQuery}”.
              </p>
            )}
            {first.data && !first.data.totalExact && (
              <p className="muted" data-testid="inventory-capped">
                More than {first.data.total.toLocaleString('en-US')} items match: the list shows the first {first.data.total.toLocaleString('en-US')}. Add words or filters to narrow it.
              </p>
            )}
            {first.data && first.data.total === 0 && <p className="muted" data-testid="inventory-no-results">No items match.</p>}
            {first.data && first.data.total > 0 && <ResultsTable key={JSON.stringify(filters)} filters={filters} dataVersion={dataVersion} first={first.data} selected={selected} onOpen={select} />}
          </div>
          {selected && <ItemPanel key={selected} sku={selected} dataVersion={dataVersion} onClose={() => select(null)} />}
        </div>
      )}
    </div>
  );
}
