import { currentFormats } from '../../../shared/locale/current';

export const when = (ms: number | null) => (ms === null ? '—' : currentFormats().dateTime(ms));
export const time = (ms: number) => currentFormats().time(ms);
export const count = (n: number) => currentFormats().number(n);
export const money = (cents: number | null) => (cents === null ? '—' : currentFormats().money(cents));
export const yesNo = (v: boolean | null) => (v === null ? '—' : v ? 'Yes' : 'No');
export const orDash = (v: string | number | null) => (v === null || v === '' ? '—' : String(v));

/** "1 item", "12 items"; "10,000+ items" when the total was counted only up to its cap. */
export function countText(total: number, exact: boolean): string {
  const f = currentFormats();
  return exact ? f.count(total, 'item', 'items') : `${f.number(total)}+ items`;
}
export const plural = (n: number, one: string, other: string) => currentFormats().plural(n, one, other);
