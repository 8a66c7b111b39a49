import { EmptyState } from '../../ui/EmptyState';

export function InventoryScreen() {
  return <EmptyState title="Inventory">Load the store’s inventory from SimpleConsign.</EmptyState>;
}
