import type { SyncSettings } from '../../shared/inventory/schemas';
import type { ResolvedConnection } from '../core/feature-connections';
import type { CopyMark } from './copy-feed';
import type { LoadOutcome } from './load-job';
import { slotOf } from './slot-schema';
import { emptyCounts, type Counts } from './sync-apply';
import { nextWatermark, stampWarnings } from './sync-clocks';
import type { Job, SyncDeps } from './sync-job';
import { describeCounts } from './sync-messages';

/** The request options that shape the copy; when they change, the next load must be a full one. */
export function optionsKey(s: SyncSettings): string {
  return JSON.stringify({ category: s.category, consignorId: s.consignorId, ecommerce: s.includeOnlyEcommerceItems, zero: s.includeItemsWithQuantityZero });
}

export function sourceOf(conn: ResolvedConnection<'simpleconsign'>): string {
  return conn.training ? 'training' : `live:${conn.settings.baseUrl}`;
}

/**
 * The run's last write: the new generation, the watermark and the run record. A feed brings its
 * watermark; SimpleConsign's is the older of the run's start and the newest change stamp the copy
 * has seen, minus the overlap. Called inside the transaction that makes the run visible.
 */
export function commitRun(deps: SyncDeps, job: Job, conn: ResolvedConnection<'simpleconsign'> | null, gen: number, itemCount?: number): void {
  const mark = job.feed?.mark ?? markOf(job, conn!);
  const stampNotes = job.feed ? [] : stampWarnings(job.counts.stamps, job.answeredAt, job.settings.overlapMinutes);
  deps.repo.commit(gen, {
    ...mark,
    itemCount,
    runId: job.runId,
    finishedAt: deps.now(),
    counts: job.counts,
    message: describeCounts(job.mode, job.counts),
    details: skipDetails(job.counts),
    warnings: [...job.notes, ...stampNotes],
  });
}

/** A new copy written in full: the switch to it with the watermark, and its search facts handed to the searches. */
export function switchTo(deps: SyncDeps, job: Job, conn: ResolvedConnection<'simpleconsign'> | null, gen: number, outcome: LoadOutcome, received: number): void {
  const counts = emptyCounts(received);
  Object.assign(counts, { inserted: outcome.itemCount, updated: outcome.duplicates, leftOut: outcome.leftOut, skipped: outcome.skipped, skipReasons: new Map(outcome.skipReasons) });
  counts.stamps.newest = outcome.newestStamp;
  job.counts = counts;
  job.running.progress.phase = 'committing';
  const { repo } = deps;
  repo.db.transaction(() => commitRun(deps, job, conn, gen, outcome.itemCount))();
  deps.facts?.install(slotOf(gen), repo.state().dataVersion, outcome.facts);
}

/** Where a load from SimpleConsign leaves the copy's clocks. */
function markOf(job: Job, conn: ResolvedConnection<'simpleconsign'>): CopyMark {
  const { stamps } = job.counts;
  const known = job.mode === 'full' ? null : job.state.newestStamp;
  const newestStamp = known === null || stamps.newest === null ? (stamps.newest ?? known) : Math.max(known, stamps.newest);
  const watermark = nextWatermark(job.startedAt, newestStamp, job.settings.overlapMinutes);
  return { watermark, clockStart: job.startedAt, newestStamp, source: sourceOf(conn), options: optionsKey(job.settings) };
}

function skipDetails(c: Counts): string[] {
  return [...c.skipReasons.entries()].slice(0, 5).map(([reason, n]) => `Skipped ${n} × ${reason}.`);
}
