import { flushSync } from 'react-dom';
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

/**
 * Moves focus to an element by test id at once, so keys typed right after a shortcut land in it;
 * only an element React has not drawn yet is focused a frame later.
 */
export function focusTestId(testId: string): void {
  const find = () => document.querySelector<HTMLElement>(`[data-testid="${testId}"]`);
  const el = find();
  if (el) el.focus();
  else requestAnimationFrame(() => find()?.focus());
}

/** Shows a view and focuses a field in it within the same key press: the view is drawn synchronously first. */
export function showView<V>(setView: (view: V) => void, view: V, testId: string): void {
  flushSync(() => setView(view));
  focusTestId(testId);
}

/** Selects the text of the field that has the focus. */
export function selectFocused(): void {
  const el = document.activeElement;
  if (el instanceof HTMLInputElement) el.select();
}
