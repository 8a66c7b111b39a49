import { afterEach, expect, it, vi } from 'vitest';
import { warmHttpClient } from './warm-up';

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

it('loads Node’s HTTP client after start-up, with a request that needs no connection', async () => {
  vi.useFakeTimers();
  const fetched = vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response(''));
  warmHttpClient();
  // Not while the app is starting: once the loop is free.
  expect(fetched).not.toHaveBeenCalled();
  await vi.runAllTimersAsync();
  expect(fetched).toHaveBeenCalledTimes(1);
  expect(fetched).toHaveBeenCalledWith('data:,');
});

it('leaves the app running when the client cannot be loaded', async () => {
  vi.useFakeTimers();
  const fetched = vi.spyOn(globalThis, 'fetch').mockRejectedValue(new TypeError('fetch failed'));
  warmHttpClient();
  await vi.runAllTimersAsync();
  expect(fetched).toHaveBeenCalledTimes(1);
});
