import type { SyncMode, SyncProgress, SyncSettings } from '../../shared/inventory/schemas';
import type { ResolvedConnection } from '../core/feature-connections';
import type { VendorHttp } from '../core/http/vendor-http';
import { ChunkSizer } from './chunk-sizer';
import type { CopyFacts } from './copy-facts';
import type { CopyFeed } from './copy-feed';
import type { FactsChange } from './facts-patch';
import type { Changing } from './search-facts';
import type { CopyWorkers } from './copy-load';
import type { InventoryRepo, SyncState } from './inventory-repo';
import type { Slot } from './slot-schema';
import type { ApplyContext, Counts } from './sync-apply';

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
  /** The copy's workers (shared with the search's facts), ended by whoever made them once the sync has stopped. */
  workers: CopyWorkers;
  pause?: () => Promise<void>;
  /** Above this many changes an incremental load is applied to a copy of the copy, in chunks. */
  largeChangeSet?: number;
  /** The key's request allowance, shared with the sales deliveries to SimpleConsign. */
  allowance?: { pausedAt(now: number): { until: number } | null; pause(until: number, reason: string): void };
  /** SimpleConsign answered (or not): the connection's health in the status bar follows. */
  health?: (ok: boolean, message: string) => void;
  /**
   * Where searches keep the copy's filter flags and sort orders: a full load hands over those it
   * built; a change set applied in place tells the rows it touched; a large one has them read again.
   */
  facts?: {
    install(slot: Slot, dataVersion: number, facts: CopyFacts): void;
    /** A version made otherwise (a large change set's switch): its facts are read ahead of the first search. */
    changed(): Promise<void> | void;
    /** In the transaction of a change set applied in place, once it has moved the data version (search-facts.ts). */
    changing(change: FactsChange): Changing;
    /** A change set may come: memory for the next version's facts is readied meanwhile (search-facts.ts). */
    makeRoom(): Promise<void> | void;
  };
  /** Counts a call against the key's allowance before it is made (the store's, when in a store); throws when it is spent. */
  spend?: (apiKey: string) => Promise<void>;
  /** A load from SimpleConsign was applied: its changed SKUs (null: the whole copy), for the store server. */
  loaded?: (change: { mode: SyncMode; skus: string[] | null }) => void;
}

export interface Running {
  progress: SyncProgress;
  controller: AbortController;
  done: Promise<void>;
}

/** One run as it goes. */
export interface Job {
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

/** A chunk holds the main process about this long before the next yield: under the 50 ms a screen may wait, with room for a garbage collection. */
const DEFAULT_CHUNK_BUDGET_MS = 15;
const immediate = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Rows and transactions of a full load's worker at first. */
export function workerChunk(deps: SyncDeps): { rows: number; budgetMs: number | null } {
  return { rows: deps.chunkSize ?? 500, budgetMs: deps.chunkBudgetMs === undefined ? 30 : deps.chunkBudgetMs };
}

/** How a change set is applied on the main thread: chunks sized to a time budget, yielding between them. */
export function applyContext(deps: SyncDeps, settings: SyncSettings, running: Running): Omit<ApplyContext, 'vendorFiltered' | 'ecommerceSkus' | 'previousStart'> {
  return {
    repo: deps.repo,
    settings,
    chunks: new ChunkSizer(deps.chunkSize ?? 100, deps.chunkBudgetMs === undefined ? DEFAULT_CHUNK_BUDGET_MS : deps.chunkBudgetMs),
    pause: deps.pause ?? immediate,
    signal: running.controller.signal,
    onApplied: (n) => (running.progress.applied += n),
  };
}
