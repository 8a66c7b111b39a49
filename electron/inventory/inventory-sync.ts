import type { SyncMode, SyncProgress, SyncRun, SyncSettings, SyncTrigger } from '../../shared/inventory/schemas';
import type { ResolvedConnection } from '../connections/connections-service';
import { AppError } from '../core/app-error';
import type { VendorHttp } from '../core/http/vendor-http';
import { storeWriteProblem } from '../core/store/store-errors';
import { fetchInventory, InventoryFetchError, type InventoryQuery } from '../simpleconsign/inventory-client';
import { ChunkSizer } from './chunk-sizer';
import type { InventoryRepo, SyncState } from './inventory-repo';
import { applyAtOnce, copyInChunks, emptyCounts, purgeInChunks, readAll, streamIntoGeneration, SyncInterrupted, type ApplyContext, type Counts } from './sync-apply';
import { describeCounts, minutesFrom } from './sync-messages';

export interface SyncDeps {
  repo: InventoryRepo;
  http: VendorHttp;
  resolve: () => Promise<ResolvedConnection<'simpleconsign'>>;
  settings: () => SyncSettings;
  now: () => number;
  log: (message: string) => void;
  /** Items read or written between two yields to the event loop, at first. */
  chunkSize?: number;
  /** Chunks grow or shrink to take about this long; null keeps chunkSize fixed. */
  chunkBudgetMs?: number | null;
  pause?: () => Promise<void>;
  /** Above this many changes an incremental load is applied to a copy of the copy, in chunks. */
  largeChangeSet?: number;
}

const MINUTE = 60_000;
const DEFAULT_CAP_PAUSE = 10 * MINUTE;
/** A chunk holds the main process about this long before the next yield. */
const DEFAULT_CHUNK_BUDGET_MS = 80;
const immediate = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The request options that shape the copy; when they change, the next load must be a full one. */
export function optionsKey(s: SyncSettings): string {
  return JSON.stringify({ category: s.category, consignorId: s.consignorId, ecommerce: s.includeOnlyEcommerceItems, zero: s.includeItemsWithQuantityZero });
}

export function sourceOf(conn: ResolvedConnection<'simpleconsign'>): string {
  return conn.training ? 'training' : `live:${conn.settings.baseUrl}`;
}

/** What the first, a reload or a "modified since" load asks SimpleConsign for, as its document recommends. */
export function queryFor(mode: SyncMode, s: SyncSettings, watermark: number | null): InventoryQuery {
  const filters = { category: s.category || undefined, consignorId: s.consignorId || undefined, includeOnlyEcommerceItems: s.includeOnlyEcommerceItems };
  if (mode === 'full' || watermark === null) return { ...filters, includeItemsWithQuantityZero: s.includeItemsWithQuantityZero, includeInactiveItems: false };
  // Sold-out items must come back so the copy drops them (or shows them at zero); the setting decides locally.
  return { ...filters, includeItemsWithQuantityZero: true, includeInactiveItems: true, modifiedSince: watermark };
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
  start(trigger: SyncTrigger): Promise<void> {
    if (this.running) {
      if (trigger !== 'reload') return this.running.done;
      throw new AppError('conflict', 'A load is already running. Start the full reload when it has finished.');
    }
    const paused = this.deps.repo.state().pausedUntil;
    const now = this.deps.now();
    if (paused !== null && paused > now) {
      throw new AppError('conflict', `SimpleConsign’s request limit was reached. The next load can start in ${minutesFrom(now, paused)}.`);
    }
    const controller = new AbortController();
    const progress: SyncProgress = { mode: 'incremental', phase: 'requesting', startedAt: now, received: 0, applied: 0 };
    const running: Running = { progress, controller, done: Promise.resolve() };
    running.done = this.run(trigger, running).finally(() => {
      this.running = null;
    });
    this.running = running;
    return running.done;
  }

  /** Stops a run in progress (closing the app) and waits for it to settle. */
  async stop(): Promise<void> {
    const r = this.running;
    if (!r) return;
    r.controller.abort();
    await r.done;
  }

  private async run(trigger: SyncTrigger, running: Running): Promise<void> {
    this.unrecorded = null;
    try {
      await this.attempt(trigger, running);
    } catch (e) {
      // Even the failure could not be written (the disk is full, the file read-only): keep it in memory.
      const { mode, startedAt } = running.progress;
      const message = storeWriteProblem(e) ?? `The load failed and could not be recorded (${e instanceof Error ? e.message : String(e)}).`;
      this.unrecorded = { id: 0, mode, trigger, startedAt, finishedAt: this.deps.now(), outcome: 'failed', received: 0, inserted: 0, updated: 0, deleted: 0, skipped: 0, message, details: [] };
      this.retryAt = this.deps.now() + MINUTE;
    }
  }

  private async attempt(trigger: SyncTrigger, running: Running): Promise<void> {
    const state = this.deps.repo.state();
    const conn = await this.connection();
    const mode: SyncMode = trigger === 'reload' || !conn || this.needsFullLoad(state, sourceOf(conn)) ? 'full' : 'incremental';
    running.progress.mode = mode;
    const job: Job = { runId: this.deps.repo.startRun(mode, trigger, running.progress.startedAt), mode, state, settings: this.deps.settings(), running, counts: emptyCounts(0) };
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
    if (!conn) throw new InventoryFetchError('setup', 'The SimpleConsign connection could not be read (is the keychain available?).');
    if (!conn.training && !conn.enabled) throw new InventoryFetchError('setup', 'The SimpleConsign connection is turned off. Enable it on the Connections screen.');
    const { running } = job;
    const query = queryFor(job.mode, job.settings, job.state.watermark);
    const raw = await fetchInventory(this.deps.http, conn, query, { signal: running.controller.signal });
    job.counts = emptyCounts(raw.length);
    Object.assign(running.progress, { phase: 'applying', received: raw.length });
    const ctx = this.context(job.settings, running);
    await this.apply(job, raw, ctx, (gen) => this.commit(job, conn, gen));
    this.retryAt = null;
    running.progress.phase = 'cleaning';
    await purgeInChunks(this.deps.repo, this.deps.repo.state().gen, ctx.chunks, ctx.pause, running.controller.signal);
  }

  /** The run's last write: the new generation, the watermark (start minus overlap) and the run record. */
  private commit(job: Job, conn: ResolvedConnection<'simpleconsign'>, gen: number): void {
    this.deps.repo.commit(gen, {
      runId: job.runId,
      watermark: job.running.progress.startedAt - job.settings.overlapMinutes * MINUTE,
      source: sourceOf(conn),
      options: optionsKey(job.settings),
      finishedAt: this.deps.now(),
      counts: job.counts,
      message: describeCounts(job.mode, job.counts),
      details: skipDetails(job.counts),
    });
  }

  private sizer(): ChunkSizer {
    return new ChunkSizer(this.deps.chunkSize ?? 500, this.deps.chunkBudgetMs === undefined ? DEFAULT_CHUNK_BUDGET_MS : this.deps.chunkBudgetMs);
  }

  private context(settings: SyncSettings, running: Running): ApplyContext {
    return {
      repo: this.deps.repo,
      settings,
      chunks: this.sizer(),
      pause: this.deps.pause ?? immediate,
      signal: running.controller.signal,
      onApplied: (n) => (running.progress.applied += n),
    };
  }

  private async apply(job: Job, raw: unknown[], ctx: ApplyContext, commit: (gen: number) => void): Promise<void> {
    const { state, counts, running } = job;
    if (job.mode === 'incremental' && raw.length <= (this.deps.largeChangeSet ?? 5000)) {
      const records = await readAll(raw, ctx, counts);
      running.progress.phase = 'committing';
      applyAtOnce(ctx, state.gen, records, counts, () => commit(state.gen));
      return;
    }
    // A new generation, written in chunks while searches keep reading the current one.
    const next = state.gen + 1;
    await purgeInChunks(this.deps.repo, state.gen, ctx.chunks, ctx.pause, ctx.signal);
    if (job.mode === 'incremental') await copyInChunks(ctx, state.gen, next);
    await streamIntoGeneration(raw, ctx, next, counts);
    if (ctx.signal.aborted) throw new SyncInterrupted();
    running.progress.phase = 'committing';
    this.deps.repo.db.transaction(() => commit(next))();
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
    } else {
      this.deps.log(`inventory sync failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      message = `${storeWriteProblem(e) ?? `The items could not be saved to the local copy (${e instanceof Error ? e.message : String(e)}).`} The local copy and the watermark are unchanged.`;
      this.retryAt = now() + MINUTE;
    }
    repo.finishRun(runId, { outcome: interrupted ? 'interrupted' : 'failed', finishedAt: now(), received: counts.received, skipped: counts.skipped, message, details });
    if (!interrupted) await purgeInChunks(repo, repo.state().gen, this.sizer(), this.deps.pause ?? immediate).catch(() => undefined);
  }

  /** The request cap pauses every request; other passing troubles make the scheduler back off. */
  private noteTransient(e: InventoryFetchError): void {
    const now = this.deps.now();
    if (e.kind === 'request-cap') {
      this.deps.repo.setPausedUntil(now + (e.opts.retryAfterMs ?? DEFAULT_CAP_PAUSE));
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
