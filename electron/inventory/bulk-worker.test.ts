import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../core/store/database';
import { runBulk } from './bulk-worker';

let dir = '';
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('work run off the main thread', () => {
  it('is settled only once its own connection has closed: the app closing next is the last to hold the file', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulk-'));
    const file = path.join(dir, 'copy.db');
    for (let round = 0; round < 5; round++) {
      const db = openDatabase(file, []);
      db.exec('CREATE TABLE IF NOT EXISTS t (x INTEGER)');
      // A large transaction leaves the log long, so the worker's own close (a checkpoint) takes a while.
      const count = await runBulk(db, ['WITH RECURSIVE n(v) AS (SELECT 1 UNION ALL SELECT v + 1 FROM n WHERE v < 200000) INSERT INTO t SELECT v FROM n', 'CREATE INDEX IF NOT EXISTS t_x ON t (x)'], 'SELECT count(*) FROM t');
      expect(count).toBe(200_000 * (round + 1));
      db.close();
      // The last connection to close removes the log: nothing else may still have the file open.
      expect(fs.readdirSync(dir).sort()).toEqual(['copy.db']);
    }
  });

  it('says what failed, after the worker has gone', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulk-'));
    const db = openDatabase(path.join(dir, 'copy.db'), []);
    await expect(runBulk(db, ['SELECT * FROM missing'])).rejects.toThrow(/no such table: missing/);
    db.close();
    expect(fs.readdirSync(dir)).toEqual(['copy.db']);
  });
});
