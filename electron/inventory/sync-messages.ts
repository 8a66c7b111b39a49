import { currentFormats } from '../../shared/locale/current';
import type { SyncMode } from '../../shared/inventory/schemas';
import type { Counts } from './sync-apply';

const n = (v: number) => currentFormats().number(v);
const plural = (v: number, one: string, many = `${one}s`) => `${n(v)} ${v === 1 ? one : many}`;

/** One line for the run history: what the load found and what it changed. */
export function describeCounts(mode: SyncMode, c: Counts): string {
  const parts: string[] = [];
  if (c.inserted) parts.push(`${n(c.inserted)} new`);
  if (c.updated) parts.push(`${n(c.updated)} updated`);
  if (c.deleted) parts.push(`${n(c.deleted)} removed`);
  if (c.unchanged) parts.push(`${n(c.unchanged)} already up to date`);
  if (c.leftOut) parts.push(`${n(c.leftOut)} inactive or sold out left out`);
  if (c.skipped) parts.push(`${plural(c.skipped, 'entry', 'entries')} skipped`);
  const what = mode === 'full' ? `Full load: ${plural(c.received, 'item')} received` : `Changes since the last load: ${plural(c.received, 'item')} received`;
  return parts.length > 0 ? `${what}; ${parts.join(', ')}.` : `${what}; nothing to change.`;
}

/** "8 minutes", "1 minute", "less than a minute". */
export function minutesFrom(now: number, then: number): string {
  const minutes = Math.ceil((then - now) / 60_000);
  return minutes <= 0 ? 'less than a minute' : plural(minutes, 'minute');
}
