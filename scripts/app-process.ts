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
