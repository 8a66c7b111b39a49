import { EmptyState } from '../../ui/EmptyState';

export function SalesScreen() {
  return <EmptyState title="Sales">Record a sale here.</EmptyState>;
}
