import { describe, expect, it } from 'vitest';
import { VendorHttp } from '../http/vendor-http';
import { PictureService, type PictureSource } from './picture-service';

/** A picture host whose answers the test releases, counting requests and how many were open at once. */
function heldHost() {
  const waiting: (() => void)[] = [];
  const seen: string[] = [];
  let open = 0;
  let most = 0;
  const fetch = (async (url: string) => {
    seen.push(url);
    open += 1;
    most = Math.max(most, open);
    await new Promise<void>((r) => waiting.push(r));
    open -= 1;
    return new Response(new Uint8Array([1, 2, 3]), { headers: { 'Content-Type': 'image/png' } });
  }) as unknown as typeof globalThis.fetch;
  const releaseAll = async () => {
    while (seen.length === 0 || waiting.length > 0 || open > 0) {
      waiting.splice(0).forEach((go) => go());
      await new Promise((r) => setImmediate(r));
    }
  };
  return { fetch, seen, most: () => most, releaseAll };
}

const naming = (prefix: string, auth?: { user: string; password: string }): PictureSource => ({ planFor: (url) => (url.startsWith(prefix) ? { vendor: 'Vendor', basicAuth: auth } : null) });

describe('the picture service', () => {
  it('fetches only what a feature named, a few at a time whatever the calls, once per address', async () => {
    const host = heldHost();
    const service = new PictureService(new VendorHttp({ fetch: host.fetch }), { atOnce: 3 });
    const sources = [naming('https://a.example/'), naming('https://b.example/')];
    const urls = Array.from({ length: 8 }, (_, i) => `https://${i % 2 ? 'a' : 'b'}.example/${i}.png`);
    const calls = [service.get(urls, sources), service.get([...urls].reverse(), sources), service.get(['https://c.example/x.png', urls[0]], sources)];
    await host.releaseAll();
    const [first, second, third] = await Promise.all(calls);
    expect(host.most()).toBe(3);
    expect(host.seen.sort()).toEqual([...urls].sort());
    expect(first.images.every((i) => i.dataUrl === 'data:image/png;base64,AQID')).toBe(true);
    expect(second.images).toHaveLength(8);
    expect(third.images[0]).toEqual({ url: 'https://c.example/x.png', dataUrl: null, problem: 'That picture was not part of a vendor answer, so it was not fetched.' });
    expect(third.images[1].dataUrl).toBe('data:image/png;base64,AQID');
  });

  it('names the vendor and the reason when a picture cannot be loaded, without holding up the others', async () => {
    const fetch = (async (url: string) => (url.endsWith('gone.png') ? new Response('Not found', { status: 404 }) : new Response(new Uint8Array([9]), { headers: { 'Content-Type': 'image/gif' } }))) as unknown as typeof globalThis.fetch;
    const service = new PictureService(new VendorHttp({ fetch }));
    const { images } = await service.get(['https://a.example/gone.png', 'https://a.example/ok.gif'], [naming('https://a.example/')]);
    expect(images[0].problem).toMatch(/^The picture could not be loaded: Vendor answered HTTP 404/);
    expect(images[1].dataUrl).toBe('data:image/gif;base64,CQ==');
  });
});
