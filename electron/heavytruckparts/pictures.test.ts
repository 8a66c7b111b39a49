import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { searchInputSchema } from '../../shared/heavytruckparts/inputs';
import { PictureService } from '../core/pictures/picture-service';
import { startParts, type PartsHarness } from './test-harness';

let h: PartsHarness;
beforeEach(async () => {
  h = await startParts(11);
});
afterEach(() => h.close());

const pictureRequests = () => h.requests.filter((r) => r.path.startsWith('/images/')).map((r) => r.path);

describe('vendor pictures through the app', () => {
  it('are fetched once each however the window’s calls overlap, and kept for the session', async () => {
    const page = await h.parts.search(searchInputSchema.parse({ partType: '*', make: '*', model: '*', resultSize: 10, vendor: '101' }));
    const urls = [...new Set(page.hits.flatMap((x) => x.images))];
    expect(urls.length).toBeGreaterThan(5);
    // A slow picture host: every call below is still waiting when the next one arrives.
    h.core.simHost.injectFault('heavytruckparts', { kind: 'slow', count: null, retryAfterSeconds: 0, delayMs: 300 });
    const answers = await Promise.all([h.getPictures(urls.slice(0, 1)), h.getPictures(urls.slice(0, 4)), h.getPictures(urls), h.getPictures([...urls].reverse())]);
    h.core.simHost.clearFaults('heavytruckparts');
    for (const a of answers) for (const image of a.images) expect(image.dataUrl).toMatch(/^data:image\/png;base64,/);
    expect(pictureRequests()).toHaveLength(urls.length);
    expect(new Set(pictureRequests()).size).toBe(urls.length);
    // Asked again later (another page, the item's gallery): from memory, nothing sent.
    await h.getPictures(urls);
    expect(pictureRequests()).toHaveLength(urls.length);
    expect(h.pictures.held().count).toBe(urls.length);
  });

  it('keeps within its byte budget: the oldest pictures leave first and are fetched again if asked for', async () => {
    const page = await h.parts.search(searchInputSchema.parse({ partType: '*', make: '*', model: '*', resultSize: 10, vendor: '101' }));
    const urls = [...new Set(page.hits.flatMap((x) => x.images))];
    const small = new PictureService(h.core.http, { maxBytes: 8_000 });
    const sources = [h.feature.pictures!];
    for (const url of urls) await small.get([url], sources);
    expect(small.held().bytes).toBeLessThanOrEqual(8_000);
    expect(small.held().count).toBeLessThan(urls.length);
    const before = pictureRequests().length;
    await small.get([urls.at(-1)!], sources);
    expect(pictureRequests().length).toBe(before);
    await small.get([urls[0]], sources);
    expect(pictureRequests().length).toBe(before + 1);
  });
});
