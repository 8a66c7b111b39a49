import { WEB_SHELL_BUNDLE } from './electron-bundle';

/**
 * glibc's malloc settings for the app's process on Linux (a value already set is kept):
 * - two arenas: glibc gives each thread that allocates an arena of its own, up to eight per core,
 *   and keeps what was freed in each, so the worker threads that write the inventory copy would
 *   leave tens of megabytes behind after every load;
 * - blocks of 128 KB and more mapped on their own and unmapped when freed, and free memory at the
 *   top of an arena returned past 128 KB: by default glibc raises both thresholds as large blocks
 *   are freed (up to 32 MB), so a load's batches and SQLite's large buffers would stay in the process.
 * Windows' and macOS' allocators do not work this way; nothing changes there.
 */
const GLIBC_MALLOC = { MALLOC_ARENA_MAX: '2', MALLOC_MMAP_THRESHOLD_: '131072', MALLOC_TRIM_THRESHOLD_: '131072' };

/** The environment the app's own Node process starts with (the browser shell; the desktop app when started from here). */
export function appProcessEnv(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): NodeJS.ProcessEnv {
  if (platform !== 'linux') return env;
  return { ...GLIBC_MALLOC, ...env };
}

/**
 * V8's flags for the app's main thread. Its young generation grows to 16 MB a semi-space by
 * default, about 30 MB held for objects that live a moment (a bridge call's input and answer):
 * 2 MB keeps that memory free at the cost of more, shorter scavenges (measured in `npm run bench`).
 */
export const APP_V8_FLAGS = ['--max-semi-space-size=2'];

/**
 * How the browser shell's process is started (`npm run start:web`, the specs, the benches): node
 * with the app's V8 flags running the shell's bundle, in the app's environment over `env`.
 */
export function webShellProcess(env: NodeJS.ProcessEnv): { args: string[]; env: NodeJS.ProcessEnv } {
  return { args: [...APP_V8_FLAGS, WEB_SHELL_BUNDLE], env: appProcessEnv(env) };
}
