import { describe, expect, it } from 'vitest';
import { LARGE_JSON_BYTES, parseJsonOffThread, readJsonBody } from './parse-json';

const bytes = (text: string) => {
  const b = Buffer.from(text);
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
};

describe('parseJsonOffThread', () => {
  it('gives back an object with a large results list, in order', async () => {
    const results = Array.from({ length: 4321 }, (_, i) => ({ sku: `S${i}`, price: i, name: 'Cardigan · é' }));
    expect(await parseJsonOffThread(bytes(JSON.stringify({ success: true, results })))).toEqual({ success: true, results });
  });

  it('gives back a top-level array and plain values', async () => {
    expect(await parseJsonOffThread(bytes('[1,2,3]'))).toEqual([1, 2, 3]);
    expect(await parseJsonOffThread(bytes('{"error":"Invalid API key"}'))).toEqual({ error: 'Invalid API key' });
    expect(await parseJsonOffThread(bytes('null'))).toBeNull();
  });

  it('rejects text that is not JSON', async () => {
    await expect(parseJsonOffThread(bytes('{"success": tru'))).rejects.toBeInstanceOf(SyntaxError);
  });
});

describe('readJsonBody', () => {
  it('reads small and large answers alike, keeping the head for messages', async () => {
    const big = JSON.stringify({ results: Array.from({ length: 60000 }, (_, i) => ({ sku: `SKU-${i}`, description: 'x'.repeat(30) })) });
    expect(big.length).toBeGreaterThan(LARGE_JSON_BYTES);
    const large = await readJsonBody(bytes(big));
    expect(large.isJson).toBe(true);
    expect((large.body as { results: unknown[] }).results).toHaveLength(60000);
    expect(large.head).toBe(big.slice(0, 1024));
    expect(await readJsonBody(bytes('{"a":1}'))).toEqual({ head: '{"a":1}', body: { a: 1 }, isJson: true });
    expect(await readJsonBody(bytes(''))).toEqual({ head: '', body: null, isJson: true });
  });

  it('says when a large or small answer is not JSON', async () => {
    const page = `<!DOCTYPE html><html>${'<p>maintenance</p>'.repeat(200000)}</html>`;
    expect(await readJsonBody(bytes(page))).toMatchObject({ isJson: false, head: page.slice(0, 1024) });
    expect(await readJsonBody(bytes('{"success": tru'))).toMatchObject({ isJson: false });
  });
});
