import type { SyncMode, SyncProgress } from '../../shared/inventory/schemas';
import type { Db } from '../core/store/database';
import { CopyLoad } from './copy-load';
import { whileLoading, type FullLoadRun } from './full-load';
import type { ItemSource } from './item-source';
import type { LoadOutcome } from './load-job';
import { slotOf } from './slot-schema';
import { checkAbort } from './sync-apply';

/**
 * Items for the local copy from a source other than SimpleConsign (a store server that keeps the
 * copy for several workstations), with what the copy commits with. They take the same bulk path as
 * SimpleConsign's answers: a full feed writes a new copy in the copy's worker and switches to it in
 * one transaction with `mark`; a change set is applied as a "modified since" answer is. A failed or
 * interrupted feed leaves the copy, the watermark and the full-text index as they were.
 */
export interface CopyFeed {
  /** 'full' replaces the copy; 'incremental' applies changes (an item with `state: 'I'` removes its SKU). */
  mode: SyncMode;
  /** The items, a slice at a time, each as SimpleConsign sends it (read and checked as an answer's are). */
  source: ItemSource;
  /** The copy's state once the feed is applied: SimpleConsign's watermark and clocks as the source had them. */
  mark: CopyMark;
}

export interface CopyMark {
  /** The next `modifiedSince` to ask SimpleConsign for. */
  watermark: number;
  /** The last load's start on SimpleConsign's Date clock. */
  clockStart: number;
  /** The newest `lastUpdated` the copy has seen. */
  newestStamp: number | null;
  /** Where the copy came from (`training`, `live:<address>`): a load from another source is a full one. */
  source: string;
  /** The request options the copy was loaded with (`optionsKey`). */
  options: string;
}

/** A full feed written into the next generation's slot through the copy's worker, then `commit` (as `loadInFull`). */
export async function feedInFull<T>(
  run: Omit<FullLoadRun, 'conn' | 'deps'> & { db: Db; onSlotReady?: (gen: number) => void; onProgress?: (p: SyncProgress) => void },
  source: ItemSource,
  commit: (outcome: LoadOutcome) => T,
): Promise<T> {
  const { progress, signal } = run;
  const load = CopyLoad.start(run.workers, { slot: slotOf(run.gen), settings: run.settings, vendorFiltered: false, learnFlags: false, chunk: run.chunk }, {
    ready: () => run.onSlotReady?.(run.gen),
  });
  try {
    return await whileLoading(run.db, load, signal, async () => {
      Object.assign(progress, { phase: 'applying', received: source.total });
      for (let items = await source.next(SLICE); items; items = await source.next(SLICE)) {
        checkAbort(signal);
        progress.applied = await load.addItems(items);
        run.onProgress?.(progress);
      }
      checkAbort(signal);
      progress.phase = 'indexing';
      return load.finish((outcome) => {
        checkAbort(signal);
        return commit(outcome);
      });
    });
  } finally {
    source.close();
  }
}

/** Items per message to the worker: big enough that messages cost little, small enough to stop soon when asked. */
const SLICE = 5_000;
