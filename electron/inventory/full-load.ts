import type { SyncProgress, SyncSettings } from '../../shared/inventory/schemas';
import type { ResolvedConnection } from '../connections/connections-service';
import type { VendorHttp } from '../core/http/vendor-http';
import type { Db } from '../core/store/database';
import type { OpenedAnswer } from '../simpleconsign/inventory-client';
import { keepingLog } from './bulk-worker';
import { CopyLoad, type CopyWorkers, type PipedAnswer } from './copy-load';
import type { InventoryRepo } from './inventory-repo';
import type { LoadOutcome } from './load-job';
import { slotOf } from './slot-schema';
import { checkAbort } from './sync-apply';
import { askForFlagged, askForItems, type Asked } from './sync-request';

export interface FullLoadRun {
  deps: { repo: InventoryRepo; http: VendorHttp; now: () => number; spend?: (apiKey: string) => Promise<void>; onSlotReady?: (gen: number) => void; onProgress?: (p: SyncProgress) => void };
  workers: CopyWorkers;
  conn: ResolvedConnection<'simpleconsign'>;
  settings: SyncSettings;
  /** The generation the load writes (the one after the copy's). */
  gen: number;
  progress: SyncProgress;
  signal: AbortSignal;
  /** Rows per transaction at first, and the time a transaction aims at (null: the first size throughout). */
  chunk: { rows: number; budgetMs: number | null };
}

/** Reads an answer into the load, its failures worded as SimpleConsign's; an answer without a list is its refusal. */
async function pipeAnswer(load: CopyLoad, stream: 'items' | 'flags', opened: OpenedAnswer): Promise<PipedAnswer> {
  const piped = await load.pipe(stream, opened.pieces).catch((e: unknown) => {
    throw opened.problem(e);
  });
  if (piped.total === null) throw opened.refusal(piped.shell);
  return piped;
}

/**
 * A full load up to its commit: the copy's worker starts (and empties the new slot) while
 * SimpleConsign builds its answer; the answer's bytes go to the worker as they arrive, where items
 * are read and written while the rest is still coming. When the first items do not say whether
 * they are E-commerce items, the list of those is asked for at once and read alongside. Then the
 * worker builds the indexes and the search facts, and `commit` switches generations. Nothing here is
 * visible to searches until then; stopped or failed before, the worker's slot is simply left behind.
 */
export async function loadInFull<T>(run: FullLoadRun, commit: (loaded: { asked: Asked; outcome: LoadOutcome; received: number }) => T): Promise<T> {
  const { deps, conn, settings, progress, signal } = run;
  const { db } = deps.repo;
  let flagged: Promise<PipedAnswer> | null = null;
  const load = CopyLoad.start(run.workers, { slot: slotOf(run.gen), settings, vendorFiltered: true, learnFlags: !settings.includeOnlyEcommerceItems, readsAnswer: true, chunk: run.chunk }, {
    ready: () => deps.onSlotReady?.(run.gen),
    progress: (received, applied) => deps.onProgress?.(Object.assign(progress, { received, applied })),
    lacksFlag: () => {
      flagged = askForFlagged(deps, conn, settings, signal).then((opened) => pipeAnswer(load, 'flags', opened));
      flagged.catch(() => undefined);
    },
  });
  return whileLoading(db, load, signal, async () => {
    const asked = await askForItems({ ...deps, workers: run.workers }, conn, { mode: 'full', settings, since: null }, signal);
    if (asked.answer.kind !== 'stream') throw new Error('a full load reads its answer as it arrives');
    progress.phase = 'applying';
    const items = await pipeAnswer(load, 'items', asked.answer.opened);
    if (flagged) await flagged;
    checkAbort(signal);
    progress.phase = 'indexing';
    return load.finish((outcome) => {
      checkAbort(signal);
      return commit({ asked, outcome, received: items.total ?? 0 });
    });
  });
}

/**
 * Runs a load's work: stopped when the run is, its worker ended when it fails. While the worker
 * writes, a commit on the store's connection (a sale, say) must not copy the long log back into
 * the file: the worker does that once, at the end.
 */
export async function whileLoading<T>(db: Db, load: CopyLoad, signal: AbortSignal, work: () => Promise<T>): Promise<T> {
  const stop = () => void load.stop();
  signal.addEventListener('abort', stop, { once: true });
  try {
    return await keepingLog(db, work);
  } catch (e) {
    await load.stop();
    throw e;
  } finally {
    signal.removeEventListener('abort', stop);
  }
}
