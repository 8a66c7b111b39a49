import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/** Bundles made from source in this process, by entry file. */
const fromSource = new Map<string, string>();
/** Built bundles read in this process, by file: a load starts a worker, and reading its bundle again would hold the main thread. */
const built = new Map<string, string | null>();

/** The text of a built bundle beside this one, or null when there is none (a run from source). */
function builtBundle(bundleName: string): string | null {
  if (typeof __dirname !== 'string') return null;
  const file = path.join(__dirname, `${bundleName}.cjs`);
  if (!built.has(file)) built.set(file, fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null);
  return built.get(file)!;
}

/**
 * The module bundled from its TypeScript source, once per process, with the esbuild the build uses
 * (a development dependency: only runs from source come here).
 */
function bundleFromSource(file: string): string {
  let code = fromSource.get(file);
  if (code === undefined) {
    const esbuild = createRequire(file)('esbuild') as typeof import('esbuild');
    const out = esbuild.buildSync({ entryPoints: [file], bundle: true, platform: 'node', format: 'cjs', target: 'node20', write: false, external: ['electron', 'better-sqlite3'], logLevel: 'silent' });
    code = out.outputFiles[0].text;
    fromSource.set(file, code);
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
export function startModuleWorker(bundleName: string, source: () => URL, workerData: unknown): Worker {
  const code = builtBundle(bundleName) ?? bundleFromSource(fileURLToPath(source()));
  return new Worker(code, { eval: true, workerData, resourceLimits: MODULE_WORKER_LIMITS });
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
