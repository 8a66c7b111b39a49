import { describe, expect, it } from 'vitest';
import { appProcessEnv } from './app-process';

describe("the app process's environment", () => {
  it('keeps glibc to two malloc arenas on Linux, returning large blocks when freed, and leaves a value the user set', () => {
    expect(appProcessEnv({ PATH: '/bin' }, 'linux')).toEqual({ PATH: '/bin', MALLOC_ARENA_MAX: '2', MALLOC_MMAP_THRESHOLD_: '131072', MALLOC_TRIM_THRESHOLD_: '131072' });
    expect(appProcessEnv({ MALLOC_ARENA_MAX: '4' }, 'linux')).toMatchObject({ MALLOC_ARENA_MAX: '4', MALLOC_MMAP_THRESHOLD_: '131072' });
  });

  it('changes nothing on Windows or macOS', () => {
    expect(appProcessEnv({ PATH: 'C:\\' }, 'win32')).toEqual({ PATH: 'C:\\' });
    expect(appProcessEnv({}, 'darwin')).toEqual({});
  });
});
