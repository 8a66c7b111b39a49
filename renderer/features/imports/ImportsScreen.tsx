import { EmptyState } from '../../ui/EmptyState';

export function ImportsScreen() {
  return (
    <EmptyState screenTitle title="Imports" testId="empty-imports">
      <p>Uploaded product sheets and their Trax Retail review status appear here.</p>
      <p>This version does not upload product sheets yet, so there is nothing to track.</p>
    </EmptyState>
  );
}
