import type { SyncSettings, SyncStatus } from '../../shared/inventory/schemas';
import type { CoreDeps } from '../core/feature';
import { AppError } from '../core/app-error';
import { imageBaseFor } from '../simpleconsign/inventory-images';
import { allowanceFor } from '../simpleconsign/rate-allowance';
import { InventoryFetchError } from '../simpleconsign/inventory-client';
import { storeAllowanceFor } from '../simpleconsign/store-allowance';
import { InventoryRepo } from './inventory-repo';
import { CopyWorkers } from './copy-load';
import { InventorySearch } from './inventory-search';
import { SearchFactsStore } from './search-facts';
import { InventorySync } from './inventory-sync';
import { StoreCopy } from './store-copy';
import type { KnownCopy } from './store-copy-server';
import { aloneLink } from '../core/store-link';
import { nextRunAt, SyncScheduler, SyncSettingsStore } from './sync-schedule';

type Core = Pick<CoreDeps, 'db' | 'settings' | 'http' | 'connections' | 'now' | 'log'> & Partial<Pick<CoreDeps, 'store'>>;

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
  /** The store's one inventory load, when this workstation is part of a store. */
  readonly copy: StoreCopy;
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
      facts: { install: (slot, dataVersion, facts) => this.search.facts.install(slot, dataVersion, facts), changed: () => this.search.prepare(), changing: (change) => this.search.changing(change), makeRoom: () => this.search.facts.makeRoom() },
      workers: this.workers,
      loaded: (change) => void this.copy.published(change),
      spend: async (apiKey) => {
        const spent = await storeAllowanceFor(core)?.take('inventory', apiKey);
        if (spent && !spent.ok) throw new InventoryFetchError('unavailable', spent.message, { retryAfterMs: spent.waitMs });
      },
    });
    const knownKey = `inventory.storeCopy.${core.connections.mode()}`;
    this.copy = new StoreCopy({
      store: core.store ?? aloneLink,
      db: core.db,
      repo: this.repo,
      sync: this.sync,
      known: { get: () => core.settings.get<KnownCopy | null>(knownKey, null), set: (k) => core.settings.set(knownKey, k) },
      log: core.log,
      onLead: () => this.scheduler.arm(),
    });
    this.scheduler = new SyncScheduler({ due: () => this.due(), isRunning: () => this.sync.isRunning(), run: async () => (this.copy.mayLoad() ? this.sync.start('scheduled') : undefined), now: core.now, log: core.log });
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
    // In a store, only the workstation holding its lock loads from SimpleConsign.
    if (!this.copy.mayLoad()) return null;
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
    if (!this.copy.mayLoad()) return this.fromStore(trigger);
    if (since !== undefined && since > this.core.now()) throw new AppError('invalid-input', 'Choose a moment in the past to reload changes since.');
    this.sync
      .start(trigger, { since })
      .catch((e: unknown) => this.core.log(`inventory load failed: ${e instanceof Error ? e.message : String(e)}`))
      .finally(() => this.scheduler.arm());
    return this.status();
  }

  /** In a store another workstation loads: "load now" takes its latest rows from the server; reloads are started there. */
  private fromStore(trigger: 'manual' | 'reload'): SyncStatus {
    const role = this.copy.role;
    if (role === 'away') throw new AppError('conflict', 'The store server does not answer, so the copy here stays as it is until it is back.');
    if (trigger === 'reload' || role !== 'follower') throw new AppError('conflict', 'Another workstation of the store loads the inventory from SimpleConsign (see Connections › Store); start a full reload there.');
    void this.copy.catchUp();
    return this.status();
  }

  saveSettings(s: SyncSettings): SyncStatus {
    this.settings.save(s);
    this.scheduler.arm();
    return this.status();
  }

  start(): void {
    this.repo.closeAbandonedRuns(this.core.now());
    this.copy.start();
    // The copy's filter flags and sort orders are read in a worker now, not by the first search.
    void this.search.prepare();
    this.scheduler.start();
  }

  async stop(): Promise<void> {
    this.scheduler.stop();
    const copyStopped = this.copy.stop();
    await this.sync.stop();
    await copyStopped;
    // A read of the search facts still running ends too, before the store's file is closed.
    await this.workers.close();
  }
}
