import type { ResolvedConnection } from '../core/feature-connections';
import type { ItemSource } from './item-source';
import { copyLogBack, keepingLog } from './bulk-worker';
import { applyAtOnce, checkAbort, emptyCounts, finishGeneration, prepareGeneration, readAll, streamIntoGeneration } from './sync-apply';
import type { Changing } from './search-facts';
import { commitRun } from './sync-commit';
import { applyContext, type Job, type SyncDeps } from './sync-job';

/**
 * A change set's items (from SimpleConsign or a feed): applied in place in one transaction, or when
 * large, to a copy of the copy in the other slot, which becomes current in one switch.
 */
export async function applyChanges(deps: SyncDeps, job: Job, source: ItemSource, ecommerceSkus: Set<string> | null, conn: ResolvedConnection<'simpleconsign'> | null): Promise<void> {
  const { running, state } = job;
  job.counts = emptyCounts(source.total);
  Object.assign(running.progress, { phase: 'applying', received: source.total });
  const ctx = { ...applyContext(deps, job.settings, running), vendorFiltered: false, ecommerceSkus, previousStart: state.clockStart };
  try {
    if (source.total <= (deps.largeChangeSet ?? 5000)) {
      const records = await readAll(source, ctx, job.counts);
      running.progress.phase = 'committing';
      // The search facts are patched by the worker started as the load began, handed the patch before
      // the commit so that it runs beside it (search-facts.ts). The log the change set writes is
      // copied back into the file by a worker, not at its commit: by that one once searches pause, or
      // by one started for it.
      let facts: Changing | undefined;
      await keepingLog(deps.repo.db, async () => {
        try {
          applyAtOnce(ctx, state.gen, records, job.counts, (change) => {
            commitRun(deps, job, conn, state.gen);
            facts = deps.facts?.changing(change);
          });
        } catch (e) {
          // Not committed: the searches keep the previous version's facts.
          facts?.undo();
          throw e;
        }
      });
      await facts?.ready;
      if (!(await facts?.copiedBack)) await copyLogBack(deps.repo.db);
      return;
    }
    // A new generation in the other slot, written while searches keep reading the current one:
    // rows first, then every index in one pass off the main thread, then one switch.
    const { repo } = deps;
    const next = state.gen + 1;
    await prepareGeneration(repo, next, state.gen);
    await streamIntoGeneration(source, ctx, next, job.counts);
    checkAbort(ctx.signal);
    running.progress.phase = 'indexing';
    const itemCount = await finishGeneration(repo, next, false, job.counts);
    checkAbort(ctx.signal);
    running.progress.phase = 'committing';
    repo.db.transaction(() => commitRun(deps, job, conn, next, itemCount))();
    deps.facts?.changed();
  } finally {
    source.close();
  }
}
