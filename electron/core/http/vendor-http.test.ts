import { closedPort } from '../../testing/closed-port';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { faultSchema } from '../../../shared/contract/training';
import { SimHost } from '../../training/sim-host';
import { json, type Simulator } from '../../training/simulator';
import { backoffDelay, parseRetryAfter, VendorError } from './vendor-error';
import { transportMessage } from './transport';
import { VendorHttp } from './vendor-http';

let answer = json(200, { success: true });
const echo: Simulator = { id: 'echo', name: 'Echo', prefix: '/echo', handle: () => answer, reset() {} };
const host = new SimHost([echo]);
let url = '';
beforeAll(async () => {
  url = `${await host.start()}/echo`;
});
afterAll(() => host.stop());
beforeEach(() => {
  host.reset();
  answer = json(200, { success: true });
});

const delays: number[] = [];
const http = new VendorHttp({ sleep: async (ms) => void delays.push(ms) });
const schema = z.object({ success: z.boolean() });
const call = (extra: Partial<Parameters<VendorHttp['request']>[0]> = {}) =>
  http.request({ vendor: 'SimpleConsign', method: 'POST', url, json: { key: 'k' }, schema, timeoutMs: 2000, ...extra });
const fail = async (extra: Partial<Parameters<VendorHttp['request']>[0]> = {}) => {
  try {
    await call(extra);
  } catch (e) {
    if (e instanceof VendorError) return e;
    throw e;
  }
  throw new Error('expected the call to fail');
};
const inject = (f: Record<string, unknown>) => host.injectFault('echo', faultSchema.parse(f));

describe('VendorHttp', () => {
  it('returns the validated answer', async () => {
    expect((await call()).data).toEqual({ success: true });
  });

  it('refuses plain http to anything but this machine, before any request', async () => {
    const e = await fail({ url: 'http://user.traxia.com/app/api/transaction' });
    expect(e.kind).toBe('insecure-endpoint');
    expect(host.status().simulators[0].requestCount).toBe(0);
  });

  it('names what is wrong with an answer of the wrong shape', async () => {
    answer = json(200, { success: 'yes' });
    const e = await fail();
    expect(e.kind).toBe('invalid-response');
    expect(e.message).toBe('SimpleConsign sent an answer the app does not understand.');
    expect(e.opts.details?.[0]).toMatch(/^success: /);
  });

  it('says plainly when a vendor sends HTML or broken JSON', async () => {
    inject({ kind: 'html', count: 1 });
    expect((await fail()).message).toMatch(/sent a web page \(HTML\) instead of data. Its answer began: “<!DOCTYPE html>/);
    inject({ kind: 'malformed', count: 1 });
    expect((await fail()).message).toMatch(/data that is not valid JSON/);
  });

  it('keeps the vendor’s own words and Retry-After on an HTTP error', async () => {
    answer = json(400, { success: false, error: 'could not find item with SKU' });
    const bad = await fail();
    expect(bad.message).toBe('SimpleConsign answered HTTP 400. SimpleConsign said: “could not find item with SKU”.');
    expect(bad.transient).toBe(false);
    inject({ kind: 'unavailable', count: 1, retryAfterSeconds: 30 });
    const busy = await fail();
    expect(busy.message).toMatch(/is at capacity \(HTTP 503\).*asked to wait 30 s/);
    expect(busy).toMatchObject({ transient: true, retryAfterMs: 30_000, mayHaveApplied: false });
    inject({ kind: 'server-error', count: 1 });
    expect((await fail()).mayHaveApplied).toBe(true);
  });

  it('reads the JSON of statuses the caller declared as answers', async () => {
    answer = json(401, { success: false });
    expect((await call({ answerStatuses: [401] })).status).toBe(401);
  });

  it('retries transient refusals with backoff no shorter than Retry-After', async () => {
    delays.length = 0;
    inject({ kind: 'rate-limit', count: 2, retryAfterSeconds: 3 });
    expect((await call({ retries: 2 })).data).toEqual({ success: true });
    expect(delays).toHaveLength(2);
    expect(delays.every((d) => d >= 3000)).toBe(true);
  });

  it('never repeats a call the vendor may already have applied', async () => {
    inject({ kind: 'drop-after-apply', count: 1 });
    const e = await fail({ retries: 3 });
    expect(e).toMatchObject({ kind: 'network', mayHaveApplied: true });
    expect(host.status().simulators[0].requestCount).toBe(1);
  });

  it('times out a vendor that does not answer', async () => {
    inject({ kind: 'timeout', count: 1 });
    const e = await fail({ timeoutMs: 200 });
    expect(e).toMatchObject({ kind: 'timeout', mayHaveApplied: true });
    expect(e.message).toBe('SimpleConsign did not answer within 200 ms.');
  });

  it('knows a refused connection never reached the vendor, and names the address to check', async () => {
    const port = await closedPort();
    const e = await fail({ url: `http://127.0.0.1:${port}/echo` });
    expect(e).toMatchObject({ kind: 'network', mayHaveApplied: false, transient: true });
    expect(e.message).toBe(`SimpleConsign could not be reached: 127.0.0.1:${port} refused the connection (nothing accepts calls there). Check the address 127.0.0.1:${port} on the SimpleConsign connection.`);
  });

  it('says an unknown host is the address to check, and never promises to try again', () => {
    expect(transportMessage('TRAX IFPOS', 'api.etraxsaless.com', 'ENOTFOUND')).toBe(
      'TRAX IFPOS could not be reached: the host api.etraxsaless.com does not exist (unknown host). Check the address api.etraxsaless.com on the TRAX IFPOS connection.',
    );
    for (const code of ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ECONNRESET']) expect(transportMessage('X', 'h', code)).not.toMatch(/try again/);
  });
});

describe('backoff', () => {
  it('grows exponentially with jitter, capped, and honours Retry-After', () => {
    expect(backoffDelay(1, { random: () => 0 })).toBe(500);
    expect(backoffDelay(1, { random: () => 1 })).toBe(1000);
    expect(backoffDelay(4, { random: () => 1 })).toBe(8000);
    expect(backoffDelay(30, { random: () => 1 })).toBe(300_000);
    expect(backoffDelay(1, { random: () => 0, retryAfterMs: 60_000 })).toBe(60_000);
  });

  it('parses Retry-After as seconds or a date', () => {
    const now = Date.parse('2026-11-24T12:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Tue, 24 Nov 2026 12:01:00 GMT', now)).toBe(60_000);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});
