import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/** Each worker's bundle, by its name, read or built once per process: a load starts a worker, and reading its bundle again would hold the main thread. */
const bundles = new Map<string, string>();

/**
 * The module bundled from its TypeScript source with the esbuild the build uses (a development
 * dependency: only runs from source come here).
 */
function bundleFromSource(file: string): string {
  const esbuild = createRequire(file)('esbuild') as typeof import('esbuild');
  const out = esbuild.buildSync({ entryPoints: [file], bundle: true, platform: 'node', format: 'cjs', target: 'node20', write: false, external: ['electron', 'better-sqlite3'], logLevel: 'silent' });
  return out.outputFiles[0].text;
}

/** The worker's bundle: the built one beside this one, or else made from its source. */
function bundleOf(bundleName: string, source: () => URL): string {
  let code = bundles.get(bundleName);
  if (code === undefined) {
    const built = typeof __dirname === 'string' ? path.join(__dirname, `${bundleName}.cjs`) : null;
    code = built && fs.existsSync(built) ? fs.readFileSync(built, 'utf8') : bundleFromSource(fileURLToPath(source()));
    bundles.set(bundleName, code);
  }
  return code;
}

/**
 * A module worker takes its input a slice at a time and keeps little between slices. Left to V8's
 * defaults (sized for a main thread), its heap would hold tens of megabytes of finished slices
 * before collecting them; these limits have it collect sooner, and leave ample room (a slice of a
 * load is a few megabytes).
 */
const MODULE_WORKER_LIMITS = { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 512 };

/**
 * Starts a worker thread that runs one module of the app. A build bundles the module beside
 * main.cjs (`dist/electron/<name>.cjs`, see scripts/electron-bundle.ts), and beside the browser shell's
 * bundle. Run from source (tests run TypeScript through tsx), it is bundled the same way here, once per
 * process. Either bundle is started as an eval'd script, which also works from inside an asar archive.
 */
export function startModuleWorker(bundleName: string, source: () => URL, workerData: Record<string, unknown>): Worker {
  return startOwnModule(bundleOf(bundleName, source), workerData);
}

/**
 * From inside a module worker: another worker running the same module (its `workerData.moduleCode`:
 * an eval'd worker has no file to start it from), with the same limits.
 */
export function startOwnModule(moduleCode: string, workerData: Record<string, unknown>): Worker {
  return new Worker(moduleCode, { eval: true, workerData: { ...workerData, moduleCode }, resourceLimits: MODULE_WORKER_LIMITS });
}

/**
 * Where one of the app's packages lives, for a worker to load it by path (an eval'd worker resolves
 * nothing relative to the app). The bundled main process is CommonJS; tests and tools run ES modules.
 */
export function appModulePath(name: string): string {
  return typeof require === 'function' ? require.resolve(name) : createRequire(import.meta.url).resolve(name);
}

/** Where better-sqlite3 lives, for a worker. */
export const sqliteModulePath = (): string => appModulePath('better-sqlite3');
