import { describe, expect, it } from 'vitest';
import type { ResolvedConnection } from '../connections/connections-service';
import { VendorHttp } from '../core/http/vendor-http';
import { buildQueryBody, fetchInventory, InventoryFetchError, type InventoryQuery } from './inventory-client';
import { imageBaseFor, imageSet, imageUrl, LIVE_IMAGE_BASE } from './inventory-images';

const conn: ResolvedConnection<'simpleconsign'> = { id: 'simpleconsign', training: false, enabled: true, settings: { baseUrl: 'https://user.traxia.com/app/api/' }, secrets: { apiKey: 'live-key' } };

interface Seen {
  url: string;
  init: RequestInit;
}

function answering(status: number, body: string, headers: Record<string, string> = { 'Content-Type': 'application/json' }) {
  const seen: Seen[] = [];
  const fetchImpl = (async (url: string, init: RequestInit) => {
    seen.push({ url, init });
    return new Response(body, { status, headers });
  }) as unknown as typeof fetch;
  return { http: new VendorHttp({ fetch: fetchImpl, sleep: async () => {} }), seen };
}

async function failure(status: number, body: unknown, q: InventoryQuery = {}, headers?: Record<string, string>): Promise<InventoryFetchError> {
  const { http } = answering(status, typeof body === 'string' ? body : JSON.stringify(body), headers);
  const error = await fetchInventory(http, conn, q).then(() => null, (e: unknown) => e);
  if (!(error instanceof InventoryFetchError)) throw new Error(`expected an InventoryFetchError, got ${String(error)}`);
  return error;
}

describe('the request', () => {
  it('is a POST of the JSON query to <baseUrl>/inventory with JSON Accept and Content-Type', async () => {
    const { http, seen } = answering(200, '{"results":[{"sku":"A"}]}');
    const { results } = await fetchInventory(http, conn, { includeInactiveItems: true, includeItemsWithQuantityZero: true, modifiedSince: 1446833876000 });
    expect(results).toEqual([{ sku: 'A' }]);
    expect(seen[0].url).toBe('https://user.traxia.com/app/api/inventory');
    expect(seen[0].init.method).toBe('POST');
    expect(seen[0].init.headers).toMatchObject({ Accept: 'application/json', 'Content-Type': 'application/json' });
    expect(JSON.parse(String(seen[0].init.body))).toEqual({ key: 'live-key', includeItemsWithQuantityZero: 'true', includeInactiveItems: 'true', modifiedSince: '1446833876000' });
  });

  it('sends only the options that are set, booleans and modifiedSince as strings', () => {
    expect(buildQueryBody('k', {})).toEqual({ key: 'k' });
    expect(buildQueryBody('k', { category: 'CLOTHING', consignorId: '123456', includeOnlyEcommerceItems: true, includeItemsWithQuantityZero: false, includeInactiveItems: false })).toEqual({
      key: 'k', category: 'CLOTHING', consignorId: '123456', includeOnlyEcommerceItems: 'true', includeItemsWithQuantityZero: 'false', includeInactiveItems: 'false',
    });
  });

  it('needs an API key', async () => {
    const { http, seen } = answering(200, '{"results":[]}');
    await expect(fetchInventory(http, { ...conn, secrets: {} }, {})).rejects.toMatchObject({ kind: 'setup', message: expect.stringContaining('Location API key') });
    expect(seen).toHaveLength(0);
  });
});

describe('a dropped connection', () => {
  /** Fails the first `drops` requests as a connection closed before any answer, then answers. */
  function dropping(drops: number) {
    let calls = 0;
    const fetchImpl = (async () => {
      calls += 1;
      if (calls <= drops) throw new TypeError('fetch failed', { cause: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }) });
      return new Response('{"results":[{"sku":"A"}]}', { status: 200, headers: { 'Content-Type': 'application/json' } });
    }) as unknown as typeof fetch;
    return { http: new VendorHttp({ fetch: fetchImpl, sleep: async () => {} }), calls: () => calls };
  }

  it('is asked once more, since the request only reads', async () => {
    const d = dropping(1);
    expect((await fetchInventory(d.http, conn, {})).results).toEqual([{ sku: 'A' }]);
    expect(d.calls()).toBe(2);
  });

  it('twice in a row is a failure in its own words', async () => {
    const d = dropping(2);
    const error = await fetchInventory(d.http, conn, {}).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(InventoryFetchError);
    expect((error as Error).message).toContain('ECONNRESET');
    expect(d.calls()).toBe(2);
  });
});

describe('each failure in its own words', () => {
  it('an invalid key, whatever the status', async () => {
    expect(await failure(401, { success: false, error: 'Invalid API key' })).toMatchObject({ kind: 'invalid-key', message: expect.stringContaining('refused the API key') });
    expect(await failure(200, { success: false, error: 'Invalid API key' })).toMatchObject({ kind: 'invalid-key' });
    expect(await failure(403, 'Forbidden', {}, { 'Content-Type': 'text/plain' })).toMatchObject({ kind: 'invalid-key' });
  });

  it('the request cap, with when to come back', async () => {
    const e = await failure(429, { success: false, error: 'You have made too many API requests in the last ten minutes' }, {}, { 'Content-Type': 'application/json', 'Retry-After': '420' });
    expect(e).toMatchObject({ kind: 'request-cap', transient: true });
    expect(e.opts.retryAfterMs).toBe(420_000);
    expect(e.message).toContain('“You have made too many API requests in the last ten minutes”');
    expect(await failure(200, { error: 'You have made too many API requests in the last ten minutes' })).toMatchObject({ kind: 'request-cap' });
  });

  it('an unknown category, and other bad requests', async () => {
    expect(await failure(400, { success: false, error: 'Category not found: HATS' }, { category: 'HATS' })).toMatchObject({ kind: 'unknown-category', message: expect.stringContaining('does not know the category “HATS”') });
    expect(await failure(400, { success: false, error: 'Bad parameter' })).toMatchObject({ kind: 'bad-request', transient: false, message: expect.stringContaining('“Bad parameter”') });
    expect(await failure(400, '<html>Bad Request</html>', {}, { 'Content-Type': 'text/html' })).toMatchObject({ kind: 'bad-request', message: expect.stringContaining('HTTP 400') });
  });

  it('500 and 503 are worth retrying later', async () => {
    expect(await failure(500, '<html><body>500</body></html>', {}, { 'Content-Type': 'text/html' })).toMatchObject({ kind: 'server-error', transient: true, message: expect.stringContaining('internal error (HTTP 500)') });
    const busy = await failure(503, 'Service Unavailable', {}, { 'Content-Type': 'text/plain', 'Retry-After': '30' });
    expect(busy).toMatchObject({ kind: 'unavailable', transient: true, message: expect.stringContaining('at capacity (HTTP 503)') });
    expect(busy.opts.retryAfterMs).toBe(30_000);
  });

  it('an answer that is not the inventory', async () => {
    expect(await failure(200, '{"results": [')).toMatchObject({ kind: 'invalid-response', message: expect.stringContaining('not valid JSON') });
    expect(await failure(200, { items: [] })).toMatchObject({ kind: 'invalid-response', message: expect.stringContaining('does not understand') });
    expect((await failure(200, { items: [] })).opts.details?.join(' ')).toContain('neither a "results" list nor an error message');
  });

  it('refuses plain http to another machine before sending anything', async () => {
    const { http, seen } = answering(200, '{"results":[]}');
    await expect(fetchInventory(http, { ...conn, settings: { baseUrl: 'http://user.traxia.com/app/api' } }, {})).rejects.toMatchObject({ kind: 'setup' });
    expect(seen).toHaveLength(0);
  });
});

describe('image addresses', () => {
  it('come from SimpleConsign’s https store live and from the simulator in training', () => {
    expect(imageBaseFor({ training: false, settings: { baseUrl: 'https://user.traxia.com/app/api' } })).toBe(LIVE_IMAGE_BASE);
    expect(imageBaseFor({ training: true, settings: { baseUrl: 'http://127.0.0.1:4321/simpleconsign/' } })).toBe('http://127.0.0.1:4321/simpleconsign/images');
  });

  it('use optimized sizes for JPEGs only, and escape odd names', () => {
    expect(imageUrl(LIVE_IMAGE_BASE, 'a b.JPG', 'thumbnail')).toBe('https://s3.amazonaws.com/image.traxia.com/thumbnail/a%20b.JPG');
    expect(imageUrl(LIVE_IMAGE_BASE, 'x.png', 'thumbnail')).toBe('https://s3.amazonaws.com/image.traxia.com/x.png');
    expect(imageSet('http://b', 'p.jpeg')).toEqual({ name: 'p.jpeg', thumbnailUrl: 'http://b/thumbnail/p.jpeg', largeUrl: 'http://b/medium/p.jpeg', originalUrl: 'http://b/p.jpeg' });
  });
});
