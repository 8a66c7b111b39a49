import { EmptyState } from '../../ui/EmptyState';

export function ReturnsScreen() {
  return <EmptyState title="Returns">Find the original sale to return items.</EmptyState>;
}
