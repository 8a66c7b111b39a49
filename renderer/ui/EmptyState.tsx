import type { ReactNode } from 'react';

/** What a screen shows when it has nothing yet: what it is for and what to do first. */
export function EmptyState({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <div className="empty-state" data-testid={testId ?? 'empty-state'}>
      <h2>{title}</h2>
      <div>{children}</div>
    </div>
  );
}
