import type { Db } from '../core/store/database';
import { fillRoom, filledRoom, makeRoom, type CopyFacts, type FactsRoom } from './copy-facts';
import { CopyWorkers, patchThenCopyBack, readFacts, roomWorker } from './copy-load';
import { patchFacts, textAnchors, type FactsChange } from './facts-patch';
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

/** Searches' view of facts; `before`, the facts they replace (no search reads them again), hands its memory on. */
const asSearchFacts = (f: CopyFacts, before?: SearchFacts): SearchFacts => ({ flags: new FilterFlags(f), ranks: new OrderRanks(f, before?.ranks.handOver()) });

/**
 * After a patch, the log is copied back into the file once searches have paused this long (it
 * slowed the first searches it ran beside: at a million items, a sorted search walking the rows
 * took 69 ms beside it, 31 ms after it), and at most this long after the facts are ready.
 */
const QUIET_MS = 200;
const QUIET_WAIT_MS = 2000;

/** How much longer the copy-back waits, at `now`, searches last having asked at `askedAt`, its wait begun at `since`. */
export function pauseLeft(now: number, askedAt: number, since: number): number {
  return Math.max(0, Math.min(QUIET_MS - (now - askedAt), since + QUIET_WAIT_MS - now));
}

/** A change set's facts on their way (see SearchFactsStore.changing). */
export interface Changing {
  /** For a transaction that did not commit: the previous version's facts stay. */
  undo: () => void;
  /** Settles as `prepare` does. */
  ready: Promise<void>;
  /** Settles (never fails) once the worker that patched the facts has copied the store's log back into its file; false when none did. */
  copiedBack: Promise<boolean>;
}

interface Room {
  after: string;
  room: FactsRoom;
  worker: ReturnType<typeof roomWorker> | null;
}

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

  /** When a search last asked for facts (performance.now()). */
  private askedAt = -Infinity;

  /**
   * Memory for the facts of the version after the one held (its key), filled or being filled by
   * the worker that is to patch them (none for a store kept in memory: filled in place).
   */
  private room: Room | null = null;

  private readonly work: (ask: Extract<ToWorker, { kind: 'facts' | 'patch' }>) => Promise<CopyFacts>;

  constructor(
    private readonly db: Db,
    /** The copy's workers, shared with its loads. */
    private readonly workers: CopyWorkers = new CopyWorkers(db),
  ) {
    // A store kept in memory (no file for a worker to open) is read in place.
    this.work = db.memory
      ? async (ask) => (ask.kind === 'facts' ? factsOfStore(db, ask.slot) : patchFacts(ask.previous, ask.change, ask.anchors, filledRoom(ask.room)))
      : (ask) => readFacts(workers, ask);
  }

  /** Facts a load built for the version it just committed. */
  install(slot: Slot, dataVersion: number, facts: CopyFacts): void {
    this.takeRoom(null);
    const search = asSearchFacts(facts, this.held?.ready?.search);
    this.held = { key: `${slot}:${dataVersion}`, ready: { search, copy: facts }, pending: Promise.resolve(search) };
  }

  /** The facts of this version: at hand, or on their way. */
  of(slot: Slot, dataVersion: number): SearchFacts | Promise<SearchFacts> {
    this.askedAt = performance.now();
    const key = `${slot}:${dataVersion}`;
    if (this.held?.key === key) return this.held.ready?.search ?? this.held.pending;
    return this.start(key, this.work({ kind: 'facts', slot }));
  }

  /** Starts reading the facts of this version ahead of the first search that needs them; settles (never fails) once they are at hand or could not be had. */
  prepare(slot: Slot, dataVersion: number): Promise<void> {
    return settled(this.of(slot, dataVersion));
  }

  /**
   * A change set being applied in place, called in its transaction once that has moved the copy to
   * this version: the version's facts are the previous version's patched, in a worker that starts
   * now, beside the commit (the name and SKU orders' places are read here first, on the connection
   * that sees the change). Without the previous facts at hand, or when the patch fails, they are
   * read in full once the transaction has ended. `undo` is for a transaction that did not commit:
   * the previous version's facts stay.
   */
  changing(slot: Slot, dataVersion: number, change: FactsChange): Changing {
    const was = this.held;
    const previous = was?.key === `${slot}:${dataVersion - 1}` ? was.ready?.copy : undefined;
    const patched = this.patched(slot, previous, change, this.takeRoom(was?.key ?? null));
    let undone = false;
    // A rejection's handler runs once the transaction has ended, never inside it: the full read sees what it committed.
    const facts = patched.facts.catch(() => (undone ? Promise.reject(new Error('the change was not committed')) : this.work({ kind: 'facts', slot })));
    const ready = settled(this.start(`${slot}:${dataVersion}`, facts));
    return {
      undo: () => {
        undone = true;
        this.held = was;
      },
      ready,
      copiedBack: patched.copiedBack,
    };
  }

  /**
   * The previous facts patched with a change: by the room's worker when there is one (which then
   * copies the log back), else by a worker of their own. The facts reject when there are no previous
   * ones or the places of the change's rows cannot be read.
   */
  private patched(slot: Slot, previous: CopyFacts | undefined, change: FactsChange, room: Room | undefined): Pick<Changing, 'copiedBack'> & { facts: Promise<CopyFacts> } {
    try {
      if (!previous) throw new Error('no previous facts');
      const ask = { kind: 'patch', previous, change, anchors: textAnchors(this.db, slot, change), room: room?.room } as const;
      return room?.worker ? patchThenCopyBack(room.worker.link, ask, () => this.searchesPaused()) : { facts: this.work(ask), copiedBack: Promise.resolve(false) };
    } catch (e) {
      void room?.worker?.link.stop();
      return { facts: Promise.reject(e instanceof Error ? e : new Error(String(e))), copiedBack: Promise.resolve(false) };
    }
  }

  /**
   * Settles once no search has asked for facts for `QUIET_MS` (the first searches of a new version
   * come together: a person types on), or after `QUIET_WAIT_MS` at most.
   */
  private async searchesPaused(): Promise<void> {
    const since = performance.now();
    for (let wait = pauseLeft(since, this.askedAt, since); wait > 0; wait = pauseLeft(performance.now(), this.askedAt, since)) {
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }

  /** The room made after version `key`; one made after another is dropped, and its worker ended. */
  private takeRoom(key: string | null): Room | undefined {
    const room = this.room;
    this.room = null;
    if (room && room.after === key) return room;
    void room?.worker?.link.stop();
    return undefined;
  }

  /**
   * A change set may come (an incremental load has started): memory for the next version's facts
   * is made now, and the worker that is to patch them starts and writes it through meanwhile (see
   * FactsRoom). Kept until the next patch, or dropped with the version it was made after. Settles
   * (never fails) once filled.
   */
  makeRoom(): Promise<void> {
    const held = this.held;
    if (!held?.ready) return Promise.resolve();
    if (this.room?.after === held.key) return this.room.worker?.filled ?? Promise.resolve();
    this.takeRoom(null);
    const room = makeRoom(held.ready.copy);
    if (this.db.memory) {
      fillRoom(room);
      this.room = { after: held.key, room, worker: null };
      return Promise.resolve();
    }
    const worker = roomWorker(this.workers, room);
    this.room = { after: held.key, room, worker };
    return worker.filled;
  }

  private start(key: string, facts: Promise<CopyFacts>): Promise<SearchFacts> {
    const before = this.held?.ready?.search;
    const pending = facts.then(
      // The facts replaced hand their memory on only if these are the ones searches now read.
      (copy) => (held.ready = { search: asSearchFacts(copy, this.held === held ? before : undefined), copy }).search,
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
