import type { Db } from '../core/store/database';
import type { CopyFacts } from './copy-facts';
import { CopyWorkers, readFacts } from './copy-load';
import { FilterFlags } from './filter-flags';
import { factsOfStore } from './load-job';
import { OrderRanks } from './order-ranks';
import type { Slot } from './slot-schema';

/** The filter flags and sort orders of one version of the copy, as searches use them. */
export interface SearchFacts {
  flags: FilterFlags;
  ranks: OrderRanks;
}

const asSearchFacts = (f: CopyFacts): SearchFacts => ({ flags: new FilterFlags(f), ranks: new OrderRanks(f) });

/**
 * The search facts of the copy's current version. A full load hands over those it built as it
 * commits; any other version (at start, after changes applied in place) has them read from the
 * store and sorted in a worker, and a search that needs them waits for that, never the main thread.
 */
export class SearchFactsStore {
  private held: { key: string; facts: SearchFacts | null; pending: Promise<SearchFacts> } | null = null;

  private readonly read: (slot: Slot) => Promise<CopyFacts>;

  constructor(
    private readonly db: Db,
    /** The copy's workers, shared with its loads. */
    workers: CopyWorkers = new CopyWorkers(db),
  ) {
    this.read = (slot) => readFacts(workers, slot);
  }

  /** Facts a load built for the version it just committed. */
  install(slot: Slot, dataVersion: number, facts: CopyFacts): void {
    const ready = asSearchFacts(facts);
    this.held = { key: `${slot}:${dataVersion}`, facts: ready, pending: Promise.resolve(ready) };
  }

  /** The facts of this version: at hand, or on their way. */
  of(slot: Slot, dataVersion: number): SearchFacts | Promise<SearchFacts> {
    const key = `${slot}:${dataVersion}`;
    if (this.held?.key === key) return this.held.facts ?? this.held.pending;
    // A store kept in memory (no file for a worker to open) is read in place.
    const reading = this.db.memory ? Promise.resolve(factsOfStore(this.db, slot)) : this.read(slot);
    const held: { key: string; facts: SearchFacts | null; pending: Promise<SearchFacts> } = { key, facts: null, pending: reading.then(asSearchFacts) };
    held.pending.then((f) => (held.facts = f), () => this.held === held && (this.held = null));
    this.held = held;
    return held.pending;
  }

  /** Starts reading the facts of this version ahead of the first search that needs them. */
  prepare(slot: Slot, dataVersion: number): void {
    const f = this.of(slot, dataVersion);
    if (f instanceof Promise) f.catch(() => undefined);
  }
}
