import { useRef } from 'react';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { ItemPanel } from './ItemPanel';
import { useCategories, useSyncStatus } from './queries';
import type { ResultsHandle } from './ResultsTable';
import { SearchResults } from './SearchResults';
import { useInventoryUi } from './search-store';
import { SyncPanel } from './SyncPanel';
import { SyncSettingsForm } from './SyncSettingsForm';

/** The local copy of the SimpleConsign inventory: its sync, its search and one item at a time. */
export function InventoryScreen() {
  const status = useSyncStatus();
  const selected = useInventoryUi((s) => s.selectedSku);
  const select = useInventoryUi((s) => s.select);
  const loaded = status.data?.loaded ?? false;
  const dataVersion = status.data?.dataVersion ?? 0;
  const categories = useCategories(dataVersion, loaded);
  const results = useRef<ResultsHandle>(null);
  const searchBox = useRef<HTMLInputElement>(null);
  const close = () => {
    const sku = selected;
    select(null);
    // Back to the row the panel was opened from.
    if (sku) requestAnimationFrame(() => results.current?.focusSku(sku));
  };
  return (
    <div className="screen inventory-screen" data-testid="screen-inventory">
      <h1>Inventory</h1>
      <ErrorMessage error={status.error} />
      {status.data && (
        <>
          <SyncPanel status={status.data}>
            <SyncSettingsForm key={JSON.stringify(status.data.settings)} settings={status.data.settings} categories={(categories.data?.categories ?? []).map((c) => c.name)} />
          </SyncPanel>
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
          <SearchResults dataVersion={dataVersion} categories={categories.data?.categories ?? []} results={results} searchBox={searchBox} />
          {selected && <ItemPanel key={selected} sku={selected} dataVersion={dataVersion} onClose={close} />}
        </div>
      )}
    </div>
  );
}
