import type { ReactNode } from 'react';

/**
 * Asks before an action that cannot be undone from here: what will happen, then confirm or go back. Its title is a
 * heading one level under the section it opens in (`level`, 4 unless told), so the page's outline has no gap.
 */
export function ConfirmPanel(props: {
  level?: 3 | 4;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  busy?: boolean;
  confirmDisabled?: boolean;
  testId: string;
}) {
  const Heading = props.level === 3 ? 'h3' : 'h4';
  return (
    <div className="confirm-panel" role="dialog" aria-label={props.title} data-testid={props.testId}>
      <Heading>{props.title}</Heading>
      {props.children}
      <div className="confirm-actions">
        <button type="button" onClick={props.onConfirm} disabled={props.busy || props.confirmDisabled} data-testid={`${props.testId}-confirm`}>
          {props.confirmLabel}
        </button>
        <button type="button" className="secondary" onClick={props.onCancel} disabled={props.busy} data-testid={`${props.testId}-back`}>
          Go back
        </button>
      </div>
    </div>
  );
}
