import { useNav } from '../../app/nav-store';
import { useSyncStatus, useSyncNow } from '../inventory/queries';

/** On a first start nothing can be scanned until the inventory copy is loaded: say so and offer to load it. */
export function InventoryEmptyNotice() {
  const status = useSyncStatus();
  const syncNow = useSyncNow();
  const go = useNav((s) => s.go);
  if (!status.data || status.data.loaded) return null;
  const running = status.data.running !== null || syncNow.isPending;
  return (
    <div className="notice" role="status" data-testid="sale-inventory-empty">
      <strong>The inventory copy is empty.</strong> Scanned items cannot be found until it is loaded from SimpleConsign.{' '}
      <button type="button" onClick={() => syncNow.mutate()} disabled={running} data-testid="sale-load-inventory">
        {running ? 'Loading…' : 'Load it now'}
      </button>{' '}
      <button type="button" className="link" onClick={() => go('inventory')}>
        Open Inventory
      </button>
    </div>
  );
}
