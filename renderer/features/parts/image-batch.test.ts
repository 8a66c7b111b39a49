import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createImageLoader } from './image-batch';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const answer = (urls: string[]) => ({ images: urls.map((url) => (url.includes('bad') ? { url, dataUrl: null, problem: `No picture at ${url}.` } : { url, dataUrl: `data:${url}`, problem: null })) });

describe('thumbnails asked for together', () => {
  it('go to the app in one call, each asker getting its own picture or its own reason', async () => {
    const fetchImages = vi.fn(async (urls: string[]) => answer(urls));
    const load = createImageLoader(fetchImages);
    const asked = ['a', 'b', 'a', 'bad-c'].map((u) => load(u).then((d) => ({ ok: d }), (e: Error) => ({ no: e.message })));
    await vi.runAllTimersAsync();
    expect(fetchImages).toHaveBeenCalledTimes(1);
    expect(fetchImages).toHaveBeenCalledWith(['a', 'b', 'bad-c']);
    expect(await Promise.all(asked)).toEqual([{ ok: 'data:a' }, { ok: 'data:b' }, { ok: 'data:a' }, { no: 'No picture at bad-c.' }]);
  });

  it('splits a very long list into calls the app accepts, and a failed call fails only its own pictures', async () => {
    const fetchImages = vi.fn(async (urls: string[]) => {
      if (urls.includes('u150')) throw new Error('The app did not answer.');
      return answer(urls);
    });
    const load = createImageLoader(fetchImages);
    const asked = Array.from({ length: 160 }, (_, i) => load(`u${i}`).then(() => 'ok', (e: Error) => e.message));
    await vi.runAllTimersAsync();
    expect(fetchImages.mock.calls.map((c) => c[0].length)).toEqual([100, 60]);
    const outcomes = await Promise.all(asked);
    expect(outcomes.slice(0, 100).every((o) => o === 'ok')).toBe(true);
    expect(new Set(outcomes.slice(100))).toEqual(new Set(['The app did not answer.']));
  });

  it('says so when the app leaves a picture out of its answer', async () => {
    const load = createImageLoader(async () => ({ images: [] }));
    const asked = load('x').catch((e: Error) => e.message);
    await vi.runAllTimersAsync();
    expect(await asked).toBe('The app sent no picture for this address.');
  });
});
