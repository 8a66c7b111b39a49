import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { StartupError } from '../../../shared/contract/app';
import type { Migration } from './migration';

/** Marks the file as this app's in SQLite's header ("PBO1"), so a foreign database is never adopted. */
export const APPLICATION_ID = 0x50424f31;
/** Files up to this size are checked before the app starts; larger ones in the background. */
export const CHECK_AT_START_BYTES = 128 * 1024 * 1024;

const untouched = 'The file has been left untouched.';

export function damagedFile(file: string, reason: string): StartupError {
  return {
    kind: 'corrupt',
    file,
    message: `The local data file is damaged (${reason}). ${untouched} Nothing more is written to it. Close the app, then restore the file from a backup, or move it aside to start with an empty store.`,
  };
}

/** What `PRAGMA quick_check` found: null when the file is sound. */
export function quickCheck(db: Database.Database): string | null {
  const rows = db.pragma('quick_check(5)', { simple: false }) as { quick_check: string }[];
  const problems = rows.map((r) => r.quick_check).filter((r) => r !== 'ok');
  return problems.length > 0 ? problems.join('; ').slice(0, 300) : null;
}

/**
 * Reads an existing file before anything is changed in it (not even the journal mode): is it ours,
 * and was it written by a version this app knows? Answers a refusal, or null when it may be opened.
 */
export function inspectExisting(db: Database.Database, file: string, migrations: Migration[], owns: (v: number) => boolean): StartupError | null {
  const appId = db.pragma('application_id', { simple: true }) as number;
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
  const hasOurLedger = tables.includes('schema_migrations') && ledgerIsOurs(db);
  if (appId !== APPLICATION_ID && (appId !== 0 || (tables.length > 0 && !hasOurLedger))) {
    return {
      kind: 'foreign-file',
      file,
      message: `The file at ${file} is a database of another program, not this app’s data. ${untouched} Move it elsewhere (or choose another data folder) and start the app again.`,
    };
  }
  if (!hasOurLedger) return null;
  const known = new Set(migrations.map((m) => m.version));
  const applied = db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[];
  const unknown = applied.filter((v) => !known.has(v) && owns(v));
  if (unknown.length === 0) return null;
  return {
    kind: 'newer-schema',
    file,
    message: `The local data file was written by a newer version of the app (schema ${Math.max(...unknown)}). Install the newer version; the file has been left untouched.`,
  };
}

function ledgerIsOurs(db: Database.Database): boolean {
  try {
    db.prepare('SELECT version, name, applied_at FROM schema_migrations LIMIT 1').all();
    return true;
  } catch {
    return false;
  }
}

/** A folder the app may not write to is said to be read-only, before SQLite reports it as "cannot open". */
export function writeAccessProblem(file: string): StartupError | null {
  const targets = [path.dirname(file), ...(fs.existsSync(file) ? [file] : [])];
  for (const target of targets) {
    try {
      fs.accessSync(target, fs.constants.W_OK);
    } catch (error) {
      const code = (error as { code?: string }).code ?? '';
      if (code !== 'EROFS' && code !== 'EACCES' && code !== 'EPERM') continue;
      const where = code === 'EROFS' ? 'is on a read-only disk' : 'is read-only for this user';
      return { kind: 'read-only', file, message: `The app’s data folder ${where} (${target}), so the app cannot save anything. Make it writable (or choose another data folder) and start the app again. ${untouched}` };
    }
  }
  return null;
}
