import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { afterEach, expect, it } from 'vitest';
import { readAnswers } from './answer-reader';
import type { FromReader, ToReader } from './load-messages';

let ports: MessagePort[] = [];
afterEach(() => {
  for (const p of ports) p.close();
  ports = [];
});

/** A reader on this thread, driven as the copy's writer drives it, and what it sent back. */
function reader(items: unknown[], slice: number) {
  const { port1, port2 } = new MessageChannel();
  ports.push(port1, port2);
  readAnswers(port1);
  const got: FromReader[] = [];
  port2.on('message', (m: FromReader) => got.push(m));
  const send = (m: ToReader, transfer: ArrayBuffer[] = []) => port2.postMessage(m, transfer);
  send({ kind: 'start', items: true, watch: false, slice });
  const bytes = new TextEncoder().encode(JSON.stringify({ results: items }));
  // Pieces of 4 KB, as an answer arrives.
  for (let at = 0; at < bytes.length; at += 4096) {
    const piece = bytes.slice(at, at + 4096);
    send({ kind: 'bytes', stream: 'items', bytes: piece.buffer, length: piece.length }, [piece.buffer]);
  }
  send({ kind: 'end', stream: 'items' });
  return { got, send, rows: () => got.filter((m): m is Extract<FromReader, { kind: 'rows' }> => m.kind === 'rows') };
}

/** Turns of the event loop: the reader works one slice per turn, so one not waiting for the writer would have sent more by then. */
async function turns(n: number): Promise<void> {
  for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve));
}

const items = (n: number) => Array.from({ length: n }, (_, i) => ({ sku: `S${i}`, name: `item ${i}`, quantity: 1 }));

it('reads no more than sixteen slices ahead of what the writer has written, and goes on as each is written', async () => {
  const r = reader(items(3000), 100);
  let written = 0;
  let mostAhead = 0;
  while (!r.got.some((m) => m.kind === 'ended')) {
    await turns(20);
    mostAhead = Math.max(mostAhead, r.rows().length - written);
    if (r.rows().length > written) {
      written += 1;
      r.send({ kind: 'written', slice: 100 });
    }
  }
  expect(mostAhead).toBe(16);
  expect(r.rows().map((m) => m.rows.length)).toEqual(Array(30).fill(100));
  expect(r.rows().flatMap((m) => m.rows.map((row) => row[0]))).toEqual(items(3000).map((i) => i.sku));
  expect(r.got.find((m) => m.kind === 'ended')).toMatchObject({ total: 3000, shell: {} });
});

it('parses at most five hundred items at once, however many rows the writer would take', async () => {
  const r = reader(items(5200), 20_000);
  let written = 0;
  while (!r.got.some((m) => m.kind === 'ended')) {
    await turns(5);
    for (; written < r.rows().length; written++) r.send({ kind: 'written', slice: 20_000 });
  }
  expect(r.rows().map((m) => m.rows.length)).toEqual([...Array(10).fill(500), 200]);
});

it('counts items it cannot keep by reason, and passes their slice on with the rest', async () => {
  const r = reader([{ sku: 'A', quantity: 1 }, { name: 'no sku' }, 'not an item', { sku: 'B', quantity: 2 }], 100);
  while (!r.got.some((m) => m.kind === 'ended')) await turns(5);
  const [slice] = r.rows();
  expect(slice.rows.map((row) => row[0])).toEqual(['A', 'B']);
  expect(slice.skipped.reduce((n, [, k]) => n + k, 0)).toBe(2);
});

it('parses fewer items at once when they are large: a slice spans half a megabyte at most', async () => {
  const large = Array.from({ length: 100 }, (_, i) => ({ sku: `L${i}`, description: 'x'.repeat(20_000), quantity: 1 }));
  const r = reader(large, 500);
  let written = 0;
  while (!r.got.some((m) => m.kind === 'ended')) {
    await turns(5);
    for (; written < r.rows().length; written++) r.send({ kind: 'written', slice: 500 });
  }
  const sizes = r.rows().map((m) => m.rows.length);
  expect(Math.max(...sizes)).toBeLessThanOrEqual(Math.floor((512 * 1024) / 20_000));
  expect(sizes.reduce((a, b) => a + b, 0)).toBe(100);
  expect(r.rows().flatMap((m) => m.rows.map((row) => row[0]))).toEqual(large.map((i) => i.sku));
});
