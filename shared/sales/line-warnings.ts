import type { DraftLineData } from './counter';

/** "12/02/2012" (SimpleConsign's MM/DD/YYYY) or "2012-12-02" → that day's number (UTC days since epoch); null when unreadable. */
export function dayOf(text: string): number | null {
  const us = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(text);
  const iso = /^\s*(\d{4})-(\d{2})-(\d{2})/.exec(text);
  const [y, m, d] = us ? [Number(us[3]), Number(us[1]), Number(us[2])] : iso ? [Number(iso[1]), Number(iso[2]), Number(iso[3])] : [NaN, NaN, NaN];
  if (!Number.isInteger(y) || m < 1 || m > 12 || d < 1 || d > 31) return null;
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

const isHold = (status: string) => /\bhold\b/i.test(status);

/**
 * Why a line of a sale should not be sold without a second look: more than on hand (all lines of the SKU
 * together), a consignment item already sold out, an item on hold, or a consignment past its expiry.
 * `today` is the local date as a day number (see `dayOf`).
 */
export function lineWarnings(line: DraftLineData, lines: readonly DraftLineData[], today: number): string[] {
  const s = line.stock;
  if (!s) return [];
  const warnings: string[] = [];
  const wanted = lines.filter((l) => l.sku.toUpperCase() === line.sku.toUpperCase()).reduce((n, l) => n + l.quantity, 0);
  if (s.onHand <= 0) warnings.push(s.consignment ? 'Sold out: this consignment item has none left' : 'None on hand');
  else if (wanted > s.onHand) warnings.push(`Only ${s.onHand} on hand`);
  if (s.status && isHold(s.status)) warnings.push('On hold');
  const expires = s.consignment && s.expireDate ? dayOf(s.expireDate) : null;
  if (expires !== null && expires < today) warnings.push(`Consignment expired on ${s.expireDate}`);
  else if (s.status && /expired/i.test(s.status)) warnings.push('Consignment expired');
  return warnings;
}

/** Today's local date as a day number, for `lineWarnings`. */
export function localDay(now: Date): number {
  return Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()) / 86_400_000;
}
