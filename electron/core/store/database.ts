import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import type { StartupError } from '../../../shared/contract/app';
import { secretRedactor } from '../secrets/redact';
import { quickCheckInBackground, type BackgroundChecks } from './background-check';
import { watchForDamage } from './damage-watch';
import type { Migration } from './migration';
import { APPLICATION_ID, CHECK_AT_START_BYTES, damagedFile, inspectExisting, quickCheck, writeAccessProblem } from './store-check';
import { guardWrites } from './write-guard';
import { transactionsTakeTheWriteLock } from './write-lock';

export type Db = Database.Database;
export type { Migration } from './migration';

export class StoreOpenError extends Error {
  constructor(readonly info: StartupError) {
    super(info.message);
    this.name = 'StoreOpenError';
  }
}

function classify(error: unknown, file: string, inspecting = false): StartupError {
  const code = (error as { code?: string }).code ?? '';
  const raw = error instanceof Error ? error.message : String(error);
  const untouched = 'The file has been left untouched.';
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) return damagedFile(file, raw);
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') {
    return { kind: 'disk-full', file, message: `The disk holding the local data file is full. Free some space and start the app again. ${untouched}` };
  }
  // A read-only look that meets another program's unfinished write (a hot journal) is not a read-only disk.
  if (inspecting && code.startsWith('SQLITE_READONLY')) return { kind: 'cannot-open', file, message: `The local data file could not be opened (${raw}). ${untouched}` };
  if (code.startsWith('SQLITE_READONLY') || code === 'EACCES' || code === 'EROFS' || code === 'EPERM') {
    return { kind: 'read-only', file, message: `The app may not write to its data folder (${raw}). Check the folder’s permissions and start the app again. ${untouched}` };
  }
  return { kind: 'cannot-open', file, message: `The local data file could not be opened (${raw}). ${untouched}` };
}

function applyMigrations(db: Db, migrations: Migration[]): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)');
  const applied = new Set(db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[]);
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    if (applied.has(m.version)) continue;
    db.transaction(() => {
      m.up(db);
      record.run(m.version, m.name, Date.now());
    })();
  }
}

export interface OpenOptions {
  /** Versions this file's migrations may have applied; others belong to another store and are left alone. */
  owns?: (version: number) => boolean;
  /** Told when damage is found (by the background check of a large file, or by any statement); the store has stopped writing by then. */
  onDamage?: (info: StartupError) => void;
  /** Files above this size are checked in the background (tests lower it). */
  checkAtStartBytes?: number;
  /** Where the background checks are kept, so the app's stop can end them. */
  checks?: BackgroundChecks;
}

/** Checks an existing file before anything in it changes; throws the refusal. Answers whether it is large. */
function admit(db: Db, file: string, migrations: Migration[], opts: OpenOptions): boolean {
  const refusal = inspectExisting(db, file, migrations, opts.owns ?? (() => true));
  if (refusal) throw new StoreOpenError(refusal);
  const large = fs.statSync(file).size > (opts.checkAtStartBytes ?? CHECK_AT_START_BYTES);
  const problem = large ? null : quickCheck(db);
  if (problem) throw new StoreOpenError(damagedFile(file, problem));
  return large;
}

/**
 * Looks at an existing file through a read-only connection, so a refused file keeps every byte (a
 * read-write connection would replay and remove its write-ahead log on closing). The -wal and -shm
 * files that a read-only connection creates where there were none are removed again; existing ones
 * are left in place.
 */
function inspectReadOnly(file: string, migrations: Migration[], opts: OpenOptions): boolean {
  const created = ['-wal', '-shm'].map((suffix) => `${file}${suffix}`).filter((f) => !fs.existsSync(f));
  let ro: Db | undefined;
  try {
    ro = new Database(file, { readonly: true, fileMustExist: true });
    return admit(ro, file, migrations, opts);
  } catch (error) {
    if (error instanceof StoreOpenError) throw error;
    throw new StoreOpenError(classify(error, file, true));
  } finally {
    ro?.close();
    for (const f of created) fs.rmSync(f, { force: true });
  }
}

/** Damage found later (by the background check, or by a statement): the store stops writing and the app is told. */
function stopOnDamage(db: Db, file: string, onDamage: OpenOptions['onDamage']): (reason: string) => void {
  let told = false;
  return (reason) => {
    if (told || !db.open) return;
    told = true;
    onDamage?.(damagedFile(file, reason));
  };
}

/** A large file is checked after start, in the background. */
function checkLater(db: Db, file: string, damaged: (reason: string) => void, checks?: BackgroundChecks): void {
  void quickCheckInBackground(file, checks).then((problem) => {
    if (!problem || !db.open) return;
    db.pragma('query_only = ON');
    damaged(problem);
  });
}

/** The page cache of each store connection, in KiB: pages are kept only once read, up to this. */
const PAGE_CACHE_KIB = 32 * 1024;

/**
 * Opens (or creates) the store. An existing file is first checked through a read-only connection, for
 * being this app's (its application_id), of a version this app knows, and sound (`quick_check`); only
 * then is it opened for writing and anything set.
 * WAL with synchronous=FULL: a committed write survives a crash or power loss before any vendor call is
 * made. Never deletes or recreates an existing file. The folder is created readable by its owner only.
 */
export function openDatabase(file: string, migrations: Migration[], opts: OpenOptions = {}): Db {
  const versions = migrations.map((m) => m.version);
  if (new Set(versions).size !== versions.length) throw new Error('duplicate migration version');
  let db: Db | undefined;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    const readOnly = writeAccessProblem(file);
    if (readOnly) throw new StoreOpenError(readOnly);
    const existing = fs.existsSync(file) && fs.statSync(file).size > 0;
    const large = existing && inspectReadOnly(file, migrations, opts);
    db = new Database(file);
    const damaged = stopOnDamage(db, file, opts.onDamage);
    watchForDamage(db, damaged);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // Searches read the same pages of the full-text index again and again (each keystroke a query over
    // the same words): kept in the connection's cache rather than asked of the file each time. SQLite's
    // default of 2,000 KiB holds a fraction of a common word's list at 100,000 items.
    db.pragma(`cache_size = -${PAGE_CACHE_KIB}`);
    transactionsTakeTheWriteLock(db);
    applyMigrations(db, migrations);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    guardWrites(db, secretRedactor);
    if (large) checkLater(db, file, damaged, opts.checks);
    return db;
  } catch (error) {
    db?.close();
    if (error instanceof StoreOpenError) throw error;
    throw new StoreOpenError(classify(error, file));
  }
}
