import type { SyncSettings, SyncStatus } from '../../shared/inventory/schemas';
import type { CoreDeps } from '../core/feature';
import { AppError } from '../core/app-error';
import { imageBaseFor } from '../simpleconsign/inventory-images';
import { allowanceFor } from '../simpleconsign/rate-allowance';
import { InventoryRepo } from './inventory-repo';
import { CopyWorkers } from './copy-load';
import { InventorySearch } from './inventory-search';
import { SearchFactsStore } from './search-facts';
import { InventorySync } from './inventory-sync';
import { nextRunAt, SyncScheduler, SyncSettingsStore } from './sync-schedule';

type Core = Pick<CoreDeps, 'db' | 'settings' | 'http' | 'connections' | 'now' | 'log'>;

/** Where the copy's pictures come from: the simulator for a training copy, SimpleConsign's image store otherwise. */
function imageBase(core: Core, source: string | null): string {
  const training = source === null ? core.connections.mode() === 'training' : source === 'training';
  const baseUrl = training ? core.connections.trainingUrl('simpleconsign') : core.connections.settingsOf('simpleconsign').baseUrl;
  return imageBaseFor({ training, settings: { baseUrl } });
}

function currentSource(core: Core): string {
  return core.connections.mode() === 'training' ? 'training' : `live:${core.connections.settingsOf('simpleconsign').baseUrl}`;
}

/** The inventory copy as the bridge sees it: its status, its loads, its settings and its searches. */
export class InventoryService {
  readonly repo: InventoryRepo;
  readonly search: InventorySearch;
  private readonly settings: SyncSettingsStore;
  private readonly sync: InventorySync;
  private readonly scheduler: SyncScheduler;
  /** Workers for the copy's loads and for reading its search facts, one started ahead of each job. */
  private readonly workers: CopyWorkers;

  constructor(private readonly core: Core) {
    this.repo = new InventoryRepo(core.db);
    this.settings = new SyncSettingsStore(core.settings);
    this.workers = new CopyWorkers(core.db);
    this.search = new InventorySearch(core.db, () => imageBase(core, this.repo.state().source), undefined, new SearchFactsStore(core.db, this.workers));
    this.sync = new InventorySync({
      repo: this.repo,
      http: core.http,
      resolve: () => core.connections.resolve('simpleconsign'),
      settings: () => this.settings.get(),
      now: core.now,
      log: core.log,
      allowance: allowanceFor(core),
      health: (ok, message) => core.connections.recordHealth('simpleconsign', ok, message),
      facts: { install: (slot, dataVersion, facts) => this.search.facts.install(slot, dataVersion, facts), changed: () => this.search.prepare() },
      workers: this.workers,
    });
    this.scheduler = new SyncScheduler({ due: () => this.due(), isRunning: () => this.sync.isRunning(), run: async () => this.sync.start('scheduled'), now: core.now, log: core.log });
  }

  /** Where the copy's pictures come from (they are fetched by the app for the window). */
  imageBase(): string {
    return imageBase(this.core, this.repo.state().source);
  }

  /** The copy's own pause or the key's shared one, whichever ends later. */
  private pausedUntil(state: { pausedUntil: number | null }): number | null {
    const shared = allowanceFor(this.core).pausedAt(this.core.now())?.until ?? null;
    return Math.max(state.pausedUntil ?? 0, shared ?? 0) || null;
  }

  private due(): number | null {
    const state = { ...this.repo.state() };
    state.pausedUntil = this.pausedUntil(state);
    const lastRun = this.repo.recentRuns(5).find((r) => r.outcome !== 'running') ?? null;
    return nextRunAt({ settings: this.settings.get(), loaded: state.watermark !== null, lastRun, pausedUntil: state.pausedUntil, retryAt: this.sync.retryAt, now: this.core.now() });
  }

  status(): SyncStatus {
    const state = this.repo.state();
    const runs = this.repo.recentRuns(10);
    return {
      loaded: state.watermark !== null,
      itemCount: state.itemCount,
      watermark: state.watermark,
      dataVersion: state.dataVersion,
      source: state.source === null ? null : state.source === 'training' ? 'training' : 'live',
      needsFullLoad: this.sync.needsFullLoad(state, currentSource(this.core)),
      running: this.sync.progress(),
      lastRun: this.sync.unrecorded ?? runs.find((r) => r.outcome !== 'running') ?? null,
      lastSuccessAt: state.lastSuccessAt,
      nextRunAt: this.due(),
      pausedUntil: ((p) => (p !== null && p > this.core.now() ? p : null))(this.pausedUntil(state)),
      settings: this.settings.get(),
      recentRuns: runs,
    };
  }

  /** Starts a load (from `since` instead of the watermark when given) and answers at once; the screen follows it through status(). */
  begin(trigger: 'manual' | 'reload', since?: number): SyncStatus {
    if (since !== undefined && since > this.core.now()) throw new AppError('invalid-input', 'Choose a moment in the past to reload changes since.');
    this.sync
      .start(trigger, { since })
      .catch((e: unknown) => this.core.log(`inventory load failed: ${e instanceof Error ? e.message : String(e)}`))
      .finally(() => this.scheduler.arm());
    return this.status();
  }

  saveSettings(s: SyncSettings): SyncStatus {
    this.settings.save(s);
    this.scheduler.arm();
    return this.status();
  }

  start(): void {
    this.repo.closeAbandonedRuns(this.core.now());
    // The copy's filter flags and sort orders are read in a worker now, not by the first search.
    this.search.prepare();
    this.scheduler.start();
  }

  async stop(): Promise<void> {
    this.scheduler.stop();
    await this.sync.stop();
  }
}
