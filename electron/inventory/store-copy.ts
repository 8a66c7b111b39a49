import type { SyncMode } from '../../shared/inventory/schemas';
import type { Db } from '../core/store/database';
import { INVENTORY_LOADER_LOCK, StoreAwayError, type StoreHold, type StoreLink } from '../core/store-link';
import { arraySource } from './item-source';
import type { InventoryRepo } from './inventory-repo';
import type { InventorySync } from './inventory-sync';
import { changedItems, INVENTORY_TOPIC, readServerCopy, wholeCopySource, writeChanges, writeWholeCopy, type KnownCopy } from './store-copy-server';

/**
 * alone: no store server, this workstation loads its own copy; loader: it holds the store's lock and
 * loads from SimpleConsign for every workstation; follower: another does, and this one takes the
 * rows from the server; away: the server does not answer, and the copy stays as it is.
 */
export type CopyRole = 'alone' | 'loader' | 'follower' | 'away';

export interface StoreCopyDeps {
  store: StoreLink;
  db: Db;
  repo: InventoryRepo;
  sync: InventorySync;
  /** Where the server's copy stood when this workstation last took or wrote it (kept across restarts). */
  known: { get(): KnownCopy | null; set(k: KnownCopy | null): void };
  log: (message: string) => void;
  /** This workstation became the loader and caught up: its loads may start. */
  onLead?: () => void;
  /** How often the lock is tried and the server looked at, besides its announcements. */
  checkMs?: number;
}

/** Looks for a lock holder this often: a dead loader is replaced within this plus the server's silence limit. */
export const CHECK_MS = 5_000;

/**
 * One inventory load per store. The workstation holding the store's lock loads from SimpleConsign
 * and writes each load's rows with its watermark to the server in one transaction; the others take
 * the changed rows into their own copy through the same path an answer takes, when the loader
 * announces them (LISTEN/NOTIFY), and make no inventory calls. When the loader dies or is cut off,
 * another takes the lock, catches up from the server and goes on from the stored watermark.
 */
export class StoreCopy {
  role: CopyRole = 'alone';
  private hold: StoreHold | null = null;
  /** A loader may call SimpleConsign once it has caught up with the server. */
  private ready = false;
  private timer: NodeJS.Timeout | undefined;
  private chain: Promise<unknown> = Promise.resolve();
  private unsubscribe: (() => void) | null = null;
  private stopped = false;

  constructor(private readonly deps: StoreCopyDeps) {}

  start(): void {
    this.stopped = false;
    this.unsubscribe = this.deps.store.onChange(INVENTORY_TOPIC, () => void this.serial(() => this.follow()));
    void this.tick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    this.unsubscribe?.();
    await this.chain.catch(() => undefined);
    await this.hold?.release();
    this.hold = null;
  }

  /** Whether this workstation may load from SimpleConsign now. */
  mayLoad(): boolean {
    return this.role === 'alone' || (this.role === 'loader' && this.ready && !!this.hold?.held());
  }

  /** Looks at the lock and the server now (and then on its schedule). */
  tick(): Promise<void> {
    clearTimeout(this.timer);
    return this.serial(() => this.look()).finally(() => {
      if (this.stopped) return;
      this.timer = setTimeout(() => void this.tick(), this.deps.checkMs ?? CHECK_MS);
      this.timer.unref();
    });
  }

  /** A load from SimpleConsign was applied here: the server gets it (a failure is retried on the next look). */
  published(change: { mode: SyncMode; skus: string[] | null }): Promise<void> {
    if (this.role === 'alone') return Promise.resolve();
    const known = this.deps.known.get();
    this.deps.known.set({ copyId: known?.copyId ?? '', change: known?.change ?? -1, pending: true });
    return this.serial(() => this.publish(change.mode === 'full' ? null : change.skus));
  }

  /** Takes the rows another workstation loaded, now (the follower's "load now"). */
  catchUp(): Promise<void> {
    return this.serial(() => this.follow());
  }

  private serial(work: () => Promise<void>): Promise<void> {
    const next = this.chain.then(() => (this.stopped ? undefined : work())).catch((error: unknown) => this.failed(error));
    this.chain = next;
    return next;
  }

  private failed(error: unknown): void {
    if (error instanceof StoreAwayError) {
      if (this.role !== 'alone') this.role = this.hold?.held() ? this.role : 'away';
      return;
    }
    this.deps.log(`inventory: the store server's copy could not be used: ${error instanceof Error ? error.message : String(error)}`);
  }

  private async look(): Promise<void> {
    const { store } = this.deps;
    if (!store.paired) {
      await this.letGo('alone');
      return;
    }
    if (this.hold?.held()) {
      if (this.deps.known.get()?.pending) await this.publish(null);
      return;
    }
    if (this.role === 'loader') await this.letGo('follower');
    if (!store.reachable()) {
      this.role = 'away';
      return;
    }
    const hold = await store.hold(INVENTORY_LOADER_LOCK);
    if (hold) await this.lead(hold);
    else {
      this.role = 'follower';
      await this.follow();
    }
  }

  private async letGo(role: CopyRole): Promise<void> {
    this.ready = false;
    const hold = this.hold;
    this.hold = null;
    await hold?.release();
    this.role = role;
  }

  /** This workstation became the loader: it catches up (or seeds the server with its copy) before loading. */
  private async lead(hold: StoreHold): Promise<void> {
    this.hold = hold;
    this.role = 'loader';
    this.ready = false;
    void hold.lost.then(() => {
      if (this.hold !== hold) return;
      this.deps.log('inventory: this workstation no longer holds the store’s inventory lock');
      void this.letGo('follower').then(() => this.tick());
    });
    this.deps.log('inventory: this workstation loads the inventory for the store');
    const server = await this.deps.store.query<{ copy_id: string; change: string }>('SELECT copy_id, change FROM inventory_state');
    const known = this.deps.known.get();
    const loaded = this.deps.repo.state().watermark !== null;
    // This copy holds a load the server lacks, and the server has nothing newer: the server takes this copy.
    const ahead = !!known?.pending && (server.length === 0 ? true : server[0].copy_id === known.copyId && Number(server[0].change) === known.change);
    if ((server.length === 0 && loaded) || ahead) await this.publish(null);
    else if (server.length > 0) await this.follow();
    this.ready = true;
    this.deps.onLead?.();
  }

  /**
   * Writes this copy's latest load to the server: the SKUs it changed, or the whole copy (null, or
   * when the server's copy is not the one this workstation last knew).
   */
  private async publish(skus: string[] | null): Promise<void> {
    const { store, db, repo } = this.deps;
    if (!this.hold?.held()) return;
    const me = store.workstation()?.id ?? null;
    const known = this.deps.known.get();
    const notify = store.notifySql(INVENTORY_TOPIC);
    let wrote: KnownCopy | null = null;
    if (skus !== null && known?.copyId) wrote = await store.transaction((q) => writeChanges(q, db, repo, known, skus, me, notify));
    wrote ??= await store.transaction((q) => writeWholeCopy(q, db, repo, me, notify));
    this.deps.known.set(wrote);
  }

  /** Takes what the loader wrote since this copy's last change: every changed row, or the whole copy when it is another. */
  private async follow(): Promise<void> {
    const { store, sync, repo } = this.deps;
    if (this.role !== 'follower' && !(this.role === 'loader' && !this.ready)) return;
    if (sync.isRunning()) return;
    await store.transaction(async (q) => {
      // One snapshot: the rows read are exactly those of the watermark read.
      await q.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
      const server = await readServerCopy(q);
      const known = this.deps.known.get();
      if (!server || (known && known.copyId === server.copyId && known.change === server.change && !known.pending)) return;
      const whole = !known || known.pending || known.copyId !== server.copyId || repo.state().watermark === null;
      const source = whole ? wholeCopySource(q, server.itemCount) : arraySource(await changedItems(q, known.change));
      const before = repo.state().dataVersion;
      const { watermark, clockStart, newestStamp, source: from, options } = server;
      // A copy without a watermark yet (the server was seeded with none) is still a copy: the next load is a full one.
      const mark = { watermark: watermark ?? 0, clockStart: clockStart ?? 0, newestStamp, source: from, options };
      await sync.start('store', { feed: { mode: whole ? 'full' : 'incremental', source, mark } });
      if (repo.state().dataVersion !== before) this.deps.known.set({ copyId: server.copyId, change: server.change, pending: false });
    });
  }
}
