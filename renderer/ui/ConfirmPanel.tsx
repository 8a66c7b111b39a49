import { useLayoutEffect, useRef, useState, type ReactNode, type RefObject } from 'react';

/** One level under the heading before `ref` in the page (the section it opens in), so the outline has no gap. */
function useLevelUnder(ref: RefObject<HTMLElement | null>): number {
  const [level, setLevel] = useState(4);
  useLayoutEffect(() => {
    const me = ref.current;
    if (!me) return;
    const before = Array.from(document.querySelectorAll('h1, h2, h3, h4, h5, h6')).filter((h) => !me.contains(h) && h.compareDocumentPosition(me) & Node.DOCUMENT_POSITION_FOLLOWING);
    const last = before.at(-1);
    setLevel(last ? Math.min(6, Number(last.tagName[1]) + 1) : 2);
  }, [ref]);
  return level;
}

/**
 * Asks before an action that cannot be undone from here: what will happen, then confirm or go back. Its title is a
 * heading one level under the section it opens in.
 */
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
  const ref = useRef<HTMLDivElement>(null);
  const Heading = `h${useLevelUnder(ref)}` as 'h4';
  return (
    <div ref={ref} className="confirm-panel" role="dialog" aria-label={props.title} data-testid={props.testId}>
      <Heading className="confirm-title">{props.title}</Heading>
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
