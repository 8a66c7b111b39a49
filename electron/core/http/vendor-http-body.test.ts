import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { SimHost } from '../../training/sim-host';
import { json, type SimRequest, type Simulator } from '../../training/simulator';
import { VendorError } from './vendor-error';
import { VendorHttp } from './vendor-http';

let seen: SimRequest[] = [];
let answer: (req: SimRequest) => ReturnType<Simulator['handle']> = () => json(200, { ok: true });
const sim = (id: string): Simulator => ({ id, name: id, prefix: `/${id}`, handle: (req) => (seen.push(req), answer(req)), reset() {} });
const host = new SimHost([sim('a')]);
let base = '';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vendor-http-body-'));
beforeAll(async () => {
  base = await host.start();
});
afterAll(async () => {
  await host.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});
const http = new VendorHttp({ sleep: async () => {} });

describe('VendorHttp bodies and downloads', () => {
  it('streams a multipart body from disk with its length and reports progress', async () => {
    seen = [];
    const file = path.join(dir, 'big.bin');
    const bytes = Buffer.alloc(1_500_000, 7);
    fs.writeFileSync(file, bytes);
    const progress: number[] = [];
    const res = await http.request({
      vendor: 'Trax Retail',
      method: 'POST',
      url: `${base}/a/upload`,
      headers: { Authorization: 'Auth-Token t' },
      body: { kind: 'multipart', parts: [{ name: 'file', fileName: 'sheet.zip', contentType: 'application/zip', path: file }, { name: 'email', value: 'a@b.c' }] },
      onUploadProgress: (sent) => progress.push(sent),
      schema: z.object({ ok: z.boolean() }),
    });
    expect(res.headers['content-type']).toBe('application/json');
    const req = seen[0];
    expect(Number(req.headers['content-length'])).toBe(req.raw!.length);
    expect(progress.at(-1)).toBe(req.raw!.length);
    expect(progress.length).toBeGreaterThan(2);
    const form = await new Response(req.raw!, { headers: { 'content-type': String(req.headers['content-type']) } }).formData();
    const f = form.get('file') as File;
    expect(f.name).toBe('sheet.zip');
    expect(Buffer.from(await f.arrayBuffer()).equals(bytes)).toBe(true);
    expect(form.get('email')).toBe('a@b.c');
  });

  it('downloads a binary answer to a file, keeping its headers', async () => {
    const bytes = Buffer.from([0x50, 0x4b, 0, 1, 2, 255]);
    answer = () => ({ status: 200, body: bytes, headers: { 'Content-Disposition': 'attachment; filename="errors.csv"' } });
    const to = path.join(dir, 'out.bin');
    const res = await http.download({ vendor: 'Trax Retail', method: 'GET', url: `${base}/a/file/1`, toFile: to });
    expect(res.bytes).toBe(6);
    expect(res.headers['content-disposition']).toContain('errors.csv');
    expect(fs.readFileSync(to).equals(bytes)).toBe(true);
  });

  it('a failed download keeps the vendor’s words and leaves no file', async () => {
    answer = () => json(401, { description: 'the API key is invalid' });
    const to = path.join(dir, 'none.bin');
    const e = await http.download({ vendor: 'Trax Retail', method: 'GET', url: `${base}/a/file/2`, toFile: to }).then(() => { throw new Error("expected a failure"); }, (x: VendorError) => x);
    expect(e).toBeInstanceOf(VendorError);
    expect(e.message).toBe('Trax Retail answered HTTP 401. Trax Retail said: “the API key is invalid”.');
    expect(fs.existsSync(to)).toBe(false);
  });

  it('follows a redirect to the same host with credentials, to another host without them', async () => {
    // 127.0.0.1 and localhost are two hosts for this rule, both loopback.
    const other = base.replace('127.0.0.1', 'localhost');
    seen = [];
    // The simulator host serves every path below its per-run token (`req.mount`).
    answer = (req) => (req.path === '/start' ? { status: 302, headers: { Location: `${req.mount}/a/same` } } : req.path === '/same' ? { status: 302, headers: { Location: `${other}/a/end` } } : json(200, { ok: true }));
    await http.request({ vendor: 'V', method: 'GET', url: `${base}/a/start`, headers: { Authorization: 'Auth-Token secret' }, schema: z.object({ ok: z.boolean() }), redirect: 'follow-safely' });
    expect(seen.map((r) => [r.path, r.headers.authorization])).toEqual([
      ['/start', 'Auth-Token secret'],
      ['/same', 'Auth-Token secret'],
      ['/end', undefined],
    ]);
  });

  it('refuses a redirect by default and one to plain http elsewhere always', async () => {
    answer = () => ({ status: 302, headers: { Location: 'http://example.com/x' } });
    const a = await http.request({ vendor: 'V', method: 'GET', url: `${base}/a/x`, headers: { Authorization: 'Auth-Token s' }, schema: z.unknown() }).then(() => { throw new Error("expected a failure"); }, (x: VendorError) => x);
    expect(a).toBeInstanceOf(VendorError);
    const b = await http.request({ vendor: 'V', method: 'GET', url: `${base}/a/x`, schema: z.unknown(), redirect: 'follow-safely' }).then(() => { throw new Error("expected a failure"); }, (x: VendorError) => x);
    expect(b.kind).toBe('insecure-endpoint');
  });
});
