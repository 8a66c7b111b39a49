import { describe, expect, it } from 'vitest';
import { PIECES_PER_TURN, readHead } from './body-pieces';

/** A body whose pieces have all arrived already, as a fast line leaves them. */
function arrived(count: number): ReadableStream<Uint8Array> {
  const piece = new TextEncoder().encode('{"a":1},');
  let sent = 0;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode('['));
      for (; sent < count; sent++) controller.enqueue(piece);
      controller.enqueue(new TextEncoder().encode('{"a":1}]'));
      controller.close();
    },
  });
}

const failed = (e: unknown) => (e instanceof Error ? e : new Error(String(e)));

describe('a body read as it arrives', () => {
  it('gives the event loop a turn while pieces already received are read, and reads every piece', async () => {
    const head = await readHead(arrived(2_000), failed);
    expect(head.kind).toBe('pieces');
    const turnsAt: number[] = [];
    let read = 0;
    let waiting = true;
    const watch = () => {
      turnsAt.push(read);
      if (waiting) setImmediate(watch);
    };
    setImmediate(watch);
    let bytes = 0;
    for await (const piece of (head as { pieces: AsyncIterable<Uint8Array> }).pieces) {
      read++;
      bytes += piece.byteLength;
    }
    waiting = false;
    expect(bytes).toBe(1 + 2_000 * 8 + 8);
    // Without the turns, every piece would be read before the loop's first turn.
    expect(turnsAt[0]).toBeLessThanOrEqual(PIECES_PER_TURN + 2);
    expect(turnsAt.filter((n) => n < read).length).toBeGreaterThanOrEqual(Math.floor(2_000 / (PIECES_PER_TURN + 2)));
  });

});
