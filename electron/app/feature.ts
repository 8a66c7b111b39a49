import type { AppHandlers } from '../../shared/contract';
import type { ConnectionsService } from '../connections/connections-service';
import type { VendorHttp } from '../core/http/vendor-http';
import type { Db } from '../core/store/database';
import type { SettingsRepo } from '../core/store/settings-repo';
import type { Simulator } from '../training/simulator';
import type { SimHost } from '../training/sim-host';

/** What the core hands every feature: the store, vendor HTTP, connections and a clock. */
export interface CoreDeps {
  db: Db;
  settings: SettingsRepo;
  http: VendorHttp;
  connections: ConnectionsService;
  simHost: SimHost;
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
}

export type FeatureFactory = (core: CoreDeps) => Feature;
