import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPictureLoader } from './picture-loader';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const answer = (urls: string[]) => ({ images: urls.map((url) => (url.includes('bad') ? { url, dataUrl: null, problem: `No picture at ${url}.` } : { url, dataUrl: `data:${url}`, problem: null })) });

/** A fetch whose answers the test releases, so calls overlap as they do on a busy machine. */
function heldFetch() {
  const calls: { urls: string[]; release: () => void }[] = [];
  const fetchPictures = vi.fn(
    (urls: string[]) =>
      new Promise<ReturnType<typeof answer>>((resolve) => {
        calls.push({ urls, release: () => resolve(answer(urls)) });
      }),
  );
  return { calls, fetchPictures };
}

describe('pictures asked for together', () => {
  it('go to the app in one call, each asker getting its own picture or its own reason', async () => {
    const fetchPictures = vi.fn(async (urls: string[]) => answer(urls));
    const load = createPictureLoader(fetchPictures);
    const asked = ['a', 'b', 'a', 'bad-c'].map((u) => load(u).then((d) => ({ ok: d }), (e: Error) => ({ no: e.message })));
    await vi.runAllTimersAsync();
    expect(fetchPictures).toHaveBeenCalledTimes(1);
    expect(fetchPictures).toHaveBeenCalledWith(['a', 'b', 'bad-c']);
    expect(await Promise.all(asked)).toEqual([{ ok: 'data:a' }, { ok: 'data:b' }, { ok: 'data:a' }, { no: 'No picture at bad-c.' }]);
  });

  it('sends each address once however the calls overlap: a later ask waits for the call already carrying it', async () => {
    const { calls, fetchPictures } = heldFetch();
    const load = createPictureLoader(fetchPictures);
    const first = ['p1', 'p2', 'p3'].map(load);
    await vi.runAllTimersAsync();
    // While the first call is on its way, more rows appear: some ask again for the same pictures.
    const second = ['p2', 'p4', 'p1'].map(load);
    await vi.runAllTimersAsync();
    const third = ['p4', 'p5', 'p3'].map(load);
    await vi.runAllTimersAsync();
    expect(calls.map((c) => c.urls)).toEqual([['p1', 'p2', 'p3'], ['p4'], ['p5']]);
    for (const c of [...calls].reverse()) c.release();
    expect(await Promise.all([...first, ...second, ...third])).toEqual(['p1', 'p2', 'p3', 'p2', 'p4', 'p1', 'p4', 'p5', 'p3'].map((u) => `data:${u}`));
    expect(fetchPictures.mock.calls.flatMap((c) => c[0]).sort()).toEqual(['p1', 'p2', 'p3', 'p4', 'p5']);
  });

  it('splits a very long list into calls the app accepts, and a failed call fails only its own pictures', async () => {
    const fetchPictures = vi.fn(async (urls: string[]) => {
      if (urls.includes('u150')) throw new Error('The app did not answer.');
      return answer(urls);
    });
    const load = createPictureLoader(fetchPictures);
    const asked = Array.from({ length: 160 }, (_, i) => load(`u${i}`).then(() => 'ok', (e: Error) => e.message));
    await vi.runAllTimersAsync();
    expect(fetchPictures.mock.calls.map((c) => c[0].length)).toEqual([100, 60]);
    const outcomes = await Promise.all(asked);
    expect(outcomes.slice(0, 100).every((o) => o === 'ok')).toBe(true);
    expect(new Set(outcomes.slice(100))).toEqual(new Set(['The app did not answer.']));
  });

  it('says so when the app leaves a picture out of its answer, and asks again for it later', async () => {
    const fetchPictures = vi.fn(async (urls: string[]) => (fetchPictures.mock.calls.length === 1 ? { images: [] } : answer(urls)));
    const load = createPictureLoader(fetchPictures);
    const asked = load('x').catch((e: Error) => e.message);
    await vi.runAllTimersAsync();
    expect(await asked).toBe('The app sent no picture for this address.');
    const again = load('x');
    await vi.runAllTimersAsync();
    expect(await again).toBe('data:x');
  });
});
