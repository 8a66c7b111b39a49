import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The checkout's root, from a bench's source (bench/) or from its bundle (dist/bench/). */
export function repoRoot(): string {
  return typeof __dirname === 'string' ? path.resolve(__dirname, '../..') : path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
}

/** A folder for one party's store, removed when the process ends (kept, and named, with BENCH_KEEP=1). */
export function tempDir(name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `inventory-bench-${name}-`));
  if (process.env.BENCH_KEEP) console.log(`kept: ${dir}`);
  else process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}
