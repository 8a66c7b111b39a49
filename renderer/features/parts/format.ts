import { currentFormats } from '../../../shared/locale/current';

export const money = (cents: number | null | undefined) => (cents === null || cents === undefined ? '—' : currentFormats().money(cents));
export const orDash = (v: string | number | null | undefined) => (v === null || v === undefined || v === '' ? '—' : String(v));
export const yesNo = (v: boolean | null) => (v === null ? '—' : v ? 'Yes' : 'No');
export const when = (ms: number | null) => (ms === null ? '—' : currentFormats().dateTime(ms));

/** Whether a key press is going into a text field (single-letter shortcuts must not fire there). */
export function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el) return false;
  return el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable;
}

/** Moves focus to an element by test id after React has drawn it. */
export function focusTestId(testId: string): void {
  requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-testid="${testId}"]`)?.focus());
}
