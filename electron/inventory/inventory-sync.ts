import { currentFormats } from '../../shared/locale/current';
import type { SyncMode, SyncProgress, SyncRun, SyncSettings, SyncTrigger } from '../../shared/inventory/schemas';
import type { ResolvedConnection } from '../core/feature-connections';
import { AppError } from '../core/app-error';
import type { VendorHttp } from '../core/http/vendor-http';
import { storeWriteProblem } from '../core/store/store-errors';
import { InventoryFetchError } from '../simpleconsign/inventory-client';
import { ChunkSizer } from './chunk-sizer';
import type { CopyFacts } from './copy-facts';
import { feedInFull, type CopyFeed, type CopyMark } from './copy-feed';
import { CopyWorkers } from './copy-load';
import { loadInFull } from './full-load';
import type { InventoryRepo, SyncState } from './inventory-repo';
import type { ItemSource } from './item-source';
import type { LoadOutcome } from './load-job';
import { slotOf, type Slot } from './slot-schema';
import { applyAtOnce, checkAbort, emptyCounts, finishGeneration, prepareGeneration, readAll, streamIntoGeneration, SyncInterrupted, type ApplyContext, type Counts } from './sync-apply';
import { nextWatermark, stampWarnings } from './sync-clocks';
import { describeCounts, minutesFrom } from './sync-messages';
import { askForItems, type Asked } from './sync-request';

export { queryFor } from './sync-request';

export interface SyncDeps {
  repo: InventoryRepo;
  http: VendorHttp;
  resolve: () => Promise<ResolvedConnection<'simpleconsign'>>;
  settings: () => SyncSettings;
  now: () => number;
  log: (message: string) => void;
  /** Items read or written per chunk at first (small: the first chunks run code not yet optimised). */
  chunkSize?: number;
  /** Chunks grow or shrink to take about this long; null keeps chunkSize fixed. */
  chunkBudgetMs?: number | null;
  /** Told when a full load's worker has emptied the slot it writes into (tests put faults there). */
  onSlotReady?: (gen: number) => void;
  /** Told each time a load's progress moves (tests and the bench follow a load with it). */
  onProgress?: (p: SyncProgress) => void;
  /** The copy's workers (shared with the search's facts); the sync keeps its own when none are given. */
  workers?: CopyWorkers;
  pause?: () => Promise<void>;
  /** Above this many changes an incremental load is applied to a copy of the copy, in chunks. */
  largeChangeSet?: number;
  /** The key's request allowance, shared with the sales deliveries to SimpleConsign. */
  allowance?: { pausedAt(now: number): { until: number } | null; pause(until: number, reason: string): void };
  /** SimpleConsign answered (or not): the connection's health in the status bar follows. */
  health?: (ok: boolean, message: string) => void;
  /** Where searches keep the copy's filter flags and sort orders: a full load hands over those it built; changes in place make them be read again. */
  facts?: { install(slot: Slot, dataVersion: number, facts: CopyFacts): void; changed(): void };
  /** Counts a call against the key's allowance before it is made (the store's, when in a store); throws when it is spent. */
  spend?: (apiKey: string) => Promise<void>;
  /** A load from SimpleConsign was applied: its changed SKUs (null: the whole copy), for the store server. */
  loaded?: (change: { mode: SyncMode; skus: string[] | null }) => void;
}

const MINUTE = 60_000;
const DEFAULT_CAP_PAUSE = 10 * MINUTE;
/** A chunk holds the main process about this long before the next yield: under the 50 ms a screen may wait, with room for a garbage collection. */
const DEFAULT_CHUNK_BUDGET_MS = 15;
const immediate = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The request options that shape the copy; when they change, the next load must be a full one. */
export function optionsKey(s: SyncSettings): string {
  return JSON.stringify({ category: s.category, consignorId: s.consignorId, ecommerce: s.includeOnlyEcommerceItems, zero: s.includeItemsWithQuantityZero });
}

export function sourceOf(conn: ResolvedConnection<'simpleconsign'>): string {
  return conn.training ? 'training' : `live:${conn.settings.baseUrl}`;
}

interface Running {
  progress: SyncProgress;
  controller: AbortController;
  done: Promise<void>;
}

/** One run as it goes. */
interface Job {
  runId: number;
  mode: SyncMode;
  /** The copy's state when the run began. */
  state: SyncState;
  settings: SyncSettings;
  running: Running;
  counts: Counts;
  /** modifiedSince asked for, when not the watermark. */
  since: number | null;
  /** The run's start on SimpleConsign's Date clock (set once SimpleConsign answers). */
  startedAt: number;
  /** When SimpleConsign answered, on the same clock. */
  answeredAt: number;
  notes: string[];
  /** Items from another source (a store server) instead of SimpleConsign's. */
  feed: CopyFeed | null;
  /** The SKUs a change set from SimpleConsign touched. */
  skus: string[];
}

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

  private readonly workers: CopyWorkers;

  constructor(private readonly deps: SyncDeps) {
    this.workers = deps.workers ?? new CopyWorkers(deps.repo.db);
  }

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

  /** Stops a run in progress (closing the app) and waits for it to settle; ends the spare worker. */
  async stop(): Promise<void> {
    const r = this.running;
    if (r) {
      r.controller.abort();
      await r.done;
    }
    await this.workers.close();
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
    // A worker starts while SimpleConsign is asked: the load writes through it, or the search facts are read with it after changes.
    this.workers.warm();
    const state = this.deps.repo.state();
    const conn = feed ? null : await this.connection();
    const mode: SyncMode = feed?.mode ?? (trigger === 'reload' || !conn || this.needsFullLoad(state, sourceOf(conn)) ? 'full' : 'incremental');
    running.progress.mode = mode;
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

  /** Asks SimpleConsign, applies the answer, then clears what the previous copy left behind. */
  private async load(job: Job, conn: ResolvedConnection<'simpleconsign'> | null): Promise<void> {
    if (job.feed) await this.loadFeed(job, job.feed);
    else await this.loadSimpleConsign(job, conn);
    this.retryAt = null;
    job.running.progress.phase = 'cleaning';
    await this.clearOtherSlot();
    if (!job.feed) this.deps.loaded?.({ mode: job.mode, skus: job.mode === 'full' ? null : job.skus });
  }

  private async loadSimpleConsign(job: Job, conn: ResolvedConnection<'simpleconsign'> | null): Promise<void> {
    if (!conn) throw new InventoryFetchError('setup', 'The SimpleConsign connection could not be read (is the keychain available?).');
    if (!conn.training && !conn.enabled) throw new InventoryFetchError('setup', 'The SimpleConsign connection is turned off. Enable it on the Connections screen.');
    if (job.mode === 'full') await this.loadInFull(job, conn);
    else await this.loadChanges(job, conn);
  }

  /** Items from another source, through the same bulk path as SimpleConsign's (see copy-feed.ts). */
  private async loadFeed(job: Job, feed: CopyFeed): Promise<void> {
    const { running } = job;
    if (job.mode === 'incremental') return this.applyChanges(job, feed.source, null, null);
    const gen = job.state.gen + 1;
    const { repo } = this.deps;
    const outcome = await feedInFull({ db: repo.db, workers: this.workers, settings: job.settings, gen, progress: running.progress, signal: running.controller.signal, chunk: this.chunk(), onSlotReady: this.deps.onSlotReady, onProgress: this.deps.onProgress }, feed.source);
    this.switchTo(job, null, gen, outcome, feed.source.total);
  }

  /** What SimpleConsign's answer tells of the run, once it has answered. */
  private answered(job: Job, asked: Asked, received: number): void {
    this.deps.health?.(true, `Inventory loaded: ${currentFormats().count(received, 'item', 'items')} received.`);
    Object.assign(job, { startedAt: asked.startedAt, answeredAt: asked.answeredAt, notes: asked.notes });
    if (asked.notes.length > 0) this.deps.log(`inventory: ${asked.notes.join(' ')}`);
  }

  /** Everything into the other slot through the copy's worker, then one switch (see full-load.ts). */
  private async loadInFull(job: Job, conn: ResolvedConnection<'simpleconsign'>): Promise<void> {
    const { running } = job;
    const gen = job.state.gen + 1;
    const { asked, outcome, received } = await loadInFull({ deps: this.deps, workers: this.workers, conn, settings: job.settings, gen, progress: running.progress, signal: running.controller.signal, chunk: this.chunk() });
    this.answered(job, asked, received);
    this.switchTo(job, conn, gen, outcome, received);
  }

  /** Rows and transactions of a full load's worker at first. */
  private chunk(): { rows: number; budgetMs: number | null } {
    return { rows: this.deps.chunkSize ?? 500, budgetMs: this.deps.chunkBudgetMs === undefined ? 30 : this.deps.chunkBudgetMs };
  }

  /** A new copy written: the switch to it with the watermark, and its search facts handed to the searches. */
  private switchTo(job: Job, conn: ResolvedConnection<'simpleconsign'> | null, gen: number, outcome: LoadOutcome, received: number): void {
    const { running } = job;
    const counts = emptyCounts(received);
    Object.assign(counts, { inserted: outcome.itemCount, updated: outcome.duplicates, leftOut: outcome.leftOut, skipped: outcome.skipped, skipReasons: new Map(outcome.skipReasons) });
    counts.stamps.newest = outcome.newestStamp;
    job.counts = counts;
    running.progress.phase = 'committing';
    const { repo } = this.deps;
    repo.db.transaction(() => this.commit(job, conn, gen, outcome.itemCount))();
    this.deps.facts?.install(slotOf(gen), repo.state().dataVersion, outcome.facts);
  }

  /** SimpleConsign's change set since the watermark. */
  private async loadChanges(job: Job, conn: ResolvedConnection<'simpleconsign'>): Promise<void> {
    const asked = await askForItems(this.deps, conn, job, job.running.controller.signal);
    if (asked.answer.kind !== 'items') throw new Error('a change set is read whole');
    this.answered(job, asked, asked.answer.source.total);
    // A change set's SKUs are noted as they are read, for the store server.
    await this.applyChanges(job, notingSkus(asked.answer.source, job.skus), asked.ecommerceSkus, conn);
  }

  /** A change set's items: applied in place in one transaction, or when large, to a copy of the copy in the other slot. */
  private async applyChanges(job: Job, source: ItemSource, ecommerceSkus: Set<string> | null, conn: ResolvedConnection<'simpleconsign'> | null): Promise<void> {
    const { running, state } = job;
    job.counts = emptyCounts(source.total);
    Object.assign(running.progress, { phase: 'applying', received: source.total });
    const ctx = { ...this.context(job.settings, running), vendorFiltered: false, ecommerceSkus, previousStart: state.clockStart };
    try {
      if (source.total <= (this.deps.largeChangeSet ?? 5000)) {
        const records = await readAll(source, ctx, job.counts);
        running.progress.phase = 'committing';
        applyAtOnce(ctx, state.gen, records, job.counts, () => this.commit(job, conn, state.gen));
        this.deps.facts?.changed();
        return;
      }
      // A new generation in the other slot, written while searches keep reading the current one:
      // rows first, then every index in one pass off the main thread, then one switch.
      const { repo } = this.deps;
      const next = state.gen + 1;
      await prepareGeneration(repo, next, state.gen);
      await streamIntoGeneration(source, ctx, next, job.counts);
      checkAbort(ctx.signal);
      running.progress.phase = 'indexing';
      const itemCount = await finishGeneration(repo, next, false, job.counts);
      checkAbort(ctx.signal);
      running.progress.phase = 'committing';
      repo.db.transaction(() => this.commit(job, conn, next, itemCount))();
      this.deps.facts?.changed();
    } finally {
      source.close();
    }
  }

  /** Empties the slot searches do not read (the replaced copy, or an abandoned load) to give its disk space back. */
  private async clearOtherSlot(): Promise<void> {
    const { repo } = this.deps;
    const gen = repo.state().gen;
    if (repo.otherSlotHasRows(gen)) await prepareGeneration(repo, gen + 1, null);
  }

  /**
   * The run's last write: the new generation, the watermark and the run record. A feed brings its
   * watermark; SimpleConsign's is the older of the run's start and the newest change stamp the copy
   * has seen, minus the overlap.
   */
  private commit(job: Job, conn: ResolvedConnection<'simpleconsign'> | null, gen: number, itemCount?: number): void {
    const mark = job.feed?.mark ?? this.markOf(job, conn!);
    const stampNotes = job.feed ? [] : stampWarnings(job.counts.stamps, job.answeredAt, job.settings.overlapMinutes);
    this.deps.repo.commit(gen, {
      ...mark,
      itemCount,
      runId: job.runId,
      finishedAt: this.deps.now(),
      counts: job.counts,
      message: describeCounts(job.mode, job.counts),
      details: skipDetails(job.counts),
      warnings: [...job.notes, ...stampNotes],
    });
  }

  /** Where a load from SimpleConsign leaves the copy's clocks. */
  private markOf(job: Job, conn: ResolvedConnection<'simpleconsign'>): CopyMark {
    const { stamps } = job.counts;
    const known = job.mode === 'full' ? null : job.state.newestStamp;
    const newestStamp = known === null || stamps.newest === null ? (stamps.newest ?? known) : Math.max(known, stamps.newest);
    const watermark = nextWatermark(job.startedAt, newestStamp, job.settings.overlapMinutes);
    return { watermark, clockStart: job.startedAt, newestStamp, source: sourceOf(conn), options: optionsKey(job.settings) };
  }

  private sizer(): ChunkSizer {
    return new ChunkSizer(this.deps.chunkSize ?? 100, this.deps.chunkBudgetMs === undefined ? DEFAULT_CHUNK_BUDGET_MS : this.deps.chunkBudgetMs);
  }

  private context(settings: SyncSettings, running: Running): Omit<ApplyContext, 'vendorFiltered' | 'ecommerceSkus' | 'previousStart'> {
    return {
      repo: this.deps.repo,
      settings,
      chunks: this.sizer(),
      pause: this.deps.pause ?? immediate,
      signal: running.controller.signal,
      onApplied: (n) => (running.progress.applied += n),
    };
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

function skipDetails(c: Counts): string[] {
  return [...c.skipReasons.entries()].slice(0, 5).map(([reason, n]) => `Skipped ${n} × ${reason}.`);
}

/** Passes a source's items on, noting each one's SKU. */
function notingSkus(source: ItemSource, into: string[]): ItemSource {
  return {
    total: source.total,
    close: () => source.close(),
    next: async (max) => {
      const part = await source.next(max);
      for (const item of part ?? []) {
        const sku = (item as { sku?: unknown } | null)?.sku;
        if (typeof sku === 'string' || typeof sku === 'number') into.push(String(sku).trim());
      }
      return part;
    },
  };
}
