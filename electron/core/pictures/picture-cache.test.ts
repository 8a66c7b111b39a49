import { describe, expect, it } from 'vitest';
import { PictureCache } from './picture-cache';

const deferred = () => {
  let resolve!: (v: string) => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<string>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
};

describe('the picture cache', () => {
  it('shares a fetch already under way and keeps what it brought', async () => {
    const cache = new PictureCache(1000);
    const d = deferred();
    let fetches = 0;
    const fetch = () => ((fetches += 1), d.promise);
    const asks = [cache.get('a', fetch), cache.get('a', fetch), cache.get('a', fetch)];
    d.resolve('x'.repeat(10));
    expect(await Promise.all(asks)).toEqual(['x'.repeat(10), 'x'.repeat(10), 'x'.repeat(10)]);
    expect(await cache.get('a', fetch)).toBe('x'.repeat(10));
    expect(fetches).toBe(1);
    expect(cache.bytes).toBe(10);
  });

  it('keeps no failure: the next ask fetches again', async () => {
    const cache = new PictureCache(1000);
    let fetches = 0;
    await expect(cache.get('a', async () => ((fetches += 1), Promise.reject(new Error('no'))))).rejects.toThrow('no');
    expect(await cache.get('a', async () => ((fetches += 1), 'ok'))).toBe('ok');
    expect(fetches).toBe(2);
  });

  it('stays within its bytes, letting the least recently used go first', async () => {
    const cache = new PictureCache(100);
    for (const k of ['a', 'b', 'c', 'd']) await cache.get(k, async () => k.repeat(24));
    // "a" is used again, so "b" is the oldest when "e" needs room.
    await cache.get('a', async () => 'refetched');
    await cache.get('e', async () => 'e'.repeat(24));
    expect(cache.bytes).toBeLessThanOrEqual(100);
    let refetched = 0;
    for (const k of ['a', 'c', 'd', 'e']) await cache.get(k, async () => ((refetched += 1), k));
    expect(refetched).toBe(0);
    expect(await cache.get('b', async () => 'b again')).toBe('b again');
  });

  it('does not let one large picture push out the others', async () => {
    const cache = new PictureCache(100);
    await cache.get('small', async () => 's'.repeat(20));
    await cache.get('large', async () => 'L'.repeat(60));
    expect(cache.count).toBe(1);
    expect(await cache.get('small', async () => 'refetched')).toBe('s'.repeat(20));
  });
});
