/**
 * What the features of one mode may ask of the store server (a PostgreSQL the store's workstations share).
 * The store server implements it; features reach it only through this interface. A workstation on its
 * own (the default) gets `aloneLink`: nothing is paired, and every feature behaves as it does without a server.
 */

/** The server did not answer, refused this workstation, or is not set up: the caller carries on locally. */
export class StoreAwayError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreAwayError';
  }
}

/** One SQL statement's rows. Statements run in this mode's own schema (training or live) on the server. */
export interface StoreQuery {
  query<R = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<R[]>;
}

export interface StoreWorkstation {
  id: number;
  name: string;
  /** The prefix the server gave this workstation for its order numbers ("03"). */
  prefix: string;
}

export interface StoreLink {
  /** Paired with a store server, whether or not it answers now. */
  readonly paired: boolean;
  /** This workstation in the store (null when alone). */
  workstation(): StoreWorkstation | null;
  /** Whether the server answered its last call. */
  reachable(): boolean;
  /** Minutes a workstation may be silent before another takes over its deliveries. */
  takeoverMinutes(): number;
  /**
   * When this workstation last heard from the server, on this computer's clock (ms). While the server is
   * away a workstation may still deliver its own sales until it has been silent for the takeover time
   * (less a margin); after that another workstation may have taken them over.
   */
  lastContactAt(): number | null;
  /** Runs one statement; throws StoreAwayError when the server cannot be reached. */
  query<R = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<R[]>;
  /** Runs `work` in one transaction on one connection; throws StoreAwayError when the server cannot be reached. */
  transaction<T>(work: (q: StoreQuery) => Promise<T>): Promise<T>;
  /**
   * Called when any workstation announces a change on `topic` in this mode (PostgreSQL LISTEN/NOTIFY), and
   * once each time the server becomes reachable again, so listeners catch up on what they missed.
   */
  onChange(topic: string, listener: () => void): () => void;
  /** Statements that announce a change to every workstation when the transaction commits. */
  notifySql(topic: string): string;
  /**
   * Takes the store-wide lock `name` of this mode (a PostgreSQL advisory lock on a connection of its
   * own), or answers null when another workstation holds it. The lock is let go when this workstation
   * releases it, dies or stops answering (the server then ends its connection within seconds).
   * Throws StoreAwayError when the server cannot be reached.
   */
  hold(name: string): Promise<StoreHold | null>;
  /** The name of the workstation holding the lock `name` of this mode, or null when none does. */
  holder(name: string): Promise<string | null>;
  /** Something about the store a person must see (shown on the Store screen until this workstation restarts). */
  warn(message: string): void;
}

/** The lock the one workstation that loads the SimpleConsign inventory for the store holds. */
export const INVENTORY_LOADER_LOCK = 'inventory-loader';

/** A store-wide lock this workstation holds. */
export interface StoreHold {
  /** Whether it is still held. */
  held(): boolean;
  /** Resolves once the lock is no longer held (released, or the connection holding it was lost). */
  readonly lost: Promise<void>;
  release(): Promise<void>;
}

/** A workstation on its own: no server, nothing shared. */
export const aloneLink: StoreLink = {
  paired: false,
  workstation: () => null,
  reachable: () => false,
  takeoverMinutes: () => 10,
  lastContactAt: () => null,
  query: () => Promise.reject(new StoreAwayError('This workstation is not part of a store server.')),
  transaction: () => Promise.reject(new StoreAwayError('This workstation is not part of a store server.')),
  onChange: () => () => {},
  notifySql: () => 'SELECT 1',
  hold: () => Promise.reject(new StoreAwayError('This workstation is not part of a store server.')),
  holder: () => Promise.resolve(null),
  warn: () => {},
};

/**
 * A numbered migration of the server's schema that a feature owns, in its own version range. It runs once
 * in each mode's schema (training and live); `workstations` is the role every paired workstation has.
 */
export interface StoreMigration {
  version: number;
  name: string;
  sql: (ctx: { schema: string; workstations: string }) => string;
}
