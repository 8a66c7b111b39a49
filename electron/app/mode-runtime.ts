import type { AppHandlers } from '../../shared/contract';
import type { AppMode } from '../../shared/connections';
import type { ConnectionsService } from '../connections/connections-service';
import type { Db, OpenOptions } from '../core/store/database';
import type { CoreDeps, Feature, FeatureFactory } from '../core/feature';
import { OneRun } from '../core/one-run';
import { aloneLink, type StoreLink } from '../core/store-link';
import type { SimHost } from '../training/sim-host';
import type { PictureSource } from '../core/pictures/picture-service';
import { openDataStore } from './mode-stores';

export interface ModeRuntimeDeps {
  dataDir: string;
  /** Everything a feature gets except its mode's store and connections; the simulator host takes their simulators. */
  base: Omit<CoreDeps, 'db' | 'connections' | 'simHost' | 'store'> & { simHost: SimHost };
  /** The store server as this mode sees it; closed when the mode's features stop. Alone when absent. */
  storeLink?: (mode: AppMode) => ModeStoreLink;
  connections: ConnectionsService;
  factories: FeatureFactory[];
  /** How the mode's store is watched after it opens (damage found by the background check). */
  store?: Pick<OpenOptions, 'onDamage' | 'checkAtStartBytes' | 'checks'>;
}

/** A mode's view of the store server, with what the runtime needs to let it go. */
export type ModeStoreLink = StoreLink & { close?(): Promise<void> };

interface Loaded {
  mode: AppMode;
  db: Db;
  store: ModeStoreLink;
  features: Feature[];
  handlers: Record<string, Record<string, (input: unknown) => unknown>>;
  inFlight: Set<Promise<unknown>>;
}

/**
 * The features of one mode over that mode's own store. Switching mode stops them (their calls in
 * flight settle and are recorded in their own store), closes the store, and builds them again over the
 * other mode's store, so nothing recorded in one mode is ever sent, shown or used in the other.
 */
export class ModeRuntime {
  private current: Loaded | null = null;
  private switching: Promise<void> | null = null;
  private readonly stopping = new OneRun();
  private simulatorsRegistered = false;

  constructor(private readonly deps: ModeRuntimeDeps) {}

  /** Opens a mode's store and starts its features; throws StoreOpenError when the file cannot be used. */
  open(mode: AppMode): void {
    const db = openDataStore(this.deps.dataDir, mode, this.deps.store);
    const store = this.deps.storeLink?.(mode) ?? aloneLink;
    const core: CoreDeps = { ...this.deps.base, db, store, connections: this.deps.connections.pinned(mode) };
    const features = this.deps.factories.map((make) => make(core));
    if (!this.simulatorsRegistered) {
      // The simulators stand in for the vendors, which do not change with the mode: registered once.
      for (const f of features) for (const sim of f.simulators ?? []) this.deps.base.simHost.register(sim);
      this.simulatorsRegistered = true;
    }
    const handlers = Object.assign({}, ...features.map((f) => f.handlers)) as Loaded['handlers'];
    this.current = { mode, db, store, features, handlers, inFlight: new Set() };
    for (const f of features) f.start?.();
  }

  mode(): AppMode | null {
    return this.current?.mode ?? null;
  }

  /**
   * Bridge handlers for the features' domains that always reach the current mode's features; a call
   * made during a switch waits for it to finish.
   */
  handlers(): Partial<AppHandlers> {
    const out: Record<string, Record<string, (input: unknown) => Promise<unknown>>> = {};
    for (const [domain, methods] of Object.entries(this.current?.handlers ?? {})) {
      out[domain] = {};
      for (const method of Object.keys(methods)) out[domain][method] = (input) => this.call(domain, method, input);
    }
    return out as Partial<AppHandlers>;
  }

  private async call(domain: string, method: string, input: unknown): Promise<unknown> {
    while (this.switching) await this.switching;
    const loaded = this.current;
    if (!loaded) throw new Error('the features are stopped');
    const running = Promise.resolve().then(() => loaded.handlers[domain][method](input));
    loaded.inFlight.add(running);
    try {
      return await running;
    } finally {
      loaded.inFlight.delete(running);
    }
  }

  /** The current mode's features that name vendor pictures. */
  pictureSources(): PictureSource[] {
    return (this.current?.features ?? []).flatMap((f) => (f.pictures ? [f.pictures] : []));
  }

  /** What the current mode still has on its way or waiting for a person. */
  async pendingWork(): Promise<string[]> {
    const features = this.current?.features ?? [];
    return (await Promise.all(features.map(async (f) => (await f.pendingWork?.()) ?? []))).flat();
  }

  /**
   * Switches to `mode`: opens its store first (a store that cannot be opened changes nothing), stops the
   * current features and waits for their calls, runs `commit` (which records the new mode), then starts
   * the features over the new store.
   */
  async switchTo(mode: AppMode, commit: () => Promise<void> | void): Promise<void> {
    while (this.switching) await this.switching;
    if (this.current?.mode === mode) return commit();
    const work = this.replace(mode, commit);
    this.switching = work.finally(() => (this.switching = null));
    await this.switching;
  }

  private async replace(mode: AppMode, commit: () => Promise<void> | void): Promise<void> {
    openDataStore(this.deps.dataDir, mode, { checkAtStartBytes: this.deps.store?.checkAtStartBytes, checks: this.deps.store?.checks }).close();
    const previous = this.current?.mode;
    await this.stop();
    try {
      await commit();
    } catch (error) {
      if (previous) this.open(previous);
      throw error;
    }
    this.open(mode);
  }

  /**
   * Stops the features, lets bridge calls in progress finish, and closes the store. A stop asked for
   * while one runs (damage found, then the app closing) waits for that one to end.
   */
  stop(): Promise<void> {
    const loaded = this.current;
    if (!loaded) return Promise.resolve();
    return this.stopping.run(() => this.close(loaded));
  }

  private async close(loaded: Loaded): Promise<void> {
    await Promise.all(loaded.features.map((f) => f.stop?.()));
    await Promise.allSettled([...loaded.inFlight]);
    await loaded.store.close?.();
    loaded.db.close();
    this.current = null;
  }
}
