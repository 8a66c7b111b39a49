import { useEffect, useRef } from 'react';

/** Keys closer together than this come from a scanner, not a person (a scanner types a line in 20–60 ms). */
const SCAN_GAP_MS = 50;
/** The shortest code taken as a scan. */
const SCAN_MIN_LENGTH = 3;

interface Burst {
  target: EventTarget | null;
  before: string | null;
  chars: string;
  lastAt: number;
}

/** Sets a React-controlled input's value the way typing would, so its onChange sees it. */
function restoreInput(target: EventTarget | null, value: string | null): void {
  if (!(target instanceof HTMLInputElement) || value === null) return;
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
  setter?.call(target, value);
  target.dispatchEvent(new Event('input', { bubbles: true }));
}

const textInput = (t: EventTarget | null): t is HTMLInputElement =>
  t instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit'].includes(t.type);

/**
 * A scan (fast keystrokes ending in Enter) always lands as a SKU, whichever field has the cursor: the
 * characters it typed into that field are taken back out, and `onScan` gets the code. Slower typing is
 * left alone.
 */
export function useScanCapture(onScan: (code: string) => void, enabled: boolean): void {
  const burst = useRef<Burst>({ target: null, before: null, chars: '', lastAt: -Infinity });
  const scan = useRef(onScan);
  useEffect(() => {
    scan.current = onScan;
  }, [onScan]);
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      const b = burst.current;
      if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
        if (e.timeStamp - b.lastAt > SCAN_GAP_MS) {
          const t = e.target;
          burst.current = { target: t, before: textInput(t) ? t.value : null, chars: e.key, lastAt: e.timeStamp };
        } else {
          b.chars += e.key;
          b.lastAt = e.timeStamp;
        }
        return;
      }
      if (e.key !== 'Enter' || e.ctrlKey || e.metaKey || e.altKey) return;
      const isScan = b.chars.length >= SCAN_MIN_LENGTH && e.timeStamp - b.lastAt <= SCAN_GAP_MS * 2;
      burst.current = { target: null, before: null, chars: '', lastAt: -Infinity };
      if (!isScan) return;
      e.preventDefault();
      e.stopPropagation();
      restoreInput(b.target, b.before);
      scan.current(b.chars.trim());
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [enabled]);
}
