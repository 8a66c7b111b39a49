import { currentFormats } from '../../shared/locale/current';
/**
 * SimpleConsign has two clocks a load can read: its web server's (the `Date` header of each answer)
 * and the one that stamps each item's `lastUpdated`, which `modifiedSince` compares. They are
 * different machines when the web servers and the database are, and a till may stamp changes too.
 * The next `modifiedSince` follows whichever is further behind, so neither can make a load miss a
 * change; when they disagree by more than the overlap, the run says so.
 */

const MINUTE = 60_000;

const minutes = (ms: number) => {
  const m = Math.round(Math.abs(ms) / MINUTE);
  return currentFormats().count(m, 'minute', 'minutes');
};

/** When a run began on the clock that answers (SimpleConsign's Date header), and what to say when that clock is far off ours. */
export function vendorClock(sentAt: number, answeredAt: number, serverDate: number | null, overlapMinutes: number): { start: number; note: string | null } {
  if (serverDate === null) return { start: sentAt, note: null };
  // The Date header (to the second) was written once the answer was ready, so SimpleConsign's
  // time when the request arrived is no earlier than this.
  const start = serverDate - (answeredAt - sentAt) - 1000;
  const skew = serverDate - answeredAt;
  if (Math.abs(skew) <= (overlapMinutes * MINUTE) / 2) return { start, note: null };
  return {
    start,
    note: `SimpleConsign’s clock is ${minutes(skew)} ${skew < 0 ? 'behind' : 'ahead of'} this computer’s. The next load asks for changes by SimpleConsign’s own clock, so none is missed; check the computer’s date and time.`,
  };
}

/** What one run learnt of the items' own stamps. */
export interface StampFacts {
  /** The newest `lastUpdated` among the items the run received, or null when none carried one. */
  newest: number | null;
  /**
   * How far the stamps are at least behind the Date header: the largest gap between the previous
   * run's start and the stamp of a change that run could not have seen (it changed the copy now,
   * yet says it happened before). 0 when nothing shows it.
   */
  behindBy: number;
}

export const noStamps = (): StampFacts => ({ newest: null, behindBy: 0 });

/** Notes one item's stamp; `changedCopy` when applying it inserted, updated or removed a row. */
export function noteStamp(facts: StampFacts, lastUpdated: number | null, changedCopy: boolean, previousStart: number | null): void {
  if (lastUpdated === null) return;
  if (facts.newest === null || lastUpdated > facts.newest) facts.newest = lastUpdated;
  if (changedCopy && previousStart !== null && lastUpdated < previousStart) facts.behindBy = Math.max(facts.behindBy, previousStart - lastUpdated);
}

/**
 * The next run's `modifiedSince`: the older of the run's start on the Date clock and the newest
 * stamp the copy has seen, less the overlap. In a store whose stamps run behind, a change made just
 * after this run is stamped before it; the newest stamp seen is the latest moment on that clock the
 * copy is known to be complete up to.
 */
export function nextWatermark(start: number, newestStamp: number | null, overlapMinutes: number): number {
  const basis = newestStamp === null ? start : Math.min(start, newestStamp);
  return basis - overlapMinutes * MINUTE;
}

/** What to tell staff when the items' stamps and SimpleConsign's Date header disagree by more than the overlap. */
export function stampWarnings(facts: StampFacts, answeredAt: number, overlapMinutes: number): string[] {
  const overlap = overlapMinutes * MINUTE;
  const out: string[] = [];
  if (facts.behindBy > overlap) {
    out.push(
      `SimpleConsign’s items carry change times at least ${minutes(facts.behindBy)} behind its own clock (the Date of its answers), more than the ${overlapMinutes}-minute overlap. Loads now ask from the items’ own times, so no change is missed; ask SimpleConsign to check the clock of the server that stamps changes.`,
    );
  }
  if (facts.newest !== null && facts.newest - answeredAt > overlap) {
    out.push(
      `SimpleConsign’s items carry change times up to ${minutes(facts.newest - answeredAt)} ahead of its own clock (the Date of its answers), more than the ${overlapMinutes}-minute overlap. No change is missed; ask SimpleConsign to check the clock of the server that stamps changes.`,
    );
  }
  return out;
}
