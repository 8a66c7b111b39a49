import type { AppHandlers } from '../../shared/contract';
import type { FeatureConnections } from './feature-connections';
import type { VendorHttp } from './http/vendor-http';
import type { Simulator, SimulatorHost } from './simulator';
import type { PictureSource } from './pictures/picture-service';
import type { Db, Migration } from './store/database';
import type { SettingsRepo } from './store/settings-repo';
import type { StoreLink, StoreMigration } from './store-link';

/** What the core hands every feature: the store, vendor HTTP, connections and a clock. */
export interface CoreDeps {
  /** The current mode's data store: a feature's records never meet the other mode's. */
  db: Db;
  /** Settings shared by both modes (in the core store). */
  settings: SettingsRepo;
  http: VendorHttp;
  connections: FeatureConnections;
  simHost: SimulatorHost;
  /** The store server this workstation shares with the store's others, seen from this mode (`aloneLink` when none). */
  store: StoreLink;
  now: () => number;
  log: (message: string) => void;
}

/** A vendor feature plugs in here: its bridge handlers, its simulators and its background work. */
export interface Feature {
  handlers: Partial<AppHandlers>;
  simulators?: Simulator[];
  /** Starts background work (delivery, scheduled sync). */
  start?: () => void;
  /** Stops background work and waits for a call in flight to settle. */
  stop?: () => Promise<void>;
  /** What is still on its way or waiting for a person in this mode, in a sentence each (shown before a mode switch). */
  pendingWork?: () => Promise<string[]> | string[];
  /** The vendor pictures this feature names, which the app fetches for the window (`pictures:get`). */
  pictures?: PictureSource;
}

export type FeatureFactory = (core: CoreDeps) => Feature;

/**
 * A vendor feature as the app registers it: the data-store versions it owns (its own range, so
 * features never collide) and how to build it over a mode's store.
 */
export interface FeatureModule {
  name: string;
  /** The versions this feature owns, inclusive (null: it keeps no records); every one of its migrations falls inside. */
  versions: [number, number] | null;
  migrations: Migration[];
  /** Its tables on the store server, in the same version range (run once per mode's schema). */
  storeMigrations?: StoreMigration[];
  create: FeatureFactory;
}
