import type Database from 'better-sqlite3';

/**
 * Other connections write to the store's file too: the inventory copy's workers build indexes and whole
 * generations in transactions of their own, some of them seconds long.
 *
 * A transaction that begins as a reader and then writes cannot wait for such a writer: SQLite answers
 * SQLITE_BUSY at once, without its busy handler, since waiting could deadlock. So every transaction on the
 * app's connection begins by taking the write lock (`BEGIN IMMEDIATE`), which waits for a worker's commit
 * like any single write does. The app's own transactions all write; a read that needs none takes none.
 */
export function transactionsTakeTheWriteLock(db: Database.Database): void {
  const transaction = db.transaction.bind(db);
  db.transaction = ((fn: Parameters<typeof transaction>[0]) => transaction(fn).immediate) as typeof db.transaction;
}

const isBusy = (error: unknown): boolean => String((error as { code?: unknown })?.code ?? '').startsWith('SQLITE_BUSY');

/** The write lock never came; nothing was written. Its code is SQLite's, so it is told as any busy store is. */
export class StoreBusyError extends Error {
  readonly code = 'SQLITE_BUSY';
  constructor(readonly waitedMs: number) {
    super(`database is locked (waited ${Math.round(waitedMs / 1000)} s)`);
    this.name = 'StoreBusyError';
  }
}

export interface WriteWhenFreeOptions {
  /** How long to keep trying before giving up (default two minutes: longer than any worker's transaction). */
  waitMs?: number;
  /** How long between tries. */
  stepMs?: number;
}

/**
 * Runs `work` in one transaction as soon as no other connection holds the write lock, without holding the
 * event loop while it waits: each try takes the lock or gives way at once, and the next comes after a
 * short pause. For what a person has just entered (a sale, a return), which must be written and must not
 * freeze the screens while the inventory copy is rebuilt. Throws StoreBusyError when the lock never came.
 */
export async function writeWhenFree<T>(db: Database.Database, work: () => T, opts: WriteWhenFreeOptions = {}): Promise<T> {
  const started = Date.now();
  const waitMs = opts.waitMs ?? 120_000;
  const run = db.transaction(work).immediate;
  const busyMs = db.pragma('busy_timeout', { simple: true }) as number;
  for (;;) {
    db.pragma('busy_timeout = 0');
    try {
      return run();
    } catch (error) {
      if (!isBusy(error)) throw error;
    } finally {
      db.pragma(`busy_timeout = ${busyMs}`);
    }
    const waited = Date.now() - started;
    if (waited >= waitMs) throw new StoreBusyError(waited);
    await new Promise((resolve) => setTimeout(resolve, opts.stepMs ?? 25));
  }
}
