import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { VendorError } from './vendor-error';
import { VendorHttp } from './vendor-http';

const pieces = z.custom<AsyncIterable<Uint8Array>>((v) => typeof v === 'object' && v !== null && Symbol.asyncIterator in v);
const bytes = (s: string) => new TextEncoder().encode(s);

/** A vendor whose answer is the given chunks, then (unless `stall`) its end; it honours the call's abort. */
function vendor(chunks: string[], stall = false): typeof fetch {
  return async (_url, init) =>
    new Response(
      new ReadableStream<Uint8Array>({
        start(controller) {
          for (const c of chunks) controller.enqueue(bytes(c));
          if (!stall) controller.close();
          init?.signal?.addEventListener('abort', () => controller.error(init.signal!.reason));
        },
      }),
      { status: 200, headers: { 'Content-Type': 'application/json' } },
    );
}

const ask = (http: VendorHttp) => http.request({ vendor: 'SimpleConsign', method: 'POST', url: 'https://vendor.example/inventory', json: {}, schema: pieces, timeoutMs: 200, retries: 0, streamBody: true });

/** Reads the answer; the reader's own work after each piece moves the (fake) clock on by `workMs`. */
async function readAll(body: AsyncIterable<Uint8Array>, workMs: number): Promise<string> {
  let text = '';
  for await (const piece of body) {
    text += new TextDecoder().decode(piece);
    // The reader writes what it read before it asks for more.
    if (workMs > 0) await vi.advanceTimersByTimeAsync(workMs);
  }
  return text;
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('a streamed answer', () => {
  it('is read to its end however long its reader takes, while the vendor keeps up', async () => {
    const http = new VendorHttp({ fetch: vendor(['[1,', '2,', '3,', '4]']) });
    const res = await ask(http);
    // Four pieces with 300 ms of the reader's own work after each: well past the 200 ms deadline in all.
    expect(await readAll(res.data, 300)).toBe('[1,2,3,4]');
  });

  it('times out when the vendor stops sending, and says so plainly', async () => {
    const http = new VendorHttp({ fetch: vendor(['[1,', '2,'], true) });
    const res = await ask(http);
    let error: unknown = undefined;
    const reading = readAll(res.data, 0).then(
      () => (error = null),
      (e: unknown) => (error = e),
    );
    // The vendor sends nothing more: the clock moves on until the reading ends, at most a second.
    for (let ms = 0; error === undefined && ms < 1000; ms += 50) await vi.advanceTimersByTimeAsync(50);
    await reading;
    expect(error).toBeInstanceOf(VendorError);
    expect((error as VendorError).kind).toBe('timeout');
    expect((error as VendorError).message).toBe('SimpleConsign did not answer within 200 ms.');
  });
});
