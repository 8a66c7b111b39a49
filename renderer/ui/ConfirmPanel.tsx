import type { ReactNode } from 'react';

/** Asks before an action that cannot be undone from here: what will happen, then confirm or go back. */
export function ConfirmPanel(props: {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  busy?: boolean;
  confirmDisabled?: boolean;
  testId: string;
}) {
  return (
    <div className="confirm-panel" role="dialog" aria-label={props.title} data-testid={props.testId}>
      <h4>{props.title}</h4>
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
