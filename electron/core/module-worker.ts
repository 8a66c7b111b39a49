import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * Starts a worker thread that runs one module of the app. A build bundles the module beside
 * main.cjs (`dist/electron/<name>.cjs`, see scripts/electron-bundle.ts); its text is started as
 * an eval'd script, which also works from inside an asar archive. Run from source (the browser
 * shell, tests and benches run TypeScript through tsx), the worker compiles the module the same way.
 */
export function startModuleWorker(bundleName: string, source: () => URL, workerData: unknown): Worker {
  const bundled = typeof __dirname === 'string' ? path.join(__dirname, `${bundleName}.cjs`) : null;
  if (bundled && fs.existsSync(bundled)) return new Worker(fs.readFileSync(bundled, 'utf8'), { eval: true, workerData });
  const file = fileURLToPath(source());
  const tsx = createRequire(file).resolve('tsx/cjs');
  return new Worker(`require(${JSON.stringify(tsx)}); require(${JSON.stringify(file)});`, { eval: true, workerData });
}

/** Where better-sqlite3 lives, for a worker to load it by path (an eval'd worker resolves nothing relative to the app). */
export function sqliteModulePath(): string {
  return typeof require === 'function' ? require.resolve('better-sqlite3') : createRequire(import.meta.url).resolve('better-sqlite3');
}
