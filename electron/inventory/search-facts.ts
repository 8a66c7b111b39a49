import type { Db } from '../core/store/database';
import type { CopyFacts } from './copy-facts';
import { CopyWorkers, readFacts } from './copy-load';
import { patchFacts, type FactsChange } from './facts-patch';
import { FilterFlags } from './filter-flags';
import { factsOfStore } from './load-job';
import type { ToWorker } from './load-messages';
import { OrderRanks } from './order-ranks';
import type { Slot } from './slot-schema';

/** The filter flags and sort orders of one version of the copy, as searches use them. */
export interface SearchFacts {
  flags: FilterFlags;
  ranks: OrderRanks;
}

/** Settles once `facts` has, either way. */
const settled = (facts: SearchFacts | Promise<SearchFacts>): Promise<void> =>
  Promise.resolve(facts).then(
    () => undefined,
    () => undefined,
  );

const asSearchFacts = (f: CopyFacts): SearchFacts => ({ flags: new FilterFlags(f), ranks: new OrderRanks(f) });

interface Held {
  key: string;
  /** The facts once at hand, and what they were made from (the start of the next version's patch). */
  ready: { search: SearchFacts; copy: CopyFacts } | null;
  pending: Promise<SearchFacts>;
}

/**
 * The search facts of the copy's current version. A full load hands over those it built as it
 * commits; a change set applied in place has the previous version's patched with the rows it
 * touched; any other version (at start, after a large change set) has them read from the store
 * and sorted. Patching and reading run in a worker, and a search that needs them waits for that,
 * never the main thread.
 */
export class SearchFactsStore {
  private held: Held | null = null;

  private readonly work: (ask: Extract<ToWorker, { kind: 'facts' | 'patch' }>) => Promise<CopyFacts>;

  constructor(
    db: Db,
    /** The copy's workers, shared with its loads. */
    workers: CopyWorkers = new CopyWorkers(db),
  ) {
    // A store kept in memory (no file for a worker to open) is read in place.
    this.work = db.memory
      ? async (ask) => (ask.kind === 'facts' ? factsOfStore(db, ask.slot) : patchFacts(db, ask.slot, ask.dataVersion, ask.previous, ask.change))
      : (ask) => readFacts(workers, ask);
  }

  /** Facts a load built for the version it just committed. */
  install(slot: Slot, dataVersion: number, facts: CopyFacts): void {
    const search = asSearchFacts(facts);
    this.held = { key: `${slot}:${dataVersion}`, ready: { search, copy: facts }, pending: Promise.resolve(search) };
  }

  /** The facts of this version: at hand, or on their way. */
  of(slot: Slot, dataVersion: number): SearchFacts | Promise<SearchFacts> {
    const key = `${slot}:${dataVersion}`;
    if (this.held?.key === key) return this.held.ready?.search ?? this.held.pending;
    return this.start(key, this.work({ kind: 'facts', slot }));
  }

  /** Starts reading the facts of this version ahead of the first search that needs them; settles (never fails) once they are at hand or could not be had. */
  prepare(slot: Slot, dataVersion: number): Promise<void> {
    return settled(this.of(slot, dataVersion));
  }

  /**
   * A change set applied in place made this version from the previous one: its facts are the
   * previous version's patched when those are at hand (read in full if the patch fails), else read.
   * Settles as `prepare` does.
   */
  changed(slot: Slot, dataVersion: number, change: FactsChange): Promise<void> {
    const previous = this.held?.key === `${slot}:${dataVersion - 1}` ? this.held.ready?.copy : undefined;
    if (!previous) return this.prepare(slot, dataVersion);
    const patched = this.work({ kind: 'patch', slot, dataVersion, previous, change });
    return settled(this.start(`${slot}:${dataVersion}`, patched.catch(() => this.work({ kind: 'facts', slot }))));
  }

  private start(key: string, facts: Promise<CopyFacts>): Promise<SearchFacts> {
    const pending = facts.then(
      (copy) => (held.ready = { search: asSearchFacts(copy), copy }).search,
      (e: unknown) => {
        if (this.held === held) this.held = null;
        throw e;
      },
    );
    const held: Held = { key, ready: null, pending };
    this.held = held;
    return pending;
  }
}
