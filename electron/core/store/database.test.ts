import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { secretRedactor } from '../secrets/redact';
import { openDatabase, StoreOpenError, type Migration } from './database';
import { APPLICATION_ID } from './store-check';

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
  it('uses WAL with synchronous=FULL and a 32 MiB page cache, and applies each migration once', () => {
    const file = tempFile();
    const db = openDatabase(file, [m1]);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    // A search's pages stay in the connection's cache, up to 32 MiB (SQLite's default keeps about 2 MB).
    expect(db.pragma('cache_size', { simple: true })).toBe(-32 * 1024);
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

/** A store with enough rows to span many pages, closed and folded back into one file. */
function filledStore(file: string): void {
  const db = openDatabase(file, [m1, m2]);
  const insert = db.prepare('INSERT INTO t (x, y) VALUES (?, ?)');
  db.transaction(() => {
    for (let i = 0; i < 3000; i++) insert.run(i, `row ${i} `.padEnd(200, 'x'));
  })();
  db.pragma('journal_mode = DELETE');
  db.close();
}

function overwritePages(file: string, pages: number[]): void {
  const fd = fs.openSync(file, 'r+');
  for (const p of pages) fs.writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, p * 4096);
  fs.closeSync(fd);
}

describe('openDatabase guards the file', () => {
  it('finds page-level damage at start, refuses to open and leaves the file untouched', () => {
    const file = tempFile();
    filledStore(file);
    overwritePages(file, [20, 40, 60]);
    const before = fs.readFileSync(file);
    const err = openError(file, [m1, m2]);
    expect(err.info.kind).toBe('corrupt');
    expect(err.message).toMatch(/damaged .*restore the file from a backup/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('checks a large file in the background and stops writing when it is damaged', async () => {
    const file = tempFile();
    filledStore(file);
    overwritePages(file, [20, 40, 60]);
    let reported!: (kind: string) => void;
    const damage = new Promise<string>((r) => (reported = r));
    const db = openDatabase(file, [m1, m2], { checkAtStartBytes: 0, onDamage: (info) => reported(info.kind) });
    try {
      expect(await damage).toBe('corrupt');
      expect(() => db.prepare('INSERT INTO t (x) VALUES (1)').run()).toThrow(/readonly|read-only|query_only/i);
    } finally {
      db.close();
    }
  });

  it('leaves a newer version’s file byte for byte as it was, journal mode included', () => {
    const file = tempFile();
    const db = openDatabase(file, [m1, m2]);
    db.pragma('journal_mode = DELETE');
    db.close();
    const before = fs.readFileSync(file);
    expect(openError(file, [m1]).info.kind).toBe('newer-schema');
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
  });

  it('refuses another program’s SQLite file and leaves it untouched', () => {
    const file = tempFile();
    const other = new Database(file);
    other.exec('CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO customers (name) VALUES (\'Ann\')');
    other.close();
    const before = fs.readFileSync(file);
    const err = openError(file, [m1]);
    expect(err.info.kind).toBe('foreign-file');
    expect(err.message).toMatch(/database of another program/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    const stamped = tempFile();
    const foreign = new Database(stamped);
    foreign.pragma('application_id = 42');
    foreign.close();
    expect(openError(stamped, [m1]).info.kind).toBe('foreign-file');
  });

  it('marks its own files, and adopts one an earlier version wrote without the mark', () => {
    const file = tempFile();
    openDatabase(file, [m1]).close();
    const raw = new Database(file);
    expect(raw.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    raw.pragma('application_id = 0');
    raw.close();
    const again = openDatabase(file, [m1, m2]);
    expect(again.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    again.close();
  });

  it.runIf(process.platform !== 'win32')('creates its data folder readable by its owner only', () => {
    const parent = path.dirname(tempFile());
    const file = path.join(parent, 'fresh', 'data', 'app.db');
    openDatabase(file, [m1]).close();
    expect(fs.statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
  });

  it('blanks out known secrets in everything it writes', () => {
    secretRedactor.add('store-guard-secret-42');
    const db = openDatabase(tempFile(), [m1, m2]);
    db.prepare('INSERT INTO t (x, y) VALUES (?, ?)').run(1, 'vendor said: bad key store-guard-secret-42');
    db.prepare('INSERT INTO t (x, y) VALUES (@x, @y)').run({ x: 2, y: 'store-guard-secret-42' });
    expect(db.prepare('SELECT y FROM t ORDER BY x').pluck().all()).toEqual(['vendor said: bad key [hidden]', '[hidden]']);
    db.close();
  });
});

/** Runs SQL in another process that ends without closing its connection, as a killed program would: its -wal and -shm stay. */
function leftByKilledWriter(file: string, sql: string): void {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const code = `const D = require(${JSON.stringify(driver)}); const db = new D(${JSON.stringify(file)}); db.exec(${JSON.stringify(sql)}); process.exit(0);`;
  execFileSync(process.execPath, ['-e', code]);
}

/** Every byte of the file and its -wal and -shm, and which of them exist. */
function snapshot(file: string): Record<string, string | null> {
  return Object.fromEntries(['', '-wal', '-shm'].map((s) => [s || 'main', fs.existsSync(file + s) ? fs.readFileSync(file + s).toString('base64') : null]));
}

describe('openDatabase leaves a refused file as it found it', () => {
  it('refuses a damaged file left with a write-ahead log after a kill, keeping its bytes, -wal and -shm', () => {
    const file = tempFile();
    filledStore(file);
    overwritePages(file, [20, 40, 60]);
    leftByKilledWriter(file, "PRAGMA journal_mode = WAL; INSERT INTO t (x, y) VALUES (9001, 'written after the damage, still in the log');");
    const before = snapshot(file);
    expect(before['-wal']).not.toBeNull();
    expect(openError(file, [m1, m2]).info.kind).toBe('corrupt');
    const after = snapshot(file);
    expect(after.main).toBe(before.main);
    expect(after['-wal']).toBe(before['-wal']);
    expect(after['-shm']).not.toBeNull();
  });

  it('refuses another program’s database in WAL mode, keeping its bytes, -wal and -shm', () => {
    const file = tempFile();
    leftByKilledWriter(file, "PRAGMA journal_mode = WAL; CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO customers (name) VALUES ('Ann');");
    const before = snapshot(file);
    expect(openError(file, [m1]).info.kind).toBe('foreign-file');
    const after = snapshot(file);
    expect(after.main).toBe(before.main);
    expect(after['-wal']).toBe(before['-wal']);
    expect(after['-shm']).not.toBeNull();
    // The refused program's rows are all there, log included.
    const other = new Database(file, { readonly: true });
    expect(other.prepare('SELECT name FROM customers').pluck().all()).toEqual(['Ann']);
    other.close();
  });

  it('leaves no -wal or -shm behind a refused file that had none', () => {
    const file = tempFile();
    const other = new Database(file);
    other.pragma('journal_mode = WAL');
    other.exec('CREATE TABLE customers (id INTEGER PRIMARY KEY)');
    other.close();
    const before = snapshot(file);
    expect(before['-wal']).toBeNull();
    expect(openError(file, [m1]).info.kind).toBe('foreign-file');
    expect(snapshot(file)).toEqual(before);
  });
});

describe('damage found while the store is in use', () => {
  it('stops every write on the first statement that meets it, and says so once', () => {
    const file = tempFile();
    filledStore(file);
    const reports: string[] = [];
    const db = openDatabase(file, [m1, m2], { onDamage: (info) => reports.push(info.message) });
    try {
      db.pragma('cache_size = 1');
      overwritePages(file, [20, 40, 60]);
      expect(() => db.prepare('SELECT count(*), sum(length(y)) FROM t').get()).toThrow(/malformed|corrupt/i);
      expect(reports).toHaveLength(1);
      expect(reports[0]).toMatch(/damaged .*Nothing more is written to it/);
      expect(() => db.prepare('INSERT INTO t (x) VALUES (1)').run()).toThrow(/readonly|read-only|query_only/i);
      expect(() => db.exec('CREATE TABLE other (x)')).toThrow(/readonly|read-only|query_only/i);
      expect(reports).toHaveLength(1);
    } finally {
      db.close();
    }
  });
});

describe('openDatabase on a read-only disk', () => {
  it('says the folder is read-only rather than "cannot open"', () => {
    const file = tempFile();
    openDatabase(file, [m1]).close();
    const spy = vi.spyOn(fs, 'accessSync').mockImplementation(() => {
      throw Object.assign(new Error('EROFS: read-only file system'), { code: 'EROFS' });
    });
    try {
      const err = openError(file, [m1]);
      expect(err.info.kind).toBe('read-only');
      expect(err.message).toMatch(/is on a read-only disk/);
    } finally {
      spy.mockRestore();
    }
  });
});
