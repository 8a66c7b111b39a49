import { formatDollars } from '../../../shared/money';

export const when = (ms: number | null) => (ms === null ? '—' : new Date(ms).toLocaleString());
export const time = (ms: number) => new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
export const count = (n: number) => n.toLocaleString();
export const money = (cents: number | null) => (cents === null ? '—' : formatDollars(cents));
export const yesNo = (v: boolean | null) => (v === null ? '—' : v ? 'Yes' : 'No');
export const orDash = (v: string | number | null) => (v === null || v === '' ? '—' : String(v));

/** "12 items"; "10,000+ items" when the total was counted only up to its cap. */
export function countText(total: number, exact: boolean): string {
  return `${total.toLocaleString('en-US')}${exact ? '' : '+'} ${total === 1 && exact ? 'item' : 'items'}`;
}
