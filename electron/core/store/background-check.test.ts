import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BackgroundChecks, quickCheckInBackground } from './background-check';

describe('background checks of large files', () => {
  it('are ended by stop, each worker gone with its connection before stop resolves', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bg-check-'));
    const files = [1, 2, 3].map((n) => {
      const file = path.join(dir, `f${n}.db`);
      const db = new Database(file);
      db.pragma('journal_mode = WAL');
      db.exec('CREATE TABLE t (x TEXT)');
      const insert = db.prepare('INSERT INTO t VALUES (?)');
      db.transaction(() => {
        for (let i = 0; i < 2000; i++) insert.run(`row ${i}`.padEnd(300, 'x'));
      })();
      db.close();
      return file;
    });
    const checks = new BackgroundChecks();
    const verdicts = files.map((f) => quickCheckInBackground(f, checks));
    expect(checks.size).toBe(3);
    await checks.stop();
    expect(checks.size).toBe(0);
    // Every verdict is settled (a check ended early finds nothing), and the folder goes at the first try.
    expect(await Promise.all(verdicts)).toEqual([null, null, null]);
    fs.rmSync(dir, { recursive: true });
    expect(fs.existsSync(dir)).toBe(false);
  });
});
