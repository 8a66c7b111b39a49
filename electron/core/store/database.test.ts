import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, StoreOpenError, type Migration } from './database';

const dirs: string[] = [];
function tempFile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'store-'));
  dirs.push(dir);
  return path.join(dir, 'app.db');
}
afterEach(() => {
  for (const d of dirs.splice(0)) {
    fs.rmSync(d, { recursive: true, force: true });
  }
});

const m1: Migration = { version: 1, name: 'one', up: (db) => db.exec('CREATE TABLE t (x INTEGER)') };
const m2: Migration = { version: 2, name: 'two', up: (db) => db.exec('ALTER TABLE t ADD COLUMN y TEXT') };

function openError(file: string, migrations: Migration[]): StoreOpenError {
  try {
    openDatabase(file, migrations).close();
  } catch (e) {
    if (e instanceof StoreOpenError) return e;
    throw e;
  }
  throw new Error('expected the store to refuse to open');
}

describe('openDatabase', () => {
  it('uses WAL with synchronous=FULL and applies each migration once', () => {
    const file = tempFile();
    const db = openDatabase(file, [m1]);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    db.prepare('INSERT INTO t (x) VALUES (1)').run();
    db.close();
    const again = openDatabase(file, [m1, m2]);
    expect(again.prepare('SELECT x, y FROM t').all()).toEqual([{ x: 1, y: null }]);
    expect(again.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all()).toEqual([1, 2]);
    again.close();
  });

  it('refuses a file written by a newer schema and leaves it untouched', () => {
    const file = tempFile();
    openDatabase(file, [m1, m2]).close();
    const before = fs.readFileSync(file);
    const err = openError(file, [m1]);
    expect(err.info.kind).toBe('newer-schema');
    expect(err.message).toMatch(/newer version/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('reports a damaged file as corrupt without overwriting it', () => {
    const file = tempFile();
    fs.writeFileSync(file, 'this is not a database, just some words '.repeat(200));
    const before = fs.readFileSync(file);
    const err = openError(file, [m1]);
    expect(err.info.kind).toBe('corrupt');
    expect(err.message).toMatch(/damaged/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('reports a folder that cannot hold the file plainly', () => {
    const blocker = tempFile();
    fs.writeFileSync(blocker, 'a file where a folder should be');
    const err = openError(path.join(blocker, 'data', 'app.db'), [m1]);
    expect(err.info.kind).toBe('cannot-open');
    expect(err.message).toMatch(/could not be opened/);
  });
});
