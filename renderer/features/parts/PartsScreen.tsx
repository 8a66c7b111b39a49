import { EmptyState } from '../../ui/EmptyState';

export function PartsScreen() {
  return (
    <EmptyState screenTitle title="Parts" testId="empty-parts">
      <p>Search HeavyTruckParts.net by part type, make and model, log calls and create sales documents here.</p>
      <p>This version does not search parts yet. Choose your ITrack API domain and user under Connections to be ready.</p>
    </EmptyState>
  );
}
