import type { ReactNode } from 'react';

/** What a screen shows when it has nothing yet: what it is for and what to do first. */
export function EmptyState({ title, children, testId, screenTitle = false }: { title: string; children: ReactNode; testId?: string; screenTitle?: boolean }) {
  // A screen that is nothing but this needs its one level-one heading here.
  const Heading = screenTitle ? 'h1' : 'h2';
  return (
    <div className="empty-state" data-testid={testId ?? 'empty-state'}>
      <Heading>{title}</Heading>
      <div>{children}</div>
    </div>
  );
}
