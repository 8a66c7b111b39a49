import { useEffect, useRef, type RefObject } from 'react';

/**
 * Keys closer together than this come from a scanner, not a person: a scanner types a whole line in 20–60 ms,
 * a person rarely types four keys and Enter each within this. The margin absorbs a busy computer's hiccups.
 */
const SCAN_GAP_MS = 80;
/** The shortest code taken as a scan. */
const SCAN_MIN_LENGTH = 4;

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
 * characters it typed into another field are taken back out, and `onScan` gets the code. Slower typing is
 * left alone, and so is a scan into the SKU field (`home`), which handles its own Enter.
 */
export function useScanCapture(onScan: (code: string) => void, enabled: boolean, home: RefObject<HTMLInputElement | null>): void {
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
      if (e.key === 'Shift') return;
      if (e.key !== 'Enter' || e.ctrlKey || e.metaKey || e.altKey) {
        // Tab, arrows, shortcuts: a person at the keyboard; what follows starts afresh.
        burst.current = { target: null, before: null, chars: '', lastAt: -Infinity };
        return;
      }
      const isScan = b.chars.length >= SCAN_MIN_LENGTH && e.timeStamp - b.lastAt <= SCAN_GAP_MS * 2;
      burst.current = { target: null, before: null, chars: '', lastAt: -Infinity };
      // In the SKU field itself the field's own Enter takes the code as typed.
      if (!isScan || b.target === home.current) return;
      e.preventDefault();
      e.stopPropagation();
      restoreInput(b.target, b.before);
      scan.current(b.chars.trim());
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [enabled, home]);
}
