import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { VendorError } from './vendor-error';
import { VendorHttp } from './vendor-http';

const OFFERED = 200 * 1024 * 1024;
const CHUNK = Buffer.alloc(64 * 1024, 0x41);

/** How much each answer managed to hand to its connection before the app stopped reading. */
const written: number[] = [];
let declareLength = false;
let type = 'image/png';

/** Offers 200 MB, written only as fast as the connection takes it, until it is closed. */
const server = http.createServer((req, res) => {
  const slot = written.push(0) - 1;
  res.writeHead(200, { 'Content-Type': type, ...(declareLength ? { 'Content-Length': String(OFFERED) } : {}) });
  const pump = () => {
    while (written[slot] < OFFERED) {
      written[slot] += CHUNK.length;
      if (!res.write(CHUNK)) return void res.once('drain', pump);
    }
    res.end();
  };
  res.on('close', () => res.removeAllListeners('drain'));
  pump();
});
let base = '';
beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r()))));

const vendorHttp = new VendorHttp();
const failure = (p: Promise<unknown>) => p.then(() => { throw new Error('expected a failure'); }, (e: unknown) => e as VendorError);

describe('answers larger than the app reads', () => {
  it('refuses a picture whose Content-Length is over the limit without reading it', async () => {
    declareLength = true;
    type = 'image/png';
    written.length = 0;
    const e = await failure(vendorHttp.fetchBinary({ vendor: 'HeavyTruckParts', url: `${base}/huge.png`, accept: 'image/', maxBytes: 1024 * 1024 }));
    expect(e).toBeInstanceOf(VendorError);
    expect(e.message).toMatch(/too large to show \(more than 1 MB\)/);
    expect(written[0]).toBeLessThan(32 * 1024 * 1024);
  });

  it('stops reading a picture as soon as it passes the limit, whatever length it claimed', async () => {
    declareLength = false;
    written.length = 0;
    const e = await failure(vendorHttp.fetchBinary({ vendor: 'HeavyTruckParts', url: `${base}/endless.png`, accept: 'image/', maxBytes: 1024 * 1024 }));
    expect(e.message).toMatch(/too large to show/);
    expect(written[0]).toBeLessThan(32 * 1024 * 1024);
  });

  it('refuses a body of the wrong type before reading it', async () => {
    type = 'text/html';
    written.length = 0;
    const e = await failure(vendorHttp.fetchBinary({ vendor: 'HeavyTruckParts', url: `${base}/page`, accept: 'image/' }));
    expect(e.message).toMatch(/sent text\/html, not image/);
    expect(written[0]).toBeLessThan(32 * 1024 * 1024);
  });

  it('stops reading a vendor answer that passes the limit for answers read whole', async () => {
    type = 'application/json';
    written.length = 0;
    const e = await failure(vendorHttp.request({ vendor: 'Trax Retail', method: 'GET', url: `${base}/details/1`, schema: z.unknown(), maxBytes: 1024 * 1024 }));
    expect(e.kind).toBe('invalid-response');
    expect(e.message).toMatch(/larger than the app reads \(1 MB\)/);
    expect(written[0]).toBeLessThan(32 * 1024 * 1024);
  });
});
