import type { SyncMode, SyncProgress, SyncRun, SyncTrigger } from '../../shared/inventory/schemas';
import type { ResolvedConnection } from '../core/feature-connections';
import { AppError } from '../core/app-error';
import { storeWriteProblem } from '../core/store/store-errors';
import { InventoryFetchError } from '../simpleconsign/inventory-client';
import type { CopyFeed } from './copy-feed';
import type { SyncState } from './inventory-repo';
import { emptyCounts, prepareGeneration, SyncInterrupted, type Counts } from './sync-apply';
import { optionsKey, sourceOf } from './sync-commit';
import { loadFeed } from './sync-feed';
import type { Job, Running, SyncDeps } from './sync-job';
import { minutesFrom } from './sync-messages';
import { loadSimpleConsign } from './sync-simpleconsign';

export { queryFor } from './sync-request';
export { optionsKey, sourceOf } from './sync-commit';
export type { SyncDeps } from './sync-job';

const MINUTE = 60_000;
const DEFAULT_CAP_PAUSE = 10 * MINUTE;

/**
 * Loads SimpleConsign's inventory into the local copy: the first load and reloads in full, later
 * ones "modified since" the watermark. Everything a run changes becomes visible in one transaction
 * together with the new watermark (the run's start minus the overlap); a failure changes neither.
 */
export class InventorySync {
  private running: Running | null = null;
  /** After a transient failure, the scheduler waits until then. */
  retryAt: number | null = null;
  /** A failed run the store could not record (disk full, read-only): shown from memory instead. */
  unrecorded: SyncRun | null = null;

  constructor(private readonly deps: SyncDeps) {}

  progress(): SyncProgress | null {
    return this.running ? { ...this.running.progress } : null;
  }

  isRunning(): boolean {
    return this.running !== null;
  }

  /** Whether the next run will be a full load. */
  needsFullLoad(state: SyncState, source: string | null): boolean {
    return state.watermark === null || (source !== null && state.source !== source) || state.options !== optionsKey(this.deps.settings());
  }

  /**
   * Starts a run and answers its completion. Refuses (AppError) when one is running or the
   * request cap is in force; the run's own failures are recorded, never thrown.
   */
  start(trigger: SyncTrigger, opts: { since?: number; feed?: CopyFeed } = {}): Promise<void> {
    if (this.running) {
      if (trigger !== 'reload') return this.running.done;
      throw new AppError('conflict', 'A load is already running. Start the full reload when it has finished.');
    }
    const now = this.deps.now();
    const paused = Math.max(this.deps.repo.state().pausedUntil ?? 0, this.deps.allowance?.pausedAt(now)?.until ?? 0) || null;
    if (paused !== null && paused > now && !opts.feed) {
      throw new AppError('conflict', `SimpleConsign’s request limit was reached. The next load can start in ${minutesFrom(now, paused)}.`);
    }
    const controller = new AbortController();
    // The connection is read once the run starts; until then the copy's state tells which load it will be.
    const state = this.deps.repo.state();
    const mode: SyncMode = opts.feed?.mode ?? (trigger === 'reload' || this.needsFullLoad(state, null) ? 'full' : 'incremental');
    const progress: SyncProgress = { mode, phase: 'requesting', startedAt: now, received: 0, applied: 0 };
    const running: Running = { progress, controller, done: Promise.resolve() };
    running.done = this.run(trigger, running, opts.since ?? null, opts.feed ?? null).finally(() => {
      this.running = null;
    });
    this.running = running;
    return running.done;
  }

  /** Stops a run in progress (closing the app) and waits for it to settle. */
  async stop(): Promise<void> {
    const r = this.running;
    if (r) {
      r.controller.abort();
      await r.done;
    }
  }

  private async run(trigger: SyncTrigger, running: Running, since: number | null, feed: CopyFeed | null): Promise<void> {
    this.unrecorded = null;
    try {
      await this.attempt(trigger, running, since, feed);
    } catch (e) {
      // Even the failure could not be written (the disk is full, the file read-only): keep it in memory.
      const { mode, startedAt } = running.progress;
      const message = storeWriteProblem(e) ?? `The load failed and could not be recorded (${e instanceof Error ? e.message : String(e)}).`;
      this.unrecorded = { id: 0, mode, trigger, startedAt, finishedAt: this.deps.now(), outcome: 'failed', received: 0, inserted: 0, updated: 0, deleted: 0, skipped: 0, message, details: [], warnings: [] };
      this.retryAt = this.deps.now() + MINUTE;
    }
  }

  private async attempt(trigger: SyncTrigger, running: Running, since: number | null, feed: CopyFeed | null): Promise<void> {
    // A worker starts while SimpleConsign is asked: the load writes through it, or after changes it
    // readies memory for the search facts meanwhile and then patches them.
    this.deps.workers.warm();
    const state = this.deps.repo.state();
    const conn = feed ? null : await this.connection();
    const mode: SyncMode = feed?.mode ?? (trigger === 'reload' || !conn || this.needsFullLoad(state, sourceOf(conn)) ? 'full' : 'incremental');
    running.progress.mode = mode;
    if (mode === 'incremental') void this.deps.facts?.makeRoom();
    const job: Job = {
      runId: this.deps.repo.startRun(mode, trigger, running.progress.startedAt), mode, state, settings: this.deps.settings(), running, counts: emptyCounts(0),
      since: mode === 'incremental' ? (since ?? state.watermark) : null, startedAt: running.progress.startedAt, answeredAt: running.progress.startedAt, notes: [], feed, skus: [],
    };
    try {
      await this.load(job, conn);
    } catch (e) {
      await this.recordFailure(job.runId, e, job.counts, running);
    }
  }

  private async connection(): Promise<ResolvedConnection<'simpleconsign'> | null> {
    try {
      return await this.deps.resolve();
    } catch (e) {
      this.deps.log(`inventory: could not resolve the connection: ${String(e)}`);
      return null;
    }
  }

  /** Loads from SimpleConsign or the feed, then clears what the previous copy left behind. */
  private async load(job: Job, conn: ResolvedConnection<'simpleconsign'> | null): Promise<void> {
    if (job.feed) await loadFeed(this.deps, job, job.feed);
    else await loadSimpleConsign(this.deps, job, conn);
    this.retryAt = null;
    job.running.progress.phase = 'cleaning';
    await this.clearOtherSlot();
    if (!job.feed) this.deps.loaded?.({ mode: job.mode, skus: job.mode === 'full' ? null : job.skus });
  }

  /** Empties the slot searches do not read (the replaced copy, or an abandoned load) to give its disk space back. */
  private async clearOtherSlot(): Promise<void> {
    const { repo } = this.deps;
    const gen = repo.state().gen;
    if (repo.otherSlotHasRows(gen)) await prepareGeneration(repo, gen + 1, null);
  }

  private async recordFailure(runId: number, e: unknown, counts: Counts, running: Running): Promise<void> {
    const { repo, now } = this.deps;
    const interrupted = e instanceof SyncInterrupted || running.controller.signal.aborted;
    this.retryAt = null;
    let message: string;
    let details: string[] = [];
    if (interrupted) message = new SyncInterrupted().message;
    else if (e instanceof InventoryFetchError) {
      message = e.message;
      details = e.opts.details ?? [];
      this.noteTransient(e);
      this.deps.health?.(false, message);
    } else {
      this.deps.log(`inventory sync failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      message = `${storeWriteProblem(e) ?? `The items could not be saved to the local copy (${e instanceof Error ? e.message : String(e)}).`} The local copy and the watermark are unchanged.`;
      this.retryAt = now() + MINUTE;
    }
    repo.finishRun(runId, { outcome: interrupted ? 'interrupted' : 'failed', finishedAt: now(), received: counts.received, skipped: counts.skipped, message, details });
    if (!interrupted) await this.clearOtherSlot().catch(() => undefined);
  }

  /** The request cap pauses every request; other passing troubles make the scheduler back off. */
  private noteTransient(e: InventoryFetchError): void {
    const now = this.deps.now();
    if (e.kind === 'request-cap') {
      this.deps.repo.setPausedUntil(now + (e.opts.retryAfterMs ?? DEFAULT_CAP_PAUSE));
      // One key, one allowance: sales to SimpleConsign hold off for the same ten minutes.
      this.deps.allowance?.pause(now + Math.max(DEFAULT_CAP_PAUSE, e.opts.retryAfterMs ?? 0), e.message);
      return;
    }
    if (!e.transient) return;
    const failures = this.deps.repo.failuresSinceSuccess();
    const backoff = Math.min(this.deps.settings().intervalMinutes * MINUTE, MINUTE * 2 ** Math.min(failures, 10));
    this.retryAt = now + Math.max(backoff, e.opts.retryAfterMs ?? 0);
  }
}
