import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import type { StartupError } from '../../../shared/contract/app';

export type Db = Database.Database;

export interface Migration {
  /** Unique and never reused; applied in ascending order, each once. */
  version: number;
  name: string;
  up: (db: Db) => void;
}

export class StoreOpenError extends Error {
  constructor(readonly info: StartupError) {
    super(info.message);
    this.name = 'StoreOpenError';
  }
}

function classify(error: unknown, file: string): StartupError {
  const code = (error as { code?: string }).code ?? '';
  const raw = error instanceof Error ? error.message : String(error);
  const untouched = 'The file has been left untouched.';
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) {
    return { kind: 'corrupt', file, message: `The local data file is damaged and cannot be read (${raw}). ${untouched} Restore it from a backup or move it aside to start with an empty store.` };
  }
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') {
    return { kind: 'disk-full', file, message: `The disk holding the local data file is full. Free some space and start the app again. ${untouched}` };
  }
  if (code.startsWith('SQLITE_READONLY') || code === 'EACCES' || code === 'EROFS' || code === 'EPERM') {
    return { kind: 'read-only', file, message: `The app may not write to its data folder (${raw}). Check the folder’s permissions and start the app again. ${untouched}` };
  }
  return { kind: 'cannot-open', file, message: `The local data file could not be opened (${raw}). ${untouched}` };
}

export interface OpenOptions {
  /**
   * Versions this file's migrations may have applied. A version outside it belongs to another store (a
   * file that once held everything keeps both kinds) and is left alone rather than taken for a newer app.
   */
  owns?: (version: number) => boolean;
}

function applyMigrations(db: Db, migrations: Migration[], file: string, owns: (version: number) => boolean): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)');
  const applied = new Set(db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[]);
  const known = new Set(migrations.map((m) => m.version));
  const unknown = [...applied].filter((v) => !known.has(v) && owns(v));
  if (unknown.length > 0) {
    throw new StoreOpenError({
      kind: 'newer-schema',
      file,
      message: `The local data file was written by a newer version of the app (schema ${Math.max(...unknown)}). Install the newer version; the file has been left untouched.`,
    });
  }
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    if (applied.has(m.version)) continue;
    db.transaction(() => {
      m.up(db);
      record.run(m.version, m.name, Date.now());
    })();
  }
}

/**
 * Opens (or creates) the store. WAL with synchronous=FULL: a committed write survives a crash or
 * power loss before any vendor call is made. Never deletes or recreates an existing file.
 */
export function openDatabase(file: string, migrations: Migration[], opts: OpenOptions = {}): Db {
  const versions = migrations.map((m) => m.version);
  if (new Set(versions).size !== versions.length) throw new Error('duplicate migration version');
  let db: Db | undefined;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    applyMigrations(db, migrations, file, opts.owns ?? (() => true));
    return db;
  } catch (error) {
    db?.close();
    if (error instanceof StoreOpenError) throw error;
    throw new StoreOpenError(classify(error, file));
  }
}
