/**
 * The environment the app's own Node process starts with (the browser shell; the desktop app when
 * started from here on Linux). glibc gives each thread that allocates a malloc arena of its own, up
 * to eight per core, and keeps what was freed in each: the worker threads that write the inventory
 * copy would leave tens of megabytes behind after every load. Two arenas keep the process to the
 * memory it uses. Windows' and macOS' allocators do not work this way; nothing changes there.
 */
export function appProcessEnv(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): NodeJS.ProcessEnv {
  if (platform !== 'linux' || env.MALLOC_ARENA_MAX) return env;
  return { ...env, MALLOC_ARENA_MAX: '2' };
}

/**
 * V8's flags for the app's main thread. Its young generation grows to 16 MB a semi-space by
 * default, about 30 MB held for objects that live a moment (a bridge call's input and answer):
 * 2 MB keeps that memory free at the cost of more, shorter scavenges (measured in `npm run bench`).
 */
export const APP_V8_FLAGS = ['--max-semi-space-size=2'];
