import { EventEmitter } from 'node:events';
import type { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import type { FromWorker, ToWorker } from './load-messages';
import { WorkerLink } from './worker-link';

/** A worker that takes bytes in at once and hands each buffer back, as load-worker.ts does when nothing holds it. */
class TakingWorker extends EventEmitter {
  readonly buffers: ArrayBuffer[] = [];
  received = 0;
  postMessage(m: ToWorker): void {
    const answer = (a: FromWorker) => setImmediate(() => this.emit('message', a));
    if (m.kind === 'bytes') {
      this.buffers.push(m.bytes);
      this.received += m.length;
      answer({ kind: 'taken', stream: m.stream, bytes: m.bytes.byteLength, spare: m.bytes });
    } else if (m.kind === 'end') answer({ kind: 'ended', stream: m.stream, total: 0, shell: null });
  }
  async terminate(): Promise<number> {
    return 0;
  }
}

/** An answer whose pieces have all arrived already: each is there as soon as it is asked for. */
async function* arrived(pieces: number, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < pieces; i++) yield new Uint8Array(size).fill(i % 251);
}

describe('handing an answer to the copy’s worker', () => {
  it('lets the event loop turn after each batch, and fills the batches the worker hands back', async () => {
    const worker = new TakingWorker();
    const link = new WorkerLink({ take: () => worker as unknown as Worker });
    let turns = 0;
    let piping = true;
    const turn = () => {
      turns += 1;
      if (piping) setImmediate(turn);
    };
    setImmediate(turn);
    // 12 MB in 64 KB pieces, all of it already there.
    await link.pipe('items', arrived(192, 64 * 1024));
    piping = false;
    expect(worker.received).toBe(12 * 1024 * 1024);
    // A turn for each megabyte sent, at least: read in one go, the loop would turn once or twice.
    expect(turns).toBeGreaterThanOrEqual(11);
    // Twelve batches of a megabyte, in a handful of buffers used again.
    const full = worker.buffers.filter((b) => b.byteLength === 1024 * 1024);
    expect(full.length).toBe(12);
    expect(new Set(full).size).toBeLessThanOrEqual(3);
  });
});
