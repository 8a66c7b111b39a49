import { feedInFull, type CopyFeed } from './copy-feed';
import { applyChanges } from './sync-changes';
import { switchTo } from './sync-commit';
import { workerChunk, type Job, type SyncDeps } from './sync-job';

/**
 * Items from another source (a store server), through the same bulk path as SimpleConsign's (see
 * copy-feed.ts): in full into the other slot and one switch, or as a change set. The copy commits
 * with the feed's own mark.
 */
export async function loadFeed(deps: SyncDeps, job: Job, feed: CopyFeed): Promise<void> {
  const { running } = job;
  if (job.mode === 'incremental') return applyChanges(deps, job, feed.source, null, null);
  const gen = job.state.gen + 1;
  const run = { db: deps.repo.db, workers: deps.workers, settings: job.settings, gen, progress: running.progress, signal: running.controller.signal, chunk: workerChunk(deps), onSlotReady: deps.onSlotReady, onProgress: deps.onProgress };
  await feedInFull(run, feed.source, (outcome) => switchTo(deps, job, null, gen, outcome, feed.source.total));
}
